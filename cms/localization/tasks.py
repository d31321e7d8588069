"""Background jobs of translation upkeep (in-process by default, Celery in production)."""

from django.contrib.auth import get_user_model
from django_tasks import task
from wagtail.models import Page

from . import drafts


def _user(user_id):
    return get_user_model().objects.filter(pk=user_id).first() if user_id else None


@task()
def create_translation_drafts(page_id, user_id=None):
    """Draft translations of a new source page in every other locale. Idempotent."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        drafts.create_translation_drafts(page, _user(user_id))


@task()
def move_translations(page_id, user_id=None):
    """Follow a moved source page in every other locale. Idempotent."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        drafts.move_translations(page, _user(user_id))
