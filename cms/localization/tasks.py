"""Background jobs of translation upkeep (in-process by default, Celery in production)."""

from django.contrib.auth import get_user_model
from django_tasks import task
from wagtail.models import Page

from . import drafts, notifications


def _user(user_id):
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


@task()
def follow_source(page_id, user_id=None, create_missing=False):
    """Bring a source page's latest revision into its translations, first drafting them in
    every locale that lacks one when `create_missing` (a submission or a publication).
    Idempotent."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    user = _user(user_id)
    if create_missing:
        drafts.create_translation_drafts(page, user)
    drafts.follow_source(page, user)


@task()
def move_translations(page_id, user_id=None):
    """Follow a moved source page in every other locale. Idempotent."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        drafts.move_translations(page, _user(user_id))


@task()
def tell_translators_of_new_story(page_id):
    """Mail each translator of each other language that a new English story awaits them.
    Fails, to be run again, while the story's drafts are still being made."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        notifications.tell_translators_of_new_story(page.specific)
