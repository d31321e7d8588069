"""Subscribers in the admin: listed, searched, filtered, exported; chief editors manage them."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from cms.newsletter.models import Subscriber

INDEX = "/admin/newsletter-subscribers/"


@pytest.fixture
def subscribers(confirmed_subscriber, db):
    english = confirmed_subscriber("anna@example.com", ["en"])
    both = confirmed_subscriber("boris@example.com", ["ru", "en"])
    persian = confirmed_subscriber("=cmd@example.com", ["fa"])
    persian.unsubscribe()
    return english, both, persian


def as_user(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def rows_of(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.django_db
def test_the_list_searches_by_email_and_filters_by_status_and_language(admin_client, subscribers):
    listing = admin_client.get(INDEX)
    assert listing.status_code == 200
    assert "anna@example.com" in listing.text and "boris@example.com" in listing.text

    found = admin_client.get(INDEX, {"q": "BORIS"})
    assert "boris@example.com" in found.text and "anna@example.com" not in found.text

    unsubscribed = admin_client.get(INDEX, {"status": "unsubscribed"})
    assert "cmd@example.com" in unsubscribed.text and "anna@example.com" not in unsubscribed.text

    russian = Locale.objects.get(language_code="ru")
    readers_of_russian = admin_client.get(INDEX, {"locales": russian.pk})
    assert "boris@example.com" in readers_of_russian.text
    assert "anna@example.com" not in readers_of_russian.text


@pytest.mark.django_db
def test_the_csv_export_holds_every_subscriber(admin_client, subscribers):
    response = admin_client.get(INDEX, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = rows_of(response)
    assert header[:3] == ["Email address", "Status", "Languages"]
    by_email = {row[0]: row for row in rows}
    assert by_email["boris@example.com"][1:3] == ["confirmed", "en, ru"]
    # A spreadsheet must not run an address as a formula.
    assert "'=cmd@example.com" in by_email


@pytest.mark.django_db
def test_the_export_follows_the_filters(admin_client, subscribers):
    response = admin_client.get(INDEX, {"export": "csv", "status": "confirmed"})
    emails = [row[0] for row in rows_of(response)[1:]]
    assert sorted(emails) == ["anna@example.com", "boris@example.com"]


@pytest.mark.django_db
def test_chief_editors_manage_subscribers_and_reporters_do_not_see_them(client, subscribers):
    english = subscribers[0]
    chief = as_user(client, "chief")
    assert chief.get(INDEX).status_code == 200
    assert chief.get(f"{INDEX}edit/{english.pk}/").status_code == 200
    assert chief.get(f"{INDEX}delete/{english.pk}/").status_code == 200

    reporter = as_user(client, "reporter")
    assert reporter.get(INDEX).status_code == 302  # to the dashboard, "permission denied"


@pytest.mark.django_db
def test_nobody_adds_a_subscriber_by_hand(admin_client):
    response = admin_client.get(f"{INDEX}new/")

    assert response.status_code == 302
    assert 'href="/admin/newsletter-subscribers/new/"' not in admin_client.get(INDEX).text


@pytest.mark.django_db
def test_an_editor_unsubscribes_a_reader_who_asks(admin_client, subscribers):
    english = subscribers[0]
    response = admin_client.post(
        f"{INDEX}edit/{english.pk}/",
        {"status": "unsubscribed", "locales": [english.locales.get().pk]},
    )

    assert response.status_code == 302
    english.refresh_from_db()
    assert english.status == Subscriber.Status.UNSUBSCRIBED
    assert english.unsubscribed_at is not None


@pytest.mark.django_db
def test_an_editor_cannot_confirm_for_a_reader(admin_client, subscribe):
    subscribe("pending@example.com")
    pending = Subscriber.objects.get()

    response = admin_client.post(
        f"{INDEX}edit/{pending.pk}/",
        {"status": "confirmed", "locales": [pending.locales.get().pk]},
    )

    assert response.status_code == 200
    assert "Only the reader can confirm" in response.text
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.PENDING
