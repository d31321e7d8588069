# Every partner's push secret encrypted with the configured keys (cms/core/encryption.py);
# back, it is decrypted into the plain column again.

from django.db import migrations

from cms.core.encryption import decrypt, encrypt


def encrypt_push_secrets(apps, schema_editor):
    PartnerAccount = apps.get_model("syndication", "PartnerAccount")
    for account in PartnerAccount.objects.only("pk", "push_secret"):
        account.push_secret_encrypted = encrypt(account.push_secret)
        account.save(update_fields=["push_secret_encrypted"])


def decrypt_push_secrets(apps, schema_editor):
    PartnerAccount = apps.get_model("syndication", "PartnerAccount")
    for account in PartnerAccount.objects.only("pk", "push_secret_encrypted"):
        account.push_secret = decrypt(account.push_secret_encrypted)
        account.save(update_fields=["push_secret"])


class Migration(migrations.Migration):

    dependencies = [
        ("syndication", "0003_partneraccount_push_secret_encrypted"),
    ]

    operations = [
        migrations.RunPython(encrypt_push_secrets, decrypt_push_secrets, elidable=False),
    ]
