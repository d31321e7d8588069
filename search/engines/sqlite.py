"""SQLite FTS5: our analyser's terms in a virtual table whose rowid is the page id."""

from django.db import connection

from ..analysis import analyzer
from .base import DatabaseEngine

FTS = "search_fts"
# bm25 weights of the title and body columns.
RANK = f"bm25({FTS}, 5.0, 1.0)"
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

    # FTS5 hands matches over newest id first, so the window stops after RANK_WINDOW of
    # them that pass the filters, with bm25 computed for those alone.
    MATCH_ID = f"{FTS}.rowid"

    def newest_matches(self, where):
        return (
            f"SELECT {FTS}.rowid AS page_id, {RANK} AS score, d.published_at "
            f"FROM {self.facet_source()} WHERE {where}"
        )

    def window_ranking(self, request):
        return "FROM recent ORDER BY score, published_at DESC, page_id DESC", []

    def rank_order(self, request):
        return RANK, []

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
