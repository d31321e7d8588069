"""Country codes move onto the document row, so facets need no join; existing rows keep theirs."""

from django.db import migrations, models


def copy_codes(apps, schema_editor):
    Document = apps.get_model("search", "SearchDocument")
    Country = apps.get_model("search", "SearchDocumentCountry")
    codes = {}
    for document_id, code in Country.objects.order_by("code").values_list("document_id", "code"):
        codes.setdefault(document_id, []).append(code)
    documents = list(Document.objects.filter(pk__in=codes).only("pk"))
    for document in documents:
        document.country_codes = " ".join(codes[document.pk])
    Document.objects.bulk_update(documents, ["country_codes"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_text_index")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="country_codes",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(copy_codes, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchDocumentCountry"),
    ]
