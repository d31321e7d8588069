"""Bulk insertion of live pages under one parent, for synthetic scale data.

`parent.add_child(instance=...)` locks the parent, looks up its last child, validates and
saves row by row: about 20 ms a page. Here the treebeard paths of a whole batch are computed
from one lookup and the rows go in with multi-row INSERTs per table. No signals fire, so no
revisions, search index or reference index entries are written.
"""

from django.db import connections, router, transaction
from django.db.models import F
from django.utils import timezone
from treebeard.exceptions import PathOverflow
from wagtail.models import Page


def child_paths(parent, count):
    """The materialised paths of `count` new children placed after the parent's last one."""
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    first_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    if first_step + count - 1 >= len(Page.alphabet) ** Page.steplen:
        raise PathOverflow(f"No room for {count} more children under page {parent.pk}.")
    depth = parent.depth + 1
    return [Page._get_path(parent.path, depth, first_step + n) for n in range(count)]


def base_row(page):
    """The wagtailcore_page half of a multi-table page, as a plain Page instance."""
    return Page(
        **{
            field.attname: getattr(page, field.attname)
            for field in Page._meta.concrete_fields
            if not field.primary_key
        }
    )


def insert_specific_rows(pages, using):
    """The page type's own table, one row per page; the fields prepare their own values."""
    model = type(pages[0])
    fields = model._meta.local_concrete_fields
    connection = connections[using]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    rows = [
        [field.get_db_prep_save(field.pre_save(page, True), connection) for field in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def add_live_children(parent, pages):
    """Save unsaved live pages of one type, directly below Page, as the parent's last children.

    Returns the pages with their ids set. The caller makes slugs unique among the siblings:
    unlike `Page.save`, nothing here checks them.
    """
    if not pages:
        return pages
    model = type(pages[0])
    if model._meta.get_parent_list() != [Page] or any(type(page) is not model for page in pages):
        raise TypeError("add_live_children takes pages of one type that inherits Page directly.")
    using = router.db_for_write(Page)
    now = timezone.now()
    with transaction.atomic(using=using):
        # Serialises concurrent writers under one parent on PostgreSQL, as add_child does.
        parent = Page.objects.using(using).select_for_update().get(pk=parent.pk)
        for page, path in zip(pages, child_paths(parent, len(pages)), strict=True):
            page.path = path
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.locale_id = page.locale_id or parent.locale_id
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.last_published_at or page.first_published_at
        rows = Page.objects.using(using).bulk_create([base_row(page) for page in pages])
        for page, row in zip(pages, rows, strict=True):
            page.id = page.page_ptr_id = row.id
            page._state.adding = False
            page._state.db = using
        insert_specific_rows(pages, using)
        Page.objects.using(using).filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages
