"""Publishing pushes the story, signed, to partners' endpoints; failures are retried and logged."""

import socket
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleNote
from cms.distribution.items import credit_line, guid_for
from cms.syndication import push
from cms.syndication.models import Delivery, DeliveryAttempt
from cms.syndication.tasks import retry_due_deliveries
from tests.syndication.conftest import article_in, make_account, russian_article, verified


def publish(story, callbacks):
    with callbacks(execute=True):
        story.save_revision().publish()


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hook"


@pytest.fixture
def pushed_account(russian_news_product, receiver):
    return make_account(russian_news_product, endpoint_url=receiver.url)


@pytest.mark.django_db
def test_a_published_story_is_pushed_signed_and_logged(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = russian_article(title="Срочная новость")

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    item = verified(request, pushed_account.push_secret)
    assert item["uri"] == guid_for(story) and item["version"] == "1"
    assert item["headlines"][0]["value"] == "Срочная новость"
    assert item["copyrightnotice"] == credit_line("ru")

    delivery = Delivery.objects.get(account=pushed_account)
    assert request["headers"]["X-Newsroom-Delivery"] == str(delivery.delivery_id)
    assert delivery.status == Delivery.Status.DELIVERED and delivery.attempts == 1
    attempt = delivery.log.get()
    assert (attempt.number, attempt.status_code, attempt.succeeded) == (1, 200, True)


@pytest.mark.django_db
def test_a_tampered_body_fails_the_partners_check(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        russian_article()
    request = receiver.requests[0]
    tampered = {**request, "body": request["body"].replace(b'"version": "1"', b'"version": "9"')}
    with pytest.raises(AssertionError):
        verified(tampered, pushed_account.push_secret)


@pytest.mark.django_db
def test_stories_outside_the_partners_products_are_not_pushed(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article_in("en")  # the product is Russian only
        article_in("pt")  # not a language of the partner
    assert receiver.requests == []
    assert not Delivery.objects.exists()


@pytest.mark.django_db
def test_a_failing_endpoint_is_retried_with_backoff_and_every_attempt_logged(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    receiver.status = 500
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            russian_article()
        delivery = Delivery.objects.get()
        assert delivery.status == Delivery.Status.PENDING
        assert delivery.next_attempt_at == start + timedelta(minutes=1)
        assert retry_due_deliveries() == 0  # not due yet

    moment, waits = start, []
    for _attempt in range(2, push.MAX_ATTEMPTS + 1):
        delivery.refresh_from_db()
        waits.append(delivery.next_attempt_at - moment)
        moment = delivery.next_attempt_at
        with time_machine.travel(moment, tick=False):
            assert retry_due_deliveries() == 1

    delivery.refresh_from_db()
    assert waits == [timedelta(minutes=minutes) for minutes in (1, 2, 4, 8, 16)]
    assert delivery.status == Delivery.Status.FAILED and delivery.next_attempt_at is None
    log = list(delivery.log.order_by("number"))
    assert [attempt.number for attempt in log] == list(range(1, push.MAX_ATTEMPTS + 1))
    assert {(attempt.status_code, attempt.succeeded) for attempt in log} == {(500, False)}
    assert {attempt.error for attempt in log} == {"HTTP 500 Internal Server Error"}
    assert len(receiver.requests) == push.MAX_ATTEMPTS
    # Every retry is the same delivery of the same document.
    assert len({r["headers"]["X-Newsroom-Delivery"] for r in receiver.requests}) == 1
    assert len({r["body"] for r in receiver.requests}) == 1

    with time_machine.travel(moment + timedelta(days=1), tick=False):
        assert retry_due_deliveries() == 0  # given up: no more attempts


@pytest.mark.django_db
def test_an_unreachable_endpoint_is_logged_then_delivered_once_it_answers(
    russian_news_product, receiver, django_capture_on_commit_callbacks
):
    account = make_account(russian_news_product, endpoint_url=closed_port_url())
    with django_capture_on_commit_callbacks(execute=True):
        russian_article()
    delivery = Delivery.objects.get()
    first = delivery.log.get()
    assert first.status_code is None and not first.succeeded
    assert first.error == "ConnectionFailed: No connection could be made."

    account.endpoint_url = receiver.url
    account.save()
    with time_machine.travel(delivery.next_attempt_at, tick=False):
        retry_due_deliveries()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.DELIVERED
    assert [(a.number, a.succeeded) for a in delivery.log.order_by("number")] == [
        (1, False),
        (2, True),
    ]


@pytest.mark.django_db
def test_a_refused_push_is_not_retried(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    receiver.status = 410
    with django_capture_on_commit_callbacks(execute=True):
        russian_article()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 1


@pytest.mark.django_db
def test_a_correction_is_pushed_as_an_update_with_the_same_id_and_the_next_version(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = russian_article()
    story.notes.add(ArticleNote(kind="correction", text="Исправлена дата встречи."))
    publish(story, django_capture_on_commit_callbacks)

    first, update = (verified(r, pushed_account.push_secret) for r in receiver.requests)
    assert first["uri"] == update["uri"] == guid_for(story)
    assert (first["version"], update["version"]) == ("1", "2")
    assert "Исправлена дата встречи." in str(update["descriptions"])
    assert list(Delivery.objects.order_by("created_at").values_list("version", flat=True)) == [
        1,
        2,
    ]


@pytest.mark.django_db
def test_resend_from_the_delivery_log(
    pushed_account, receiver, admin_client, django_capture_on_commit_callbacks
):
    receiver.status = 503
    with django_capture_on_commit_callbacks(execute=True):
        story = russian_article()
    attempt = DeliveryAttempt.objects.get()

    log = admin_client.get(reverse("syndication-deliveries:index"))
    assert log.status_code == 200
    assert guid_for(story) in log.content.decode()
    resend_url = reverse("syndication-deliveries:resend", args=[attempt.pk])
    assert resend_url in log.content.decode()
    assert admin_client.get(resend_url).status_code == 200

    receiver.status = 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(resend_url)
    assert response.status_code == 302
    resent = Delivery.objects.exclude(pk=attempt.delivery_id).get()
    assert resent.status == Delivery.Status.DELIVERED and resent.guid == guid_for(story)
    assert DeliveryAttempt.objects.count() == 2
    assert receiver.requests[-1]["headers"]["X-Newsroom-Delivery"] == str(resent.delivery_id)


@pytest.mark.django_db
def test_a_scheduled_story_is_pushed_when_the_scheduler_publishes_it(
    pushed_account, receiver, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + timedelta(hours=2)
    story = russian_article(live=False)
    story.go_live_at = go_live
    publish(story, django_capture_on_commit_callbacks)
    assert receiver.requests == []

    with (
        time_machine.travel(go_live + timedelta(minutes=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("publish_scheduled", verbosity=0)
    assert [verified(r, pushed_account.push_secret)["uri"] for r in receiver.requests] == [
        guid_for(story)
    ]
