import cms.syndication.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("syndication", "0004_encrypt_push_secrets"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="partneraccount",
            name="push_secret",
        ),
        migrations.AlterField(
            model_name="partneraccount",
            name="push_secret_encrypted",
            field=models.TextField(
                default=cms.syndication.models.new_encrypted_push_secret, editable=False
            ),
        ),
    ]
