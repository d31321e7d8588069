"""Sending the weekly digest: each (subscriber, language, week) claimed once, then sent."""

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .digest import build_digest, has_stories
from .emails import digest_email
from .models import Delivery, Subscriber


def recipients(language, week):
    """Confirmed subscribers of the language whose digest of the week is not yet claimed."""
    claimed = Delivery.objects.filter(subscriber=OuterRef("pk"), language=language, week=week)
    return Subscriber.objects.filter(
        status=Subscriber.Status.CONFIRMED, locales__language_code=language
    ).exclude(Exists(claimed))


def digest_batches(week, size=None):
    """(language, subscriber ids) for every batch of the week's digest, languages with news."""
    size = size or settings.NEWSLETTER_BATCH_SIZE
    for language, _name in settings.LANGUAGES:
        if not has_stories(language, week):
            continue
        ids = list(recipients(language, week).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), size):
            yield language, ids[start : start + size]


def claim(subscriber, language, week):
    """Record the delivery before sending; False if a run or a retry already did."""
    try:
        with transaction.atomic():
            Delivery.objects.create(subscriber=subscriber, language=language, week=week)
    except IntegrityError:
        return False
    return True


def deliver_batch(week, language, subscriber_ids):
    """Send the digest to those of the subscribers not yet sent it; returns how many were sent.

    A failed send gives its claim back and raises, so the job's retry sends it; a crash
    between sending and recording leaves the claim, so nobody ever gets a digest twice.
    """
    digest = build_digest(language, week)
    if digest is None:
        return 0
    subscribers = recipients(language, week).filter(pk__in=subscriber_ids).order_by("pk")
    sent = 0
    with get_connection() as connection:
        for subscriber in subscribers:
            if not claim(subscriber, language, week):
                continue
            deliveries = Delivery.objects.filter(
                subscriber=subscriber, language=language, week=week
            )
            try:
                digest_email(subscriber, digest, connection).send()
            except Exception:
                deliveries.delete()
                raise
            deliveries.update(sent_at=timezone.now())
            sent += 1
    return sent
