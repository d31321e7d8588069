"""The consent record cannot be bent: nobody but the reader makes an address confirmed, an
old link does not undo a later unsubscribe, and the history of who did what, and when,
is only ever added to.

The probe found an admin unsubscribe dated with an older unsubscribe's time, a chief
editor able to set a subscriber back to confirmed, and a confirmation link mailed before
an admin unsubscribe that still re-subscribed its address.
"""

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client

from cms.newsletter.models import Subscriber
from tests.newsletter.conftest import link_path

DAY_ONE = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
INDEX = "/admin/newsletter-subscribers/"
VERSION = settings.NEWSLETTER_CONSENT_VERSION


def day(number, hours=0):
    return DAY_ONE + timedelta(days=number - 1, hours=hours)


def chief_client():
    client = Client(raise_request_exception=True)
    client.force_login(get_user_model().objects.get(username="chief"))
    return client


def edit_as_chief(subscriber, status):
    return chief_client().post(
        f"{INDEX}edit/{subscriber.pk}/",
        {"status": status, "locales": [locale.pk for locale in subscriber.locales.all()]},
    )


def history(subscriber):
    return [
        (event.kind, event.actor, event.user_name, event.at)
        for event in subscriber.consent_events.all()
    ]


@pytest.fixture
def twice_subscribed(client, subscribe, time_machine):
    """Subscribed and confirmed, unsubscribed by link, subscribed and confirmed again, then
    unsubscribed by a chief editor; returns the second confirmation link."""
    time_machine.move_to(day(1), tick=False)
    subscribe("reader@example.com")
    client.post(link_path(mail.outbox[-1], "confirm"))
    time_machine.move_to(day(2), tick=False)
    client.post(link_path(mail.outbox[-1], "unsubscribe"))
    time_machine.move_to(day(3), tick=False)
    subscribe("reader@example.com", languages=["en", "ru"])
    second_link = link_path(mail.outbox[-1], "confirm")
    assert client.post(second_link).status_code == 200
    time_machine.move_to(day(4), tick=False)
    assert edit_as_chief(Subscriber.objects.get(), "unsubscribed").status_code == 302
    time_machine.move_to(day(4, hours=1), tick=False)
    return second_link


@pytest.mark.django_db
def test_an_admin_unsubscribe_is_dated_when_it_happens(twice_subscribed):
    subscriber = Subscriber.objects.get()

    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at == day(4)


@pytest.mark.django_db
def test_a_confirmation_link_mailed_before_an_admin_unsubscribe_is_refused(
    client, twice_subscribed
):
    response = client.post(twice_subscribed)

    assert response.status_code == 410
    assert "This link has expired" in response.text
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["confirmed", "pending"])
def test_a_chief_editor_cannot_subscribe_an_unsubscribed_reader_again(twice_subscribed, status):
    response = edit_as_chief(Subscriber.objects.get(), status)

    assert response.status_code == 200
    assert "Only the reader can" in response.text
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.django_db
def test_the_history_holds_every_step_with_who_took_it_and_when(twice_subscribed):
    subscriber = Subscriber.objects.get()

    assert history(subscriber) == [
        ("subscribed", "form", "", day(1)),
        ("confirmed", "link", "", day(1)),
        ("unsubscribed", "link", "", day(2)),
        ("confirmed", "link", "", day(3)),
        ("unsubscribed", "admin", "chief", day(4)),
    ]
    events = list(subscriber.consent_events.all())
    assert [event.consent_version for event in events] == [VERSION, VERSION, "", VERSION, ""]
    assert events[-1].user == get_user_model().objects.get(username="chief")
    assert subscriber.confirmed_at == day(3)


@pytest.mark.django_db
def test_the_history_is_never_changed_or_deleted(twice_subscribed):
    event = Subscriber.objects.get().consent_events.first()
    ConsentEvent = type(event)

    event.kind = "confirmed"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        ConsentEvent.objects.all().delete()
    with pytest.raises(TypeError):
        ConsentEvent.objects.update(kind="confirmed")
    codenames = set(
        Permission.objects.filter(content_type__model="consentevent").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"view_consentevent"}  # nobody can be given more
    assert ConsentEvent.objects.filter(kind="confirmed").count() == 2


@pytest.mark.django_db
def test_the_admin_shows_the_history_read_only(twice_subscribed):
    subscriber = Subscriber.objects.get()

    page = chief_client().get(f"{INDEX}inspect/{subscriber.pk}/")

    assert page.status_code == 200
    assert "Consent history" in page.text
    assert page.text.count('class="consent-event"') == 5
    assert "chief" in page.text
    assert "<form" not in page.text.split("Consent history", 1)[1]


@pytest.mark.django_db
def test_deleting_an_admin_account_keeps_who_unsubscribed(twice_subscribed):
    get_user_model().objects.get(username="chief").delete()

    *_, last = history(Subscriber.objects.get())
    assert last == ("unsubscribed", "admin", "chief", day(4))


@pytest.mark.django_db
def test_erasing_an_address_takes_its_history_with_it(twice_subscribed):
    """The one way events go: the reader asks to be forgotten, and an editor deletes them."""
    subscriber = Subscriber.objects.get()

    response = chief_client().post(f"{INDEX}delete/{subscriber.pk}/")

    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not apps.get_model("newsletter", "ConsentEvent").objects.exists()


@pytest.mark.django_db
def test_the_migration_turns_each_known_time_into_an_event(db, time_machine):
    time_machine.move_to(day(10), tick=False)
    migration = importlib.import_module("cms.newsletter.migrations.0002_consentevent")

    def stored(email, status, confirmed=None, unsubscribed=None):
        return Subscriber.objects.create(
            email=email,
            language="en",
            status=status,
            consent_version="2026-11",
            consented_at=day(1),
            confirmed_at=confirmed,
            unsubscribed_at=unsubscribed,
        )

    confirmed = stored("confirmed@example.com", "confirmed", confirmed=day(2))
    by_link = stored("link@example.com", "unsubscribed", confirmed=day(2), unsubscribed=day(3))
    # An editor's unsubscribe that kept an older date; an editor's "confirmed" after it.
    stale = stored("stale@example.com", "unsubscribed", confirmed=day(4), unsubscribed=day(3))
    forced = stored("forced@example.com", "confirmed", confirmed=day(2), unsubscribed=day(3))

    migration.record_known_consent(apps, None)

    def kinds(subscriber):
        return [(kind, at) for kind, _actor, _name, at in history(subscriber)]

    assert kinds(confirmed) == [("subscribed", day(1)), ("confirmed", day(2))]
    assert kinds(by_link) == [
        ("subscribed", day(1)),
        ("confirmed", day(2)),
        ("unsubscribed", day(3)),
    ]
    assert kinds(stale)[:3] == [
        ("subscribed", day(1)),
        ("unsubscribed", day(3)),
        ("confirmed", day(4)),
    ]
    # The editor's unsubscribe came after day 4, when is not known: dated when recorded.
    assert kinds(stale)[3] == ("unsubscribed", day(10))
    assert {actor for _kind, actor, _name, _at in history(stale)} == {"record"}
    for subscriber in (confirmed, by_link, stale, forced):
        subscriber.refresh_from_db()
    assert confirmed.status == "confirmed"
    assert by_link.status == stale.status == forced.status == "unsubscribed"
    assert stale.unsubscribed_at == day(10)
