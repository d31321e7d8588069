"""A story's authors read with the story itself, in the same query.

A reader's story page, its related stories and every listing's cards show bylines, and
an uncached story page may cost at most 10 queries (issue #9), a budget the page already
spends. So instead of a prefetch (a query more per page and per listing), the querysets
that readers' pages use are annotated with the story's bylines as one JSON array, built
by a subquery in the database (SQLite's json_group_array, PostgreSQL's jsonb_agg).
Stories read any other way (a preview of a draft, the admin) read their author_links.
"""

import json

from django.db.models import Aggregate, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject

from .models import Author, StoryAuthor

ANNOTATION = "byline_rows"
AUTHOR_FIELDS = ("name", "slug", "kind", "role", "locale_id", "links")


class JSONList(Aggregate):
    """The grouped values as one JSON array."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def bylines_subquery():
    rows = (
        StoryAuthor.objects.filter(page_id=OuterRef("pk"))
        .order_by()
        .values("page_id")
        .annotate(
            rows=JSONList(
                JSONObject(
                    order="sort_order",
                    id="author_id",
                    **{field: f"author__{field}" for field in AUTHOR_FIELDS},
                )
            )
        )
        .values("rows")
    )
    return Subquery(rows, output_field=JSONField())


def with_bylines(queryset):
    """The stories with their bylines (authors_of reads them) at no query of their own."""
    return queryset.annotate(**{ANNOTATION: bylines_subquery()})


def copy_bylines(source, target):
    """Hands a generic page's bylines to its specific row, read in the same query."""
    if hasattr(source, ANNOTATION):
        setattr(target, ANNOTATION, getattr(source, ANNOTATION))


def authors_of(page):
    """The page's authors in order: from its annotation, else from its author_links (a
    draft's own, in a preview)."""
    if not hasattr(page, ANNOTATION):
        return [link.author for link in page.author_links.all()]
    rows = getattr(page, ANNOTATION) or []
    if isinstance(rows, str):  # a database that hands JSON over as text
        rows = json.loads(rows)
    return [author_from(row) for row in sorted(rows, key=lambda row: row["order"] or 0)]


def author_from(row):
    links = row["links"]
    return Author(
        id=row["id"],
        # A StreamField takes its stored JSON as text.
        links=links if isinstance(links, str) else json.dumps(links or []),
        **{field: row[field] for field in AUTHOR_FIELDS if field != "links"},
    )
