"""SQLite FTS5: our analyser's terms in a virtual table whose rowid is the page id."""

from django.db import connection

from ..analysis import analyzer
from .base import NEWEST, DatabaseEngine

FTS = "search_fts"
# bm25 weights of the title and body columns.
RANK = f"bm25({FTS}, 5.0, 1.0)"
# Relevance is ranked among the newest matches that pass the filters (page ids grow as pages
# are created): a word in 18,000 stories would cost bm25 on every one, and the reader wants
# the recent ones first. Pages past the window go on with the older ones, ranked the same.
RANK_WINDOW = 2000
# Documents looked up by page id through this index never touch the rows' long text
# (SearchDocument.Meta: the index holds every column a match is filtered or faceted by).
LOOKUP = f"{DatabaseEngine.DOCUMENTS} d INDEXED BY search_doc_lookup"


def fts_terms(terms, prefix_last=False):
    # Terms hold only letters, marks and digits, so quoting each makes any input a plain
    # string to FTS5: no operator, column filter or syntax error can come from the reader.
    quoted = [f'"{term}"' for term in terms]
    if prefix_last:
        quoted[-1] += "*"
    return " ".join(quoted)


class SQLiteEngine(DatabaseEngine):
    def source(self):
        return f"{FTS} JOIN {self.DOCUMENTS} d ON d.page_id = {FTS}.rowid"

    def facet_source(self):
        return f"{FTS} JOIN {LOOKUP} ON d.page_id = {FTS}.rowid"

    def ranked(self, cursor, request, match, conditions, params):
        match_sql, match_params = match
        where = " AND ".join([match_sql] + conditions)
        # FTS5 hands matches over newest id first, so the window stops after RANK_WINDOW
        # of them that pass the filters, with bm25 computed for those alone.
        recent = (
            f"WITH recent AS MATERIALIZED (SELECT {FTS}.rowid AS page_id, {RANK} AS score, "
            f"d.published_at FROM {self.facet_source()} WHERE {where} "
            f"ORDER BY {FTS}.rowid DESC LIMIT %s) "
        )
        window_params = match_params + params + [RANK_WINDOW]
        # Each row also says how full the window is and where it ends: what a short page
        # needs to know to go on past it.
        cursor.execute(
            f"{recent}SELECT page_id, (SELECT COUNT(*) FROM recent), "
            "(SELECT MIN(page_id) FROM recent) FROM recent "
            "ORDER BY score, published_at DESC, page_id DESC LIMIT %s OFFSET %s",
            window_params + [request.limit, request.offset],
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
        cursor.execute(
            f"SELECT d.page_id FROM {self.facet_source()} WHERE {where} AND {FTS}.rowid < %s "
            f"ORDER BY {RANK}, {NEWEST} LIMIT %s OFFSET %s",
            match_params
            + params
            + [oldest, request.limit - len(page_ids), max(0, request.offset - window)],
        )
        return page_ids + [row[0] for row in cursor.fetchall()]

    def index(self, documents):
        rows = []
        for document in documents:
            analyse = analyzer(document.locale.language_code)
            rows.append(
                (
                    document.page_id,
                    " ".join(analyse.terms(document.title)),
                    " ".join(analyse.terms(f"{document.summary} {document.body}")),
                )
            )
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [row[:1] for row in rows])
            cursor.executemany(f"INSERT INTO {FTS} (rowid, title, body) VALUES (%s, %s, %s)", rows)

    def remove(self, page_ids):
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(pk,) for pk in page_ids])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS}")

    def match(self, request):
        terms = self.query_terms(request)
        if not terms:
            return None, []
        expression = " OR ".join(f"({fts_terms(found)})" for found in terms.values())
        return f"{FTS} MATCH %s", [expression]

    def suggest(self, text, languages, limit):
        terms = {
            locale_id: found
            for locale_id, code in languages
            if (found := analyzer(code).query_terms(text))
        }
        if not terms:
            return []
        expression = " OR ".join(
            f"(title : ({fts_terms(found, prefix_last=True)}))" for found in terms.values()
        )
        placeholders = ", ".join(["%s"] * len(terms))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.page_id FROM {self.source()} WHERE {FTS} MATCH %s "
                f"AND d.locale_id IN ({placeholders}) "
                "ORDER BY d.published_at DESC LIMIT %s",
                [expression, *terms, limit],
            )
            return [row[0] for row in cursor.fetchall()]
