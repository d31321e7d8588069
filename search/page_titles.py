"""The admin's page search: every page's titles (draft or live, of every type) as terms of its
language's analyser, so an editor's query matches the way a reader's does ("елка" finds
"Ёлка"), and the match the admin's page search and page chooser filter pages by.

Titles only, as Wagtail's own admin search (its autocomplete on the title) matches; each
query word is a prefix, so results come as the editor types.
"""

from django.conf import settings
from django.db import connection, transaction
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from .analysis import analyzer
from .models import PageTitleEntry

FTS = "search_title_fts"
ENTRIES = PageTitleEntry._meta.db_table
BATCH_SIZE = 5000
# As the readers' search: the rest of a longer query is pasted text, not words to look for.
MAX_QUERY_LENGTH = 200


def title_terms(language, *titles):
    """The distinct terms of a page's titles: stemmed, so other forms of a word match, and
    only folded, so a word typed halfway still matches as the prefix of the whole word."""
    terms = {}
    for title in dict.fromkeys(titles):
        for stem in (True, False):
            terms.update(dict.fromkeys(analyzer(language, stem).terms(title)))
    return " ".join(terms)


def _pages(queryset):
    return queryset.values_list("pk", "title", "draft_title", "locale__language_code")


def _store(rows):
    entries = [
        PageTitleEntry(page_id=pk, terms=title_terms(language or "", title, draft_title))
        for pk, title, draft_title, language in rows
    ]
    PageTitleEntry.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["page"], update_fields=["terms"]
    )
    page_ids = [entry.page_id for entry in entries]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(pk,) for pk in page_ids])
            cursor.executemany(
                f"INSERT INTO {FTS} (rowid, terms) VALUES (%s, %s)",
                [(entry.page_id, entry.terms) for entry in entries],
            )
        elif connection.vendor == "postgresql":
            # Terms go in as lexemes, untouched by a text search parser (as the readers'
            # index does for languages PostgreSQL has no configuration of).
            cursor.execute(
                f"UPDATE {ENTRIES} SET vector = array_to_tsvector(string_to_array(terms, ' ')) "
                "WHERE page_id = ANY(%s)",
                [page_ids],
            )
    return len(entries)


def index_titles(page_ids):
    """Bring these pages' title entries up to date; pages no longer there leave. Idempotent."""
    with transaction.atomic():
        rows = list(_pages(Page.objects.filter(pk__in=page_ids)))
        _store(rows)
        found = {row[0] for row in rows}
        remove_titles([pk for pk in page_ids if pk not in found])


def remove_titles(page_ids):
    if not page_ids:
        return
    PageTitleEntry.objects.filter(pk__in=page_ids).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(pk,) for pk in page_ids])


def rebuild_titles(progress=None):
    """Index every page's titles afresh; returns how many pages were indexed."""
    with transaction.atomic():
        PageTitleEntry.objects.all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS}")
    total, last_pk = 0, 0
    while True:
        with transaction.atomic():
            rows = list(_pages(Page.objects.filter(pk__gt=last_pk).order_by("pk")[:BATCH_SIZE]))
            if not rows:
                break
            total += _store(rows)
        last_pk = rows[-1][0]
        if progress:
            progress(total)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ENTRIES}")
    return total


def query_groups(text):
    """The query's terms as each content language's analyser makes them, stemmed and only
    folded: a page matches when every term of one group starts one of its title's terms.
    The editor's language is not known (an admin searches every language), so all are tried."""
    text = (text or "")[:MAX_QUERY_LENGTH]
    groups = []
    for language, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        for stem in (True, False):
            terms = analyzer(language, stem).query_terms(text)
            if terms and terms not in groups:
                groups.append(terms)
    return groups


def _match_sql(groups):
    # Terms hold only letters, marks and digits (search/analysis.py): quoted, no input can
    # become an operator or a syntax error of either engine.
    if connection.vendor == "postgresql":
        expression = " | ".join(
            "(" + " & ".join(f"'{term}':*" for term in terms) + ")" for terms in groups
        )
        return f"SELECT page_id FROM {ENTRIES} WHERE vector @@ %s::tsquery", [expression]
    expression = " OR ".join(
        "(" + " ".join(f'"{term}"*' for term in terms) + ")" for terms in groups
    )
    return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [expression]


def filter_by_title(pages, text):
    """The pages whose titles match the query; every page when the query has no words."""
    groups = query_groups(text)
    if not groups:
        return pages
    return pages.filter(pk__in=RawSQL(*_match_sql(groups)))
