"""The index every story listing pages through (cms/core/pagination.py).

Listings ask for a locale's live pages under a section, newest first: `locale_id = ?` and
then `first_published_at, id` in order, with the rest of the filter (live, the section's
path and depth, the page type) read from the index too, so a page's ids never touch the
table. Wagtail owns `wagtailcore_page`, so the index is written as plain SQL that SQLite
and PostgreSQL both accept; tests/core/test_listing_pagination.py checks both use it.
"""

from django.db import migrations

INDEX = "newsroom_story_listing_idx"
COLUMNS = "locale_id, first_published_at, id, live, depth, path, content_type_id"


class Migration(migrations.Migration):
    # The latest wagtailcore migration: SQLite rebuilds a table it alters and keeps only the
    # indexes Django knows of, so this one must come after every change to the page table.
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {INDEX} ON wagtailcore_page ({COLUMNS})",
            reverse_sql=f"DROP INDEX {INDEX}",
        )
    ]
