"""An index on the page's address, which routing reads every page by (cms/caching/routing.py).

Routing asks for a page and its ancestors by `url_path` in one query; Wagtail leaves the
column unindexed, so without this index that query reads the whole page table, and grows
with the archive. Plain SQL on Wagtail's table, as in 0001.
"""

from django.db import migrations

INDEX = "newsroom_page_url_path_idx"


class Migration(migrations.Migration):
    dependencies = [("core", "0001_story_listing_index")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {INDEX} ON wagtailcore_page (url_path)",
            reverse_sql=f"DROP INDEX {INDEX}",
        )
    ]
