"""With the broker unreachable, an editor's publish goes through and its jobs run in-process.

The broker is a real URL on a loopback port nothing listens on, for Redis and RabbitMQ
alike: Celery tries to connect, is refused, and the job must not be lost.
"""

import logging
import socket

import pytest
from django.test import override_settings
from kombu import Connection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from cms.celery import app
from cms.jobs import backends
from cms.taxonomy.models import Category

WORD = "Gravelmoor"


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_broker(url):
    app.conf.update(broker_url=url)
    # Celery keeps the connection pools of the first address it used: start them afresh.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture(params=["redis://127.0.0.1:{port}/0", "amqp://guest:guest@127.0.0.1:{port}//"])
def broker_down(request):
    """Celery as in production (not eager), its broker pointing at a closed port."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(task_always_eager=False)
    use_broker(request.param.format(port=closed_port()))
    backends.forget_broker_failure()
    with override_settings(
        TASKS={"default": {"BACKEND": "cms.jobs.backends.CeleryBackend"}},
        WAGTAILLOCALIZE_JOBS={"BACKEND": "cms.jobs.backends.LocalizeJobBackend"},
    ):
        yield
    app.conf.update(saved)
    use_broker(saved["broker_url"])
    backends.forget_broker_failure()


def publish_through_the_admin(admin_client):
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    data = nested_form_data(
        {
            "title": f"{WORD} quarry reopens after the floods",
            "slug": "gravelmoor-quarry-reopens",
            "lead": "The quarry took back its first lorries on Monday.",
            "category": Category.objects.filter(locale=section.locale).first().pk,
            "country_links": inline_formset([]),
            "author_links": inline_formset([]),
            "body": streamfield([("paragraph", rich_text("<p>Work resumed at dawn.</p>"))]),
            "tags": "",
            "comments": inline_formset([]),
            "notes": inline_formset([]),
            "action-publish": "publish",
        }
    )
    return admin_client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)


def found(client, language="en"):
    data = client.get(f"/{language}/search/results.json", {"q": WORD}).json()
    return [result["title"] for result in data["results"]]


@pytest.mark.django_db
def test_publishing_with_the_broker_down_runs_the_jobs_in_process(
    broker_down, admin_client, client, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.WARNING, logger="cms.jobs.backends")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = publish_through_the_admin(admin_client)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="gravelmoor-quarry-reopens", locale__language_code="en")
    assert article.live
    assert client.get(article.url).status_code == 200
    # The search index job was not lost: the reader finds the story at once.
    assert found(client) == [article.title]
    jobs = [c for c in callbacks if c.__qualname__.startswith("after_commit.")]
    handed_over = [r for r in caplog.records if "in-process" in r.getMessage()]
    assert len(handed_over) == len(jobs) > 1
    # Only the first job waited for the broker; the rest went straight to the process.
    assert sum(1 for r in handed_over if r.exc_info) == 1
    assert all(r.levelno == logging.WARNING for r in handed_over)


@pytest.mark.django_db
def test_once_the_pause_is_over_jobs_go_to_the_broker_again(
    broker_down, admin_client, caplog, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_through_the_admin(admin_client)
    assert backends.broker_recently_failed()

    # The broker is back (kombu's in-memory transport stands in for it) and the pause over.
    use_broker("memory://")
    monkeypatch.setattr(backends, "BROKER_DOWN_PAUSE", 0.0)
    caplog.clear()
    caplog.set_level(logging.WARNING, logger="cms.jobs.backends")
    article = ArticlePage.objects.get(slug="gravelmoor-quarry-reopens", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert not [r for r in caplog.records if "in-process" in r.getMessage()]
    assert "cms.jobs.run_django_task" in queued_task_names()
    assert not backends.broker_recently_failed()


def queued_task_names():
    with Connection("memory://") as connection:
        queue = connection.SimpleQueue(app.conf.task_default_queue)
        names = []
        while queue.qsize():
            message = queue.get(timeout=1)
            message.ack()
            names.append(message.headers["task"])
        queue.close()
    return names
