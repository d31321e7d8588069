"""Push jobs: deliver a published story to partners' endpoints, retry due deliveries."""

from celery import shared_task
from django.db import transaction
from django_tasks import task

from . import push


def enqueue_delivery(delivery_id):
    # The job reads the delivery row: it must be committed first.
    transaction.on_commit(lambda: deliver.enqueue(delivery_id))


@task()
def push_story(page_id):
    """Create and send a delivery of a just-published story to each partner that takes it."""
    for delivery in push.deliveries_for_story(page_id):
        enqueue_delivery(delivery.pk)


@task()
def deliver(delivery_id):
    """One attempt at a due delivery. Idempotent: a delivery not due is left alone."""
    push.attempt(delivery_id)


@shared_task(name="syndication.retry_due_deliveries")
def retry_due_deliveries():
    """Queue the deliveries whose next attempt is due (beat: each minute)."""
    due = push.due_deliveries()
    for delivery_id in due:
        deliver.enqueue(delivery_id)
    return len(due)
