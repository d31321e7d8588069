"""Index on publish (a background job after commit); leave the index at once otherwise."""

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.signals import page_published, page_unpublished

from . import indexing, tasks
from .documents import searchable_models


def queue_indexing(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: tasks.index_pages.enqueue([page_id]))


def remove_unpublished(sender, instance, **kwargs):
    indexing.remove_pages([instance.pk])


def connect():
    for model in searchable_models():
        page_published.connect(queue_indexing, sender=model, dispatch_uid=f"search-{model}")
        for signal in (page_unpublished, pre_delete):
            signal.connect(remove_unpublished, sender=model, dispatch_uid=f"search-off-{model}")
