"""Push a story to partners when it is published (a job, once the publication commits)."""

from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.signals import page_published

from cms.core.stories import story_models
from partners.models import PartnerPage

from . import tasks
from .models import PartnerAccount


def queue_push(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: tasks.push_story.enqueue(page_id))


def keep_accounts_on_a_translation(sender, instance, **kwargs):
    """An account stays the partner's when the translation it was chosen on is deleted."""
    other = (
        PartnerPage.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .order_by("pk")
        .first()
    )
    PartnerAccount.objects.filter(partner=instance).update(partner=other)


def connect():
    pre_delete.connect(
        keep_accounts_on_a_translation, sender=PartnerPage, dispatch_uid="syndication-partner"
    )
    for model in story_models():
        page_published.connect(queue_push, sender=model, dispatch_uid=f"syndication-{model}")
