# Push endpoints go through the outbound guard (cms/core/outbound.py). The delivery log kept
# up to 500 characters of each failed push's reply: an endpoint set to an internal address
# had its service's answer shown in the admin. Only the status and the error's class are
# kept now; the old texts are cut to the same.

from http import HTTPStatus

import cms.core.outbound
from django.db import migrations, models


def status_line(status_code):
    try:
        return f"HTTP {status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return f"HTTP {status_code}"


def forget_replies(apps, schema_editor):
    DeliveryAttempt = apps.get_model("syndication", "DeliveryAttempt")
    for attempt in DeliveryAttempt.objects.exclude(error="").only("pk", "status_code", "error"):
        if attempt.status_code is not None:
            attempt.error = status_line(attempt.status_code)
        else:  # "ConnectionError: HTTPConnectionPool(...): ... BadStatusLine('<reply>')"
            attempt.error = attempt.error.split(":", 1)[0][:100]
        attempt.save(update_fields=["error"])


class Migration(migrations.Migration):

    dependencies = [
        ("syndication", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="partneraccount",
            name="endpoint_url",
            field=models.URLField(
                blank=True,
                help_text="New and updated stories are POSTed here. Empty: the partner only pulls.",
                validators=[cms.core.outbound.validate_outbound_url],
                verbose_name="push endpoint",
            ),
        ),
        migrations.RunPython(forget_replies, migrations.RunPython.noop, elidable=False),
    ]
