"""The weekly digest: the week's live articles of each language, sent once per subscriber."""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage
from cms.newsletter.models import Delivery
from cms.newsletter.tasks import send_digest_batch, send_weekly_digest
from cms.taxonomy.models import Category
from tests.factories import make_article
from tests.newsletter.conftest import html_of, link_path

WEEK = "2020-W10"  # Monday 2 March to Sunday 8 March 2020; the demo has nothing then


def at(day, hour=10):
    return datetime(2020, 3, day, hour, tzinfo=UTC)


def article(language, title, published, live=True):
    section = ArticleIndexPage.objects.filter(locale__language_code=language).first()
    category = Category.objects.filter(locale=section.locale).first()
    return make_article(section, category, title=title, published=published, live=live)


@pytest.fixture
def week_of_news(db):
    """Articles in and around the week, and which of them the digest may carry."""
    included = [
        article("en", "Monday dawn harbour report", at(2, hour=0)),
        article("en", "Midweek rail corridor opens", at(4)),
    ]
    article("en", "Last week's budget story", datetime(2020, 2, 28, 12, tzinfo=UTC))
    article("en", "Next Monday's story", at(9, hour=0))
    article("en", "Draft about the port", at(5), live=False)
    scheduled = article("en", "Embargoed budget story", at(5), live=False)
    scheduled.go_live_at = datetime(2099, 1, 1, tzinfo=UTC)
    scheduled.save_revision().publish()
    expired = article("en", "Expired flood warning", at(5))
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=at(6))
    private = article("en", "Members-only briefing", at(5))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    article("ru", "Русская статья недели", at(3))
    article("ar", "مقال الأسبوع", at(3))
    return [page.title for page in included]


def titles_in(message):
    return set(re.findall(r'<h2[^>]*><a href="[^"]+"[^>]*>([^<]+)</a>', html_of(message)))


def digests_to(email):
    return [message for message in mail.outbox if message.to == [email]]


@pytest.mark.django_db
def test_the_digest_holds_only_the_weeks_live_articles_of_the_subscribers_language(
    week_of_news, confirmed_subscriber
):
    confirmed_subscriber("en@example.com", ["en"])
    confirmed_subscriber("ru@example.com", ["ru"])

    send_weekly_digest.apply(kwargs={"week": WEEK})

    [english] = digests_to("en@example.com")
    assert titles_in(english) == set(week_of_news)
    assert all(title in english.body for title in week_of_news)
    [russian] = digests_to("ru@example.com")
    assert titles_in(russian) == {"Русская статья недели"}
    assert '<html lang="ru" dir="ltr">' in html_of(russian)


@pytest.mark.django_db
def test_each_language_is_its_own_digest_right_to_left_where_the_language_is(
    week_of_news, confirmed_subscriber
):
    confirmed_subscriber("two@example.com", ["en", "ar"])
    confirmed_subscriber("fa@example.com", ["fa"])  # nothing in Persian that week

    send_weekly_digest.apply(kwargs={"week": WEEK})

    messages = digests_to("two@example.com")
    assert len(messages) == 2
    arabic = next(m for m in messages if "مقال الأسبوع" in m.body)
    assert '<html lang="ar" dir="rtl">' in html_of(arabic)
    assert digests_to("fa@example.com") == []


@pytest.mark.django_db
def test_every_digest_carries_its_subscribers_unsubscribe_link_and_headers(
    client, week_of_news, confirmed_subscriber
):
    subscriber = confirmed_subscriber("en@example.com", ["en"])

    send_weekly_digest.apply(kwargs={"week": WEEK})

    [message] = mail.outbox
    path = link_path(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{path}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert path in html_of(message)
    client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    subscriber.refresh_from_db()
    assert subscriber.status == subscriber.Status.UNSUBSCRIBED


@pytest.mark.django_db
def test_the_digest_is_sent_once_even_when_the_job_runs_twice(week_of_news, confirmed_subscriber):
    for number in range(3):
        confirmed_subscriber(f"reader{number}@example.com", ["en", "ru"])

    send_weekly_digest.apply(kwargs={"week": WEEK})
    send_weekly_digest.apply(kwargs={"week": WEEK})

    assert len(mail.outbox) == 6
    assert Delivery.objects.filter(week=WEEK).count() == 6
    assert not Delivery.objects.filter(week=WEEK, sent_at=None).exists()


@pytest.mark.django_db
def test_only_confirmed_subscribers_get_the_digest(week_of_news, subscribe, confirmed_subscriber):
    subscribe("pending@example.com")
    unsubscribed = confirmed_subscriber("gone@example.com")
    unsubscribed.unsubscribe()
    mail.outbox.clear()

    send_weekly_digest.apply(kwargs={"week": WEEK})

    assert mail.outbox == []


class FailsOnSecondMessageBackend(EmailBackend):
    """A mail server that drops the connection at the second message of the run."""

    messages_seen = 0

    def send_messages(self, messages):
        FailsOnSecondMessageBackend.messages_seen += 1
        if FailsOnSecondMessageBackend.messages_seen == 2:
            raise ConnectionResetError("mail server went away")
        return super().send_messages(messages)


@pytest.mark.django_db
def test_a_failed_send_is_retried_and_nobody_gets_the_digest_twice(
    settings, week_of_news, confirmed_subscriber
):
    settings.EMAIL_BACKEND = f"{__name__}.FailsOnSecondMessageBackend"
    FailsOnSecondMessageBackend.messages_seen = 0
    ids = [confirmed_subscriber(f"reader{n}@example.com", ["en"]).pk for n in range(3)]

    # Celery's own retry, run in-process: throw=False lets apply() take the retry path
    # (with eager propagation the Retry would surface instead of running).
    send_digest_batch.apply(args=(WEEK, "en", ids), throw=False)

    assert FailsOnSecondMessageBackend.messages_seen == 4  # 1 sent, 1 failed, then 2 sent
    assert sorted(message.to[0] for message in mail.outbox) == [
        f"reader{n}@example.com" for n in range(3)
    ]
    assert Delivery.objects.exclude(sent_at=None).count() == 3


@pytest.mark.django_db
def test_beat_sends_the_week_that_just_ended(week_of_news, confirmed_subscriber):
    confirmed_subscriber("en@example.com", ["en"])

    with time_machine.travel(datetime(2020, 3, 9, 6, tzinfo=UTC)):
        send_weekly_digest.apply()

    assert Delivery.objects.filter(week=WEEK).count() == 1


@pytest.mark.django_db
def test_the_command_counts_in_a_dry_run_then_sends(week_of_news, confirmed_subscriber, capsys):
    confirmed_subscriber("en@example.com", ["en", "ru"])

    call_command("send_newsletter", week=WEEK, dry_run=True)
    dry = capsys.readouterr().out
    assert f"{WEEK} en: would send 1" in dry
    assert f"{WEEK} fa: no stories" in dry
    assert mail.outbox == [] and not Delivery.objects.exists()

    call_command("send_newsletter", "--week", WEEK)
    call_command("send_newsletter", "--week", WEEK)

    assert len(mail.outbox) == 2
    assert f"{WEEK}: 0 digests sent" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize("week", ["2020-10", "2020-W54", "last week"])
def test_the_command_refuses_a_week_that_is_not_one(week):
    with pytest.raises(CommandError):
        call_command("send_newsletter", week=week)
