"""What every search engine answers: a page of hits, the total and the facet counts."""

import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from ..analysis import analyzer

FACETS = ("kind", "category", "country", "year")
# Ties of relevance, and the date sort: newest first, the page id settling equal times.
NEWEST = "d.published_at DESC, d.page_id DESC"
# Relevance is ranked among the newest matches that pass the filters (page ids grow as pages
# are created): a word in 18,000 stories would cost the rank function on every one, and the
# reader wants the recent ones first. Pages past the window go on with the older ones,
# ranked the same way.
RANK_WINDOW = 2000


@dataclass(frozen=True)
class SearchRequest:
    """A reader's query: words, languages (codes) and filters, sort and the slice wanted."""

    text: str
    languages: tuple  # ((locale_id, language_code), ...): one, or every locale
    kind: str = ""
    category_key: str = ""
    country: str = ""
    year: int | None = None
    sort: str = "relevance"  # or "date"
    offset: int = 0
    limit: int = 12


@dataclass
class SearchHits:
    page_ids: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=lambda: {name: {} for name in FACETS})


class DatabaseEngine:
    """Shared SQL of the database engines; subclasses say how text is matched and ranked."""

    DOCUMENTS = "search_searchdocument"

    def filters(self, request):
        """SQL conditions and parameters of the request's locale and facet filters."""
        locale_ids = [locale_id for locale_id, _code in request.languages]
        conditions = [f"d.locale_id IN ({', '.join(['%s'] * len(locale_ids))})"]
        params = list(locale_ids)
        if request.kind:
            conditions.append("d.kind = %s")
            params.append(request.kind)
        if request.category_key:
            conditions.append("d.category_key = %s")
            params.append(self.uuid_value(request.category_key))
        if request.year:
            conditions.append("d.year = %s")
            params.append(request.year)
        if request.country:
            conditions.append("(' ' || d.country_codes || ' ') LIKE %s")
            params.append(f"% {request.country} %")
        return conditions, params

    def uuid_value(self, value):
        # Django stores UUIDs on SQLite as 32 hex digits.
        return uuid.UUID(str(value)).hex

    def search(self, request):
        match_sql, match_params = self.match(request)
        if match_sql is None:
            return SearchHits()
        conditions, params = self.filters(request)
        where = " AND ".join([match_sql] + conditions)
        with connection.cursor() as cursor:
            if request.sort == "relevance":
                page_ids = self.ranked(
                    cursor, request, (match_sql, match_params), conditions, params
                )
            else:
                cursor.execute(
                    f"SELECT d.page_id FROM {self.source()} WHERE {where} "
                    f"ORDER BY {NEWEST} LIMIT %s OFFSET %s",
                    match_params + params + [request.limit, request.offset],
                )
                page_ids = [row[0] for row in cursor.fetchall()]
            # One grouped pass gives the total and all four facets.
            cursor.execute(
                f"SELECT d.kind, d.category_key, d.year, d.country_codes, COUNT(*) "
                f"FROM {self.facet_source()} WHERE {where} "
                "GROUP BY d.kind, d.category_key, d.year, d.country_codes",
                match_params + params,
            )
            groups = cursor.fetchall()
        return SearchHits(page_ids, *self.facet_counts(groups))

    def facet_source(self):
        return self.source()

    # The column of a match's page id that the text index itself can bound.
    MATCH_ID = "d.page_id"

    def ranked(self, cursor, request, match, conditions, params):
        """The requested slice of the matches, most relevant first (see RANK_WINDOW)."""
        match_sql, match_params = match
        where = " AND ".join([match_sql] + conditions)
        recent = (
            f"WITH recent AS MATERIALIZED ({self.newest_matches(where)} "
            f"ORDER BY {self.MATCH_ID} DESC LIMIT %s) "
        )
        window_params = match_params + params + [RANK_WINDOW]
        ranking, ranking_params = self.window_ranking(request)
        # Each row also says how full the window is and where it ends: what a short page
        # needs to know to go on past it.
        cursor.execute(
            f"{recent}SELECT recent.page_id, (SELECT COUNT(*) FROM recent), "
            f"(SELECT MIN(page_id) FROM recent) {ranking} LIMIT %s OFFSET %s",
            window_params + ranking_params + [request.limit, request.offset],
        )
        rows = cursor.fetchall()
        page_ids = [row[0] for row in rows]
        if len(page_ids) == request.limit:
            return page_ids
        if rows:
            _page_id, window, oldest = rows[0]
        else:  # the offset is past the window
            cursor.execute(f"{recent}SELECT COUNT(*), MIN(page_id) FROM recent", window_params)
            window, oldest = cursor.fetchone()
        if window < RANK_WINDOW:
            return page_ids  # the window held every match: this is the last page
        order, order_params = self.rank_order(request)
        cursor.execute(
            f"SELECT d.page_id FROM {self.facet_source()} WHERE {where} "
            f"AND {self.MATCH_ID} < %s ORDER BY {order}, {NEWEST} LIMIT %s OFFSET %s",
            match_params
            + params
            + [oldest]
            + order_params
            + [request.limit - len(page_ids), max(0, request.offset - window)],
        )
        return page_ids + [row[0] for row in cursor.fetchall()]

    def newest_matches(self, where):
        """SELECT of the matches (page_id, and what window_ranking reads), unordered."""
        raise NotImplementedError

    def window_ranking(self, request):
        """FROM and ORDER BY that rank the window's rows, and their parameters."""
        raise NotImplementedError

    def rank_order(self, request):
        """ORDER BY expression of relevance over the documents `d`, and its parameters."""
        raise NotImplementedError

    def facet_counts(self, groups):
        kinds, categories, years, countries = Counter(), Counter(), Counter(), Counter()
        for kind, category_key, year, country_codes, count in groups:
            for code in country_codes.split():
                countries[code] += count
            kinds[kind] += count
            if category_key:
                categories[str(uuid.UUID(str(category_key)))] += count
            if year:
                years[year] += count
        total = sum(kinds.values())
        facets = {"kind": kinds, "category": categories, "country": countries, "year": years}
        return total, {name: dict(counts) for name, counts in facets.items()}

    def query_terms(self, request, stem=True):
        """Each requested language's analysed query terms (languages with none left out)."""
        terms = {}
        for locale_id, code in request.languages:
            found = analyzer(code, stem).query_terms(request.text)
            if found:
                terms[(locale_id, code)] = found
        return terms
