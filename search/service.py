"""A reader's search from request parameters to results, facets and promotions.

The HTML page and the JSON endpoint both answer through `run_search`, so they take the
same parameters and give the same results.
"""

import math
import unicodedata
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from cms.core.searchable import search_kinds
from cms.privacy import is_private
from cms.taxonomy.models import Category, Country

from .engines import get_engine
from .engines.base import SearchRequest
from .highlight import Highlighter
from .models import SearchDocument

MAX_QUERY_LENGTH = 200
# Deep pages of a relevance ranking are never read; the cap keeps OFFSET cheap.
MAX_PAGE = 100
SORTS = ("relevance", "date")
SUGGESTIONS = 8


class BadSearchParameter(ValueError):
    """A filter or option the reader (or a partner's script) sent that we cannot honour."""


# The zero-width (non-)joiners are format characters that Persian and Indic words contain.
JOINERS = {"\u200c", "\u200d"}


def clean_query(raw):
    """The reader's words without control characters (a NUL ends SQLite's FTS5 parser)."""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") and char not in JOINERS else char
        for char in raw
    )
    return " ".join(printable.split())


@dataclass
class Result:
    document: SearchDocument
    url: str
    title_html: str
    snippet_html: str


@dataclass
class SearchOutcome:
    query: str
    locale: Locale
    all_languages: bool
    sort: str
    page: int = 1
    per_page: int = 12
    total: int = 0
    results: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    promotions: list = field(default_factory=list)
    notice: str = ""

    @property
    def pages(self):
        return min(MAX_PAGE, max(1, math.ceil(self.total / self.per_page)))


class Filters:
    """The request's filters, validated against this locale's taxonomy."""

    def __init__(self, params, locale):
        self.locale = locale
        self.categories = {c.slug: c for c in Category.objects.filter(locale=locale)}
        self.countries = {c.code: c for c in Country.objects.filter(locale=locale)}
        self.kind = self.choice(params, "type", list(search_kinds()))
        self.sort = self.choice(params, "sort", SORTS) or SORTS[0]
        self.category = self.lookup(params, "category", self.categories, str.lower)
        self.country = self.lookup(params, "country", self.countries, str.upper)
        self.year = self.number(params, "year", 1900, 2100)
        self.page = self.number(params, "page", 1, None, tolerant=True) or 1
        self.all_languages = params.get("lang", "") == "all"

    def choice(self, params, name, allowed):
        value = params.get(name, "")
        if value and value not in allowed:
            raise BadSearchParameter(
                _("Unknown %(name)s “%(value)s”: use one of %(allowed)s.")
                % {"name": name, "value": value[:40], "allowed": ", ".join(allowed)}
            )
        return value

    def lookup(self, params, name, known, normalise):
        value = params.get(name, "")
        if value and normalise(value) not in known:
            raise BadSearchParameter(
                _("Unknown %(name)s “%(value)s”.") % {"name": name, "value": value[:40]}
            )
        return known[normalise(value)] if value else None

    def number(self, params, name, low, high, tolerant=False):
        value = params.get(name, "")
        if not value:
            return None
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or number < low or (high and number > high):
            if tolerant:
                return None if number is None or number < low else number
            raise BadSearchParameter(
                _("“%(value)s” is not a valid %(name)s.") % {"name": name, "value": value[:40]}
            )
        return number

    def as_dict(self):
        return {
            "type": self.kind,
            "category": self.category.slug if self.category else "",
            "country": self.country.code if self.country else "",
            "year": self.year,
        }


def _languages(locale, all_languages):
    if all_languages:
        return tuple(Locale.objects.order_by("pk").values_list("pk", "language_code"))
    return ((locale.pk, locale.language_code),)


def run_search(params, locale, request=None):
    """Search this locale (or all) with the request's query, filters, sort and page."""
    filters = Filters(params, locale)
    query = clean_query(params.get("q", ""))
    outcome = SearchOutcome(
        query=query[:MAX_QUERY_LENGTH],
        locale=locale,
        all_languages=filters.all_languages,
        sort=filters.sort,
        per_page=settings.NEWSROOM_PAGE_SIZE,
        filters=filters.as_dict(),
    )
    if len(query) > MAX_QUERY_LENGTH:
        outcome.notice = _("Only the first %(count)s characters were searched.") % {
            "count": MAX_QUERY_LENGTH
        }
    if not outcome.query:
        return outcome
    page = min(filters.page, MAX_PAGE)
    search_request = SearchRequest(
        text=outcome.query,
        languages=_languages(locale, filters.all_languages),
        kind=filters.kind,
        category_key=str(filters.category.translation_key) if filters.category else "",
        country=filters.country.code if filters.country else "",
        year=filters.year,
        sort=filters.sort,
        offset=(page - 1) * outcome.per_page,
        limit=outcome.per_page,
    )
    engine = get_engine()
    hits = engine.search(search_request)
    outcome.total = hits.total
    if page > outcome.pages:
        # Past the last page: show the last one rather than an empty page.
        page = outcome.pages
        if hits.total:
            hits = engine.search(replace(search_request, offset=(page - 1) * outcome.per_page))
    outcome.page = page
    outcome.results = results_for(hits.page_ids, outcome.query, request)
    outcome.facets = link_facets(facet_entries(hits.facets, filters), params, outcome.filters)
    outcome.promotions = promotions_for(outcome.query, locale, request)
    return outcome


def _documents(page_ids):
    documents = SearchDocument.objects.filter(pk__in=page_ids).select_related("page", "locale")
    # The index leaves a page as its restriction is saved; this holds where that was missed
    # (a bulk update, a restriction written outside Django).
    by_id = {document.pk: document for document in documents if not is_private(document.page)}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def results_for(page_ids, query, request):
    results = []
    highlighters = {}
    for document in _documents(page_ids):
        code = document.locale.language_code
        highlighter = highlighters.setdefault(code, Highlighter(query, code))
        results.append(
            Result(
                document=document,
                url=document.page.get_url(request),
                title_html=highlighter.title(document.title),
                snippet_html=highlighter.snippet(document.summary, document.body),
            )
        )
    return results


def facet_entries(counts, filters):
    """Facet values with their reader-facing labels, the biggest first (years newest first)."""
    categories = {str(c.translation_key): c for c in filters.categories.values()}
    kinds = search_kinds()

    def entries(facet, label_and_value, order=None):
        rows = []
        for key, count in counts.get(facet, {}).items():
            labelled = label_and_value(key)
            if labelled:
                rows.append({"value": labelled[1], "label": labelled[0], "count": count})
        rows.sort(key=order or (lambda row: (-row["count"], str(row["label"]))))
        return rows

    return {
        "type": entries("kind", lambda key: (str(kinds.get(key, key)), key)),
        "category": entries(
            "category",
            lambda key: (
                (categories[key].name, categories[key].slug) if key in categories else None
            ),
        ),
        "country": entries(
            "country",
            lambda code: (
                (filters.countries[code].name, code) if code in filters.countries else None
            ),
        ),
        "year": entries("year", lambda year: (str(year), year), lambda row: -row["value"]),
    }


def link_facets(facets, params, selected):
    """Mark the chosen value of each facet and give every value the link that toggles it."""
    for name, entries in facets.items():
        for entry in entries:
            query = params.copy()
            query.pop("page", None)
            entry["selected"] = str(entry["value"]) == str(selected.get(name) or "")
            if entry["selected"]:
                query.pop(name, None)
            else:
                query[name] = entry["value"]
            entry["query_string"] = "?" + query.urlencode()
    return facets


def promotions_for(query, locale, request):
    """Editors' picks for this query, each shown in the reader's language when it exists."""
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)
    ).select_related("page")
    promotions = []
    for pick in picks.order_by("sort_order"):
        if pick.page_id:
            page = pick.page.get_translation_or_none(locale)
            if page is not None and page.live:
                promotions.append(
                    {
                        "title": page.title,
                        "url": page.get_url(request),
                        "description": pick.description,
                    }
                )
        elif pick.external_link_url:
            promotions.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return promotions


def suggestions(params, locale, request=None):
    """Titles of this locale's pages starting with the words typed so far, newest first."""
    text = clean_query(params.get("q", ""))[:MAX_QUERY_LENGTH]
    if len(text) < 2:
        return []
    all_languages = params.get("lang", "") == "all"
    page_ids = get_engine().suggest(text, _languages(locale, all_languages), SUGGESTIONS)
    return [
        {"title": document.title, "url": document.page.get_url(request), "type": document.kind}
        for document in _documents(page_ids)
    ]
