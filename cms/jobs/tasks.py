"""Celery tasks: the generic runners of django-tasks and wagtail-localize jobs, and ours."""

from contextlib import contextmanager
from dataclasses import replace

from celery import shared_task
from celery.utils.log import get_task_logger
from django.core.exceptions import ObjectDoesNotExist
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task, TaskContext, TaskError, TaskResult, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks.utils import get_exception_traceback, get_module_path, normalize_json

from .backends import RUN_DJANGO_TASK, RUN_LOCALIZE_JOB, CeleryBackend, decode_job_value

logger = get_task_logger(__name__)

# Jobs are idempotent, so a failure is retried with growing pauses (5 s, 10 s, 20 s … up
# to 10 min, jittered). A vanished object or a job that cannot be found will not heal.
RETRY_POLICY = {
    "autoretry_for": (Exception,),
    "dont_autoretry_for": (ObjectDoesNotExist, ImportError, TypeError),
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(bind=True, name=RUN_DJANGO_TASK, **RETRY_POLICY)
def run_django_task(self, module_path, args, kwargs):
    """Run the django-tasks task at `module_path`, e.g. a search index update."""
    logger.info("Running %s", module_path)
    task = import_string(module_path)
    if not isinstance(task, Task):
        raise TypeError(f"{module_path} is not a django-tasks task")
    result = TaskResult(
        task=task,
        id=self.request.id,
        status=TaskResultStatus.RUNNING,
        enqueued_at=None,
        started_at=timezone.now(),
        last_attempted_at=timezone.now(),
        finished_at=None,
        args=args,
        kwargs=kwargs,
        backend=task.backend,
        errors=[],
        worker_ids=[self.request.hostname or "worker"] * (self.request.retries + 1),
    )
    with reported(result) as result:
        call_args = [TaskContext(task_result=result), *args] if task.takes_context else args
        return normalize_json(task.call(*call_args, **kwargs))


@contextmanager
def reported(result):
    """Send django-tasks' started and finished signals around a run, as its backends do."""
    task_started.send(CeleryBackend, task_result=result)
    try:
        yield result
    except Exception as error:
        failed = replace(
            result,
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            errors=[TaskError(get_module_path(type(error)), get_exception_traceback(error))],
        )
        task_finished.send(CeleryBackend, task_result=failed)
        raise
    done = replace(result, status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now())
    task_finished.send(CeleryBackend, task_result=done)


@shared_task(name=RUN_LOCALIZE_JOB, **RETRY_POLICY)
def run_localize_job(func_path, args, kwargs):
    """Run a wagtail-localize job (subtree translation, tree sync) with its objects read again."""
    logger.info("Running %s", func_path)
    import_string(func_path)(*decode_job_value(args), **decode_job_value(kwargs))


@shared_task(name="cms.jobs.publish_scheduled_pages")
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish expired ones (beat: each minute)."""
    call_command("publish_scheduled")
