"""Helpers for the newsletter tests: posting the form, reading the links out of emails."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from cms.newsletter.models import Subscriber

LANGUAGES = [code for code, _name in settings.LANGUAGES]
URL = re.compile(r"https?://[^\s\"<>]+")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The limit counts in the cache, which outlives a test's database rollback."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """Post the subscribe form as a browser would; the confirmation goes out on commit."""

    def post(
        email="reader@example.com",
        languages=("en",),
        consent=True,
        language="en",
        headers=None,
        **extra,
    ):
        data = {"email": email, "languages": list(languages), "website": "", **extra}
        if consent:
            data["consent"] = "on"
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/newsletter/subscribe/", data, headers=headers)

    return post


@pytest.fixture
def confirmed_subscriber(db):
    def make(email, languages=("en",)):
        now = timezone.now()
        subscriber = Subscriber.objects.create(
            email=email,
            language=languages[0],
            status=Subscriber.Status.CONFIRMED,
            consent_version=settings.NEWSLETTER_CONSENT_VERSION,
            consented_at=now,
            confirmed_at=now,
        )
        subscriber.locales.set(Locale.objects.filter(language_code__in=languages))
        return subscriber

    return make


def link_path(message, kind):
    """The path of the first "confirm" or "unsubscribe" link in an email's text."""
    for url in URL.findall(message.body):
        if f"/newsletter/{kind}/" in url:
            return urlsplit(url).path
    raise AssertionError(f"no {kind} link in {message.body!r}")


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")
