"""The full-text index beside the documents: an FTS5 table on SQLite, tsvectors on PostgreSQL."""

from django.db import migrations

SQLITE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
    "tokenize = \"unicode61 remove_diacritics 0 categories 'L* M* N* Co'\", prefix = '2 3')",
    "DROP TABLE search_fts",
)
POSTGRES = (
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector, "
    "ADD COLUMN title_terms tsvector; "
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector); "
    "CREATE INDEX search_doc_title_terms ON search_searchdocument USING gin (title_terms)",
    "ALTER TABLE search_searchdocument DROP COLUMN vector, DROP COLUMN title_terms",
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
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
