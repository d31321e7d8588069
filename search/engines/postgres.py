"""PostgreSQL full-text search: each language's text search configuration where it has one.

English, Russian, Portuguese, Arabic and Hindi text is folded by our analyser and then
stemmed by PostgreSQL's configuration of that language; Chinese, Persian and Amharic go in
as our analyser's terms (n-grams, Snowball Persian, folded Ethiopic).
"""

import uuid

from django.db import connection

from ..analysis import analyzer
from .base import NEWEST, DatabaseEngine

CONFIGURATIONS = {
    "en": "english",
    "ru": "russian",
    "pt": "portuguese",
    "ar": "arabic",
    "hi": "hindi",
}


def tsquery_literal(terms, prefix_last=False):
    # Analysed terms hold only letters, marks and digits: quoted, they are plain lexemes.
    quoted = [f"'{term}'" for term in terms]
    if prefix_last:
        quoted[-1] += ":*"
    return " & ".join(quoted)


class PostgresEngine(DatabaseEngine):
    def source(self):
        return f"{self.DOCUMENTS} d"

    def uuid_value(self, value):
        return str(uuid.UUID(str(value)))

    def vector_sql(self, code, text):
        """SQL and parameters of one text's tsvector in a language."""
        configuration = CONFIGURATIONS.get(code)
        if configuration:
            return "to_tsvector(%s::regconfig, %s)", [
                configuration,
                " ".join(analyzer(code, stem=False).terms(text)),
            ]
        return "array_to_tsvector(%s::text[])", [analyzer(code).terms(text)]

    def index(self, documents):
        rows = []
        for document in documents:
            code = document.locale.language_code
            title_sql, title_params = self.vector_sql(code, document.title)
            body_sql, body_params = self.vector_sql(code, f"{document.summary} {document.body}")
            rows.append(
                (
                    f"UPDATE {self.DOCUMENTS} SET vector = setweight({title_sql}, 'A') || "
                    f"setweight({body_sql}, 'B'), title_terms = array_to_tsvector(%s::text[]) "
                    "WHERE page_id = %s",
                    title_params
                    + body_params
                    + [analyzer(code).terms(document.title)]
                    + [document.page_id],
                )
            )
        with connection.cursor() as cursor:
            for sql, params in rows:
                cursor.execute(sql, params)

    def remove(self, page_ids):
        """Nothing to do: the vectors are columns of the documents' own rows."""

    def clear(self):
        """Nothing to do: the vectors go with the documents' rows."""

    def tsquery(self, request):
        """SQL and parameters of the query in every requested language, OR-ed."""
        parts, params = [], []
        for (_locale_id, code), terms in self.query_terms(request, stem=False).items():
            configuration = CONFIGURATIONS.get(code)
            if configuration:
                parts.append("plainto_tsquery(%s::regconfig, %s)")
                params += [configuration, " ".join(terms)]
            else:
                parts.append("%s::tsquery")
                params.append(tsquery_literal(analyzer(code).query_terms(request.text)))
        return " || ".join(parts), params

    def match(self, request):
        sql, params = self.tsquery(request)
        if not sql:
            return None, []
        return f"d.vector @@ ({sql})", params

    # ts_rank reads each match's vector, often from TOAST (13,000 of them cost 150 ms): the
    # window (engines/base.py, RANK_WINDOW) holds page ids, ranked by joining back.
    def newest_matches(self, where):
        return f"SELECT d.page_id FROM {self.source()} WHERE {where}"

    def window_ranking(self, request):
        order, params = self.rank_order(request)
        return (
            f"FROM recent JOIN {self.source()} ON d.page_id = recent.page_id "
            f"ORDER BY {order}, {NEWEST}",
            params,
        )

    def rank_order(self, request):
        sql, params = self.tsquery(request)
        return f"ts_rank(d.vector, ({sql})) DESC", params

    def suggest(self, text, languages, limit):
        clauses, params = [], []
        for locale_id, code in languages:
            terms = analyzer(code).query_terms(text)
            if terms:
                clauses.append("(d.locale_id = %s AND d.title_terms @@ %s::tsquery)")
                params += [locale_id, tsquery_literal(terms, prefix_last=True)]
        if not clauses:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.page_id FROM {self.source()} WHERE {' OR '.join(clauses)} "
                "ORDER BY d.published_at DESC LIMIT %s",
                params + [limit],
            )
            return [row[0] for row in cursor.fetchall()]
