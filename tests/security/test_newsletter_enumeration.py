"""Nobody learns from the subscribe form whether an address is on the list, and nobody
floods an inbox through it.

The form answers a known and a new address with the same page; it must also do the same
work for both, or the response time tells them apart (a probe measured three times the
difference). Every post used to mail the address's owner again: now one confirmation mail
per address per interval, a few a day, and further posts answer the same and send nothing.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cms.newsletter.models import Subscriber

START = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
ENOUGH_POSTS = override_settings(NEWSLETTER_SUBSCRIBE_LIMIT=(1000, 600))


def answer(response):
    return response.status_code, response.get("Location"), response.content


def mails_to(email):
    return [message for message in mail.outbox if message.to == [email]]


@pytest.mark.django_db
def test_a_known_and_a_new_address_take_the_same_queries_jobs_and_answer(
    client, confirmed_subscriber, django_capture_on_commit_callbacks
):
    confirmed_subscriber("known@example.com")
    data = {"languages": ["en"], "consent": "on", "website": ""}
    client.post("/en/newsletter/subscribe/", {**data, "email": "warm-up@example.com"})

    measured = {}
    for email in ["known@example.com", "new@example.com"]:
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks() as jobs,
        ):
            response = client.post("/en/newsletter/subscribe/", {**data, "email": email})
        statements = [query["sql"].split()[0] for query in queries]
        measured[email] = (answer(response), statements, len(jobs))

    assert measured["known@example.com"] == measured["new@example.com"]


@pytest.mark.django_db
@ENOUGH_POSTS
def test_repeated_posts_mail_the_owner_once_per_interval_and_answer_the_same(
    subscribe, time_machine
):
    time_machine.move_to(START, tick=False)
    first = subscribe("reader@example.com")
    repeats = [subscribe("reader@example.com", languages=["ru"]) for _ in range(3)]

    assert {answer(response) for response in repeats} == {answer(first)}
    assert len(mails_to("reader@example.com")) == 1

    interval = timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_MAIL_INTERVAL)
    time_machine.move_to(START + interval + timedelta(seconds=1), tick=False)
    subscribe("reader@example.com")

    assert len(mails_to("reader@example.com")) == 2


@pytest.mark.django_db
@ENOUGH_POSTS
def test_an_address_gets_a_few_confirmation_mails_a_day_however_often_it_is_posted(
    subscribe, time_machine
):
    for hour in range(24):
        time_machine.move_to(START + timedelta(hours=hour), tick=False)
        subscribe("reader@example.com")

    sent = len(mails_to("reader@example.com"))
    assert sent == settings.NEWSLETTER_CONFIRMATION_MAILS_PER_DAY < 24

    time_machine.move_to(START + timedelta(days=1, hours=1), tick=False)
    subscribe("reader@example.com")
    assert len(mails_to("reader@example.com")) == sent + 1


@pytest.mark.django_db
@ENOUGH_POSTS
def test_the_mail_limits_count_each_address_on_its_own(subscribe, time_machine):
    time_machine.move_to(START, tick=False)
    subscribe("reader@example.com")
    subscribe("reader@example.com")
    subscribe("other@example.com")

    assert len(mails_to("reader@example.com")) == 1
    assert len(mails_to("other@example.com")) == 1
    assert Subscriber.objects.count() == 2
