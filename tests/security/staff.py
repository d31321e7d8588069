"""The newsroom's staff in the admin, as the test client, and what a refusal looks like."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse


def login(username):
    """A client signed in as the demo newsroom's user of that name."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def refused(response):
    # Wagtail answers a refusal with 403, or a redirect to the dashboard saying why.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )
