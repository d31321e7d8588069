# Push secrets are kept encrypted: the new column first, filled by 0004, the old one
# dropped by 0005 (one step a migration, so PostgreSQL never alters a table it has just
# updated in the same transaction).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("syndication", "0002_push_endpoint_guard"),
    ]

    operations = [
        migrations.AddField(
            model_name="partneraccount",
            name="push_secret_encrypted",
            field=models.TextField(default="", editable=False),
        ),
    ]
