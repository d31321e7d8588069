"""An index on the time of a page's latest revision, the admin's default page order.

The page explorer and the Articles listing show the most recently edited first; Wagtail
leaves the column unindexed, so at 20,000 stories a section each screen sorted them all.
With the index the database reads the newest in order and stops after the fifty shown.
Plain SQL on Wagtail's table, as in 0001.
"""

from django.db import migrations

INDEX = "newsroom_page_latest_revision_idx"


class Migration(migrations.Migration):
    dependencies = [("core", "0002_page_url_path_index")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {INDEX} ON wagtailcore_page (latest_revision_created_at)",
            reverse_sql=f"DROP INDEX {INDEX}",
        )
    ]
