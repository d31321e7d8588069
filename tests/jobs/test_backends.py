"""Jobs run in-process without a broker, and reach the broker only once the data is committed."""

import pytest
from django.contrib.auth import get_user_model
from kombu import Connection
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Locale, Page

from articles.models import ArticlePage
from cms.celery import app
from cms.jobs.backends import CeleryBackend, LocalizeJobBackend, decode_job_value, encode_job_value
from cms.jobs.tasks import run_django_task

INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


@pytest.fixture
def broker():
    """Celery as in production, over kombu's in-memory transport instead of the network."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url="memory://", task_always_eager=False)
    queue = app.conf.task_default_queue

    def messages():
        with Connection("memory://") as connection:
            simple = connection.SimpleQueue(queue)
            received = []
            while simple.qsize():
                message = simple.get(timeout=1)
                message.ack()
                received.append((message.headers["task"], message.payload[0]))
            simple.close()
            return received

    yield messages
    messages()
    app.conf.update(saved)


def retitle_without_signals(page, title):
    """A title changed behind the search index's back, so only a job can index it."""
    ArticlePage.objects.filter(pk=page.pk).update(title=title)
    Page.objects.filter(pk=page.pk).update(title=title)


def found(word):
    return list(Page.objects.search(word))


@pytest.mark.django_db
def test_without_broker_a_job_runs_at_once_in_process():
    article = ArticlePage.objects.first()
    retitle_without_signals(article, "Tollbooth inquiry")

    result = CeleryBackend("default", {}).enqueue(
        insert_or_update_object_task, ("articles", "articlepage", str(article.pk)), {}
    )

    assert result.status == "SUCCESSFUL"
    assert [page.pk for page in found("tollbooth")] == [article.pk]


@pytest.mark.django_db
def test_with_broker_a_job_is_published_after_the_commit(
    broker, django_capture_on_commit_callbacks
):
    backend = CeleryBackend("default", {})
    args = ("articles", "articlepage", "7")

    with django_capture_on_commit_callbacks(execute=True):
        result = backend.enqueue(insert_or_update_object_task, args, {})
        assert broker() == []

    assert result.status == "READY"
    assert broker() == [("cms.jobs.run_django_task", [INDEX_TASK, list(args), {}])]


@pytest.mark.django_db
def test_a_job_whose_arguments_a_worker_cannot_read_is_refused_at_once(broker):
    with pytest.raises(TypeError):
        CeleryBackend("default", {}).enqueue(insert_or_update_object_task, (object(),), {})


@pytest.mark.django_db
def test_the_worker_runner_does_the_job_at_the_import_path():
    article = ArticlePage.objects.first()
    retitle_without_signals(article, "Lighthouse keepers")

    run_django_task.apply(args=(INDEX_TASK, ["articles", "articlepage", str(article.pk)], {}))

    assert [page.pk for page in found("lighthouse")] == [article.pk]


@pytest.mark.django_db
def test_the_worker_runner_refuses_what_is_not_a_task():
    with pytest.raises(TypeError):
        run_django_task.apply(args=("cms.jobs.backends.encode_job_value", [], {}))


@pytest.mark.django_db
def test_translation_jobs_carry_objects_as_references(broker, django_capture_on_commit_callbacks):
    locales = list(Locale.objects.filter(language_code__in=["ru", "ar"]))
    user = get_user_model().objects.first()
    arguments = [7, locales, None, user]

    encoded = encode_job_value(arguments)
    assert encoded[1][0] == {"__model__": "wagtailcore.Locale", "pk": locales[0].pk}
    assert decode_job_value(encoded) == arguments

    with django_capture_on_commit_callbacks(execute=True):
        LocalizeJobBackend({}).enqueue(encode_job_value, arguments, {})
    assert broker() == [
        ("cms.jobs.run_localize_job", ["cms.jobs.backends.encode_job_value", encoded, {}])
    ]
