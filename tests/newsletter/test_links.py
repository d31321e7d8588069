"""The links in the emails: confirmation (signed, expiring) and one-click unsubscribe."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.utils import timezone

from cms.newsletter.models import Subscriber
from tests.newsletter.conftest import link_path


@pytest.fixture
def confirm_path(subscribe):
    subscribe("reader@example.com", languages=["en", "fa"])
    return link_path(mail.outbox[-1], "confirm")


@pytest.mark.django_db
def test_the_confirmation_link_asks_then_confirms(client, confirm_path):
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "reader@example.com" in page.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # a GET changes nothing

    response = client.post(confirm_path)

    assert response.status_code == 200
    assert "You are subscribed" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.language_codes() == "en, fa"


@pytest.mark.django_db
def test_subscribing_again_changes_languages_only_once_confirmed(client, subscribe):
    subscribe("reader@example.com", languages=["en"])
    client.post(link_path(mail.outbox[-1], "confirm"))

    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_MAIL_INTERVAL)
    with time_machine.travel(later + timedelta(seconds=1)):  # past the mail limit
        subscribe("reader@example.com", languages=["am", "hi"])
    assert Subscriber.objects.get().language_codes() == "en"
    client.post(link_path(mail.outbox[-1], "confirm"))

    assert Subscriber.objects.get().language_codes() == "am, hi"


@pytest.mark.django_db
def test_an_expired_confirmation_link_is_refused_with_a_way_to_subscribe_again(
    client, confirm_path
):
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_CONFIRM_MAX_AGE + 60)
    with time_machine.travel(later):
        shown = client.get(confirm_path)
        posted = client.post(confirm_path)

    assert shown.status_code == posted.status_code == 410
    assert "This link has expired" in shown.text
    assert 'href="/en/newsletter/subscribe/"' in shown.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.django_db
def test_a_confirmation_link_still_works_just_before_it_expires(client, confirm_path):
    later = timezone.now() + timedelta(seconds=settings.NEWSLETTER_CONFIRM_MAX_AGE - 60)
    with time_machine.travel(later):
        assert client.post(confirm_path).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["signature", "payload", "garbage"])
def test_a_tampered_confirmation_link_is_refused(client, confirm_path, change):
    token = confirm_path.rstrip("/").rsplit("/", 1)[1]
    payload, timestamp, signature = token.rsplit(":", 2)
    tampered = {
        "signature": f"{payload}:{timestamp}:{signature[:-2]}xx",
        "payload": f"{payload[:-3]}abc:{timestamp}:{signature}",
        "garbage": "not-a-token",
    }[change]

    response = client.post(f"/en/newsletter/confirm/{tampered}/")

    assert response.status_code == 400
    assert "This link is not valid" in response.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.django_db
def test_unsubscribe_by_get_asks_and_by_post_unsubscribes(client, confirm_path):
    client.post(confirm_path)
    path = link_path(mail.outbox[-1], "unsubscribe")

    page = client.get(path)
    assert page.status_code == 200
    assert '<form class="newsletter-action" method="post">' in page.text
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    response = client.post(path)

    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None


@pytest.mark.django_db
def test_one_click_unsubscribe_from_a_mail_client(client, confirm_path):
    client.post(confirm_path)
    path = link_path(mail.outbox[-1], "unsubscribe")

    # RFC 8058: the mail client posts this body, with no cookie and no CSRF token.
    response = client.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.django_db
def test_an_unsubscribe_outranks_an_older_confirmation_link(client, confirm_path):
    client.post(link_path(mail.outbox[-1], "unsubscribe"))

    response = client.post(confirm_path)

    assert response.status_code == 410
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.django_db
def test_a_tampered_unsubscribe_link_is_refused(client, confirm_path):
    path = link_path(mail.outbox[-1], "unsubscribe")

    response = client.post(path.rstrip("/") + "x/")

    assert response.status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
