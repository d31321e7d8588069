"""Highlighted titles and snippets: the reader's words marked in the original text."""

import regex
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import UNSPACED, analyzer, fold

SNIPPET_LENGTH = 240
LEAD_IN = 60
# A match further into a long body is not worth the scan: the summary is shown instead.
SCAN_LENGTH = 2000


class Highlighter:
    """Marks where a query's words occur in texts of one language."""

    def __init__(self, query, language):
        self.analyzer = analyzer(language)
        self.terms = set(self.analyzer.query_terms(query))
        # Unspaced scripts are marked where the query's run of characters occurs.
        runs = [run.group() for run in UNSPACED.finditer(fold(query, language))]
        self.runs = regex.compile("|".join(map(regex.escape, runs))) if runs else None

    def spans(self, text):
        spans = [
            (start, end)
            for start, end, terms in self.analyzer.words(text)
            if not UNSPACED.search(text[start:end]) and self.terms.intersection(terms)
        ]
        if self.runs:
            spans += [match.span() for match in self.runs.finditer(text)]
        return sorted(spans)

    def mark(self, text, spans, start=0, end=None):
        end = len(text) if end is None else end
        parts, position = [], start
        for span_start, span_end in spans:
            if span_start < position or span_end > end:
                continue
            parts.append(escape(text[position:span_start]))
            parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
            position = span_end
        parts.append(escape(text[position:end]))
        return "".join(parts)

    def title(self, text):
        return mark_safe(self.mark(text, self.spans(text)))

    def first_match(self, text):
        """Where the first of the query's words occurs in the text, or None."""
        run = self.runs.search(text) if self.runs else None
        run_start = run.start() if run else None
        for start, end, terms in self.analyzer.words(text):
            if run_start is not None and start >= run_start:
                return run_start
            if not UNSPACED.search(text[start:end]) and self.terms.intersection(terms):
                return start
        return run_start

    def snippet(self, *texts):
        """About SNIPPET_LENGTH characters around the first match of the first text with one."""
        for text in texts:
            first = self.first_match(text[:SCAN_LENGTH])
            if first is not None:
                break
        else:
            text, first = texts[0], 0
        start = 0
        if first > LEAD_IN:
            start = text.rfind(" ", 0, first - LEAD_IN) + 1
            # Unspaced scripts have no space to cut at: cut at the character.
            start = start or first - LEAD_IN
        end = min(len(text), start + SNIPPET_LENGTH)
        # Only the shown window is scanned for the rest of the marks.
        window = text[start:end]
        html = self.mark(window, self.spans(window))
        if start > 0:
            html = "…" + html
        if end < len(text):
            html += "…"
        return mark_safe(html)
