"""Latency of the readers' search on the database in use: p50/p95 per locale, as JSON too."""

import json
import statistics
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from search.analysis import WORD
from search.models import SearchDocument

TARGETS_MS = {"search": 100, "suggest": 30}


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Measure search and autocomplete latency for common and rare words in each locale."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="requests per measurement")
        parser.add_argument("--json", dest="json_path", help="also write the figures here")
        parser.add_argument("--host", default="localhost")

    def handle(self, *args, repeat, json_path, host, **options):
        if repeat < 2:
            raise CommandError("--repeat must be at least 2.")
        if not SearchDocument.objects.exists():
            raise CommandError("The search index is empty: run update_index first.")
        client = Client(HTTP_HOST=host)
        rows = []
        for locale in Locale.objects.order_by("pk"):
            common, rare = self.words(client, locale)
            for label, word in (("common", common), ("rare", rare)):
                rows.append(self.measure(client, locale, "search", label, word, repeat))
            rows.append(self.measure(client, locale, "suggest", "prefix", common[:3], repeat))
        report = {
            "database": connection.vendor,
            "documents": SearchDocument.objects.count(),
            "targets_ms": TARGETS_MS,
            "rows": rows,
        }
        self.print_table(report)
        if json_path:
            with open(json_path, "w", encoding="utf-8") as output:
                json.dump(report, output, ensure_ascii=False, indent=2)

    def words(self, client, locale):
        """The most frequent and a rare word of a sample of this locale's titles that search
        finds: a stop word (PostgreSQL's Portuguese drops "para") measures nothing."""
        titles = SearchDocument.objects.filter(locale=locale).values_list("title", flat=True)
        counts = Counter()
        for title in titles.order_by("-published_at")[:3000]:
            counts.update({word.lower() for word in WORD.findall(title) if len(word) >= 4})
        if not counts:
            # Unspaced scripts: whole title runs are "words"; take two characters of one.
            title = titles.first() or "新闻"
            return title[:2], title[-3:-1] or title[:2]
        ranked = [word for word, _count in counts.most_common()]
        common = next((word for word in ranked[:20] if self.finds(client, locale, word)), None)
        rare = next((w for w in reversed(ranked[-20:]) if self.finds(client, locale, w)), None)
        return common or ranked[0], rare or ranked[-1]

    def finds(self, client, locale, word):
        response = client.get(f"/{locale.language_code}/search/results.json", {"q": word})
        return response.status_code == 200 and response.json().get("total", 0) > 0

    def measure(self, client, locale, endpoint, label, word, repeat):
        path = f"/{locale.language_code}/search/"
        path += "results.json" if endpoint == "search" else "suggest.json"
        client.get(path, {"q": word})  # warm caches the way a served site has them
        timings, queries = [], set()
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as context:
                started = time.perf_counter()
                response = client.get(path, {"q": word})
                timings.append((time.perf_counter() - started) * 1000)
            queries.add(len(context.captured_queries))
            if response.status_code != 200:
                raise CommandError(f"{path}?q={word} answered {response.status_code}")
        data = response.json()
        found = data.get("total", len(data.get("suggestions", [])))
        return {
            "locale": locale.language_code,
            "endpoint": endpoint,
            "word_kind": label,
            "word": word,
            "results": found,
            "queries": sorted(queries),
            "p50_ms": round(statistics.median(timings), 1),
            "p95_ms": round(percentile(timings, 0.95), 1),
            "target_ms": TARGETS_MS[endpoint],
        }

    def print_table(self, report):
        self.stdout.write(
            f"Search on {report['database']}, {report['documents']} documents indexed"
        )
        header = f"{'locale':8} {'endpoint':8} {'word':8} {'results':>8} {'queries':>8} "
        header += f"{'p50 ms':>8} {'p95 ms':>8}  target"
        self.stdout.write(header)
        for row in report["rows"]:
            verdict = "ok" if row["p95_ms"] <= row["target_ms"] else "SLOW"
            queries = "/".join(map(str, row["queries"]))
            self.stdout.write(
                f"{row['locale']:8} {row['endpoint']:8} {row['word_kind']:8} "
                f"{row['results']:>8} {queries:>8} {row['p50_ms']:>8} {row['p95_ms']:>8}  "
                f"<{row['target_ms']} {verdict}"
            )
