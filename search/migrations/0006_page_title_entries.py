"""The admin's page search: one row of title terms per page, and its text index beside it
(an FTS5 table on SQLite, a tsvector column on PostgreSQL), as migration 0002 does for the
readers' documents."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


SQLITE = (
    "CREATE VIRTUAL TABLE search_title_fts USING fts5(terms, "
    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* M* N* Co'\", prefix = '2 3')",
    "DROP TABLE search_title_fts",
)
POSTGRES = (
    "ALTER TABLE search_pagetitleentry ADD COLUMN vector tsvector; "
    "CREATE INDEX search_title_vector ON search_pagetitleentry USING gin (vector)",
    "ALTER TABLE search_pagetitleentry DROP COLUMN vector",
)


def statements(schema_editor):
    return {"sqlite": SQLITE, "postgresql": POSTGRES}.get(schema_editor.connection.vendor)


def create(apps, schema_editor):
    if sql := statements(schema_editor):
        schema_editor.execute(sql[0])


def drop(apps, schema_editor):
    if sql := statements(schema_editor):
        schema_editor.execute(sql[1])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_kind_named_by_page_types"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageTitleEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("terms", models.TextField()),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
