"""Index on publish (a background job after commit); leave the index at once otherwise.

Every saved page, draft or live, has its titles indexed for the admin's page search by a
background job after commit; a deleted page leaves that index at once.

A view restriction added to a page takes it and every page under it out of search at once;
one lifted brings the live ones back through the indexing job.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished

from cms.core.searchable import searchable_models

from . import indexing, page_titles, tasks


def queue_indexing(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: tasks.index_pages.enqueue([page_id]))


def remove_unpublished(sender, instance, **kwargs):
    indexing.remove_pages([instance.pk])


def _pages_under(restriction):
    return list(
        Page.objects.filter(path__startswith=restriction.page.path).values_list("pk", flat=True)
    )


def restriction_added(sender, instance, **kwargs):
    indexing.remove_pages(_pages_under(instance))


def restriction_lifted(sender, instance, **kwargs):
    # The job indexes those still live and public (another restriction may cover them).
    page_ids = _pages_under(instance)
    transaction.on_commit(lambda: tasks.index_pages.enqueue(page_ids))


def queue_title_indexing(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: tasks.index_page_titles.enqueue([page_id]))


def remove_title(sender, instance, **kwargs):
    page_titles.remove_titles([instance.pk])


def connect():
    post_save.connect(restriction_added, sender=PageViewRestriction, dispatch_uid="search-private")
    post_delete.connect(
        restriction_lifted, sender=PageViewRestriction, dispatch_uid="search-public"
    )
    for model in searchable_models():
        page_published.connect(queue_indexing, sender=model, dispatch_uid=f"search-{model}")
        for signal in (page_unpublished, pre_delete):
            signal.connect(remove_unpublished, sender=model, dispatch_uid=f"search-off-{model}")
    # A page is saved as its own type, but every deletion, of any type, deletes a Page row.
    for model in get_page_models():
        post_save.connect(queue_title_indexing, sender=model, dispatch_uid=f"titles-{model}")
    post_delete.connect(remove_title, sender=Page, dispatch_uid="titles-off")
