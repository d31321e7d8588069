"""Hand background jobs to the Celery app, once the transaction that asked for them commits.

Two backends, one path: `CeleryBackend` for django-tasks (Wagtail's search and reference
index jobs, ours) and `LocalizeJobBackend` for wagtail-localize, which keeps a job
interface of its own (`WAGTAILLOCALIZE_JOBS`). Both send one generic Celery task per job
("run the function at this import path with these JSON arguments"), so a worker needs no
per-job registration. When Celery is eager (no broker: tests, the embedded default) they
run the job in-process at once, as the defaults would. When the broker cannot be reached,
the job runs in-process too, after the commit, with a warning in the log: an editor's
publish goes through and its search, purge and syndication jobs are not lost.
"""

import logging
import time
import uuid
from dataclasses import replace

from django.db import transaction
from django.utils import timezone
from django_tasks import DEFAULT_TASK_QUEUE_NAME
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.signals import task_enqueued
from django_tasks.utils import get_module_path, normalize_json

from cms.celery import app

logger = logging.getLogger(__name__)


# The worker's tasks (tasks.py), sent by name: this module is what they import.
RUN_DJANGO_TASK = "cms.jobs.run_django_task"
RUN_LOCALIZE_JOB = "cms.jobs.run_localize_job"


def celery_is_eager():
    return app.conf.task_always_eager


# After a failed hand-over, jobs skip the broker for this long and run in-process at once:
# a publish that enqueues a dozen jobs waits on the broker's connection retries only once.
BROKER_DOWN_PAUSE = 30.0
_broker_failed_at = None


def broker_recently_failed():
    return (
        _broker_failed_at is not None and time.monotonic() - _broker_failed_at < BROKER_DOWN_PAUSE
    )


def forget_broker_failure():
    global _broker_failed_at
    _broker_failed_at = None


def after_commit(publish, run_here, description):
    """Publish once the data the job reads is committed; without a broker, run it here."""

    def publish_or_run_here():
        global _broker_failed_at
        if broker_recently_failed():
            logger.warning("Broker still unreachable: running %s in-process", description)
        else:
            try:
                publish()
                return
            except Exception:
                # The editor's change is saved; failing the request now would only hide it.
                _broker_failed_at = time.monotonic()
                logger.warning(
                    "Broker unreachable: running %s in-process", description, exc_info=True
                )
        try:
            run_here()
        except Exception:
            logger.exception("%s failed in-process", description)

    transaction.on_commit(publish_or_run_here)


class CeleryBackend(BaseTaskBackend):
    """django-tasks backend: each task runs on a worker as `cms.jobs.tasks.run_django_task`."""

    supports_defer = True
    supports_async_task = True
    # Accepted so a task declares its priority the same everywhere, but not forwarded:
    # Redis and RabbitMQ read priorities in opposite orders and our queues are plain FIFO.
    supports_priority = True

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.immediate = ImmediateBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        if celery_is_eager():
            return self.immediate.enqueue(replace(task, run_after=None), args, kwargs)

        result = TaskResult(
            task=task,
            id=str(uuid.uuid4()),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            # Raises TypeError here, in the caller, for arguments a worker could not read.
            args=normalize_json(list(args)),
            kwargs=normalize_json(dict(kwargs)),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        after_commit(
            lambda: self.publish(result),
            lambda: self.immediate.enqueue(replace(task, run_after=None), args, kwargs),
            f"{task.module_path} ({result.id})",
        )
        return result

    def publish(self, result):
        task = result.task
        options = {"task_id": result.id}
        if task.queue_name != DEFAULT_TASK_QUEUE_NAME:
            options["queue"] = task.queue_name
        if task.run_after is not None:
            options["eta"] = task.run_after
        app.send_task(RUN_DJANGO_TASK, (task.module_path, result.args, result.kwargs), **options)
        task_enqueued.send(type(self), task_result=result)


class LocalizeJobBackend:
    """wagtail-localize's jobs (subtree translation, tree sync) on the same Celery path.

    Its jobs take model instances; they travel as references and are read again on the
    worker. A job whose arguments cannot travel runs in-process, as it would by default.
    """

    def __init__(self, options):
        self.options = options

    def enqueue(self, func, args, kwargs):
        try:
            payload = (get_module_path(func), encode_job_value(args), encode_job_value(kwargs))
        except TypeError:
            logger.warning("Running %s in-process: its arguments cannot travel", func)
            payload = None
        if payload is None or celery_is_eager():
            func(*args, **kwargs)
            return

        after_commit(
            lambda: app.send_task(RUN_LOCALIZE_JOB, payload),
            lambda: func(*args, **kwargs),
            payload[0],
        )


MODEL_KEY = "__model__"


def encode_job_value(value):
    """JSON for a job argument: model instances become {"__model__": label, "pk": pk}."""
    from django.db.models import Model
    from wagtail_localize.components import TranslationComponentManager

    if isinstance(value, Model):
        return {MODEL_KEY: value._meta.label, "pk": value.pk}
    if isinstance(value, TranslationComponentManager) and not value.components:
        return None  # the subtree job treats "no components" and None alike
    if isinstance(value, list | tuple):
        return [encode_job_value(item) for item in value]
    if isinstance(value, dict):
        return {key: encode_job_value(item) for key, item in value.items()}
    return normalize_json(value)


def decode_job_value(value):
    from django.apps import apps

    if isinstance(value, dict) and MODEL_KEY in value:
        return apps.get_model(value[MODEL_KEY])._default_manager.get(pk=value["pk"])
    if isinstance(value, list):
        return [decode_job_value(item) for item in value]
    if isinstance(value, dict):
        return {key: decode_job_value(item) for key, item in value.items()}
    return value
