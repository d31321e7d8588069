"""When linked drafts appear in the other languages, when they go, and when translators
hear of a new story (notifications.py).

On the English page's first submission for review or publication (whichever comes first),
not on its creation: see drafts.py. Publishing is watched whoever publishes (the editor,
a workflow's approval, the scheduler), except the code that writes pages with their
translations itself (the demo, imports): their revisions carry no user.
"""

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, workflow_submitted

from cms.core.stories import story_models

from . import drafts, notifications, tasks


def _follow(page, user_id):
    if not isinstance(page, Page) or not drafts.is_source(page):
        return
    page_id = page.pk
    transaction.on_commit(
        lambda: tasks.follow_source.enqueue(page_id, user_id, create_missing=True)
    )


def page_submitted(sender, instance, user=None, **kwargs):
    _follow(instance.content_object, getattr(user, "pk", None))


def page_went_live(sender, instance, revision=None, **kwargs):
    if revision is not None and revision.user_id is not None:
        _follow(instance, revision.user_id)


def story_went_live(sender, instance, revision=None, **kwargs):
    # Mailed from a job queued after the drafting one, so the mail links to the drafts.
    new = notifications.is_first_publication_by_a_person(instance, revision)
    if new and drafts.is_source(instance):
        page_id = instance.pk
        transaction.on_commit(lambda: tasks.tell_translators_of_new_story.enqueue(page_id))


def page_deleting(sender, instance, **kwargs):
    drafts.remove_untouched_translations(instance)


def connect():
    workflow_submitted.connect(page_submitted, dispatch_uid="localization-submitted")
    page_published.connect(page_went_live, dispatch_uid="localization-published")
    pre_delete.connect(page_deleting, sender=Page, dispatch_uid="localization-deleting")
    for model in story_models():
        page_published.connect(
            story_went_live,
            sender=model,
            dispatch_uid=f"localization-new-story-{model._meta.label_lower}",
        )
