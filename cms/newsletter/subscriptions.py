"""Subscribing, confirming and unsubscribing: what the views ask of the newsletter."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from .models import Subscriber
from .tasks import send_confirmation
from .tokens import BadLink, ExpiredLink, read_confirmation, read_unsubscribe


@transaction.atomic
def subscribe(email, languages, language):
    """Record a pending subscription, or find the address's, and mail a confirmation link.

    An address already known is left as it is: what was asked for now travels in the
    signed link and applies only when the address's owner confirms. Either way the
    reader sees the same answer, so the form tells nobody whether an address is known.
    Atomic: a subscriber is never stored without the languages asked for.
    """
    now = timezone.now()
    version = settings.NEWSLETTER_CONSENT_VERSION
    subscriber, created = Subscriber.objects.get_or_create(
        email=email,
        defaults={"language": language, "consent_version": version, "consented_at": now},
    )
    if created:
        subscriber.locales.set(Locale.objects.filter(language_code__in=languages))
    transaction.on_commit(
        lambda: send_confirmation.delay(
            subscriber.pk, list(languages), language, version, now.timestamp()
        )
    )
    return subscriber


def confirmation(token):
    """The subscriber and what their confirmation link asks for; BadLink or ExpiredLink."""
    asked = read_confirmation(token)
    subscriber = Subscriber.objects.filter(key=asked.key).first()
    if subscriber is None:
        raise BadLink
    if subscriber.unsubscribed_at and subscriber.unsubscribed_at > asked.consented_at:
        raise ExpiredLink  # an unsubscribe after the link was sent outranks it
    return subscriber, asked


def confirm(token):
    subscriber, asked = confirmation(token)
    subscriber.confirm(asked.languages, asked.consent_version, asked.consented_at)
    return subscriber


def unsubscribe(token):
    """Stop every digest to the link's subscriber; a deleted subscriber needs nothing."""
    key = read_unsubscribe(token)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is not None:
        subscriber.unsubscribe()
    return subscriber
