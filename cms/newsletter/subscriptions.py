"""Subscribing, confirming and unsubscribing: what the views ask of the newsletter."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Subscriber
from .tasks import record_subscription
from .tokens import BadLink, ExpiredLink, read_confirmation, read_unsubscribe


def subscribe(email, languages, language):
    """Hand the post to the background job that stores it and mails the confirmation link.

    The request itself neither reads nor writes the address's row, so it does the same
    work, in the same time, whether the address is known or not, and the reader sees the
    same answer: the form tells nobody whether an address is on the list. What was asked
    for travels in the signed link and applies only when the address's owner confirms.
    """
    version = settings.NEWSLETTER_CONSENT_VERSION
    moment = timezone.now().timestamp()
    transaction.on_commit(
        lambda: record_subscription.delay(email, list(languages), language, version, moment)
    )


def confirmation(token, subscribers=Subscriber.objects):
    """The subscriber and what their confirmation link asks for; BadLink or ExpiredLink."""
    asked = read_confirmation(token)
    subscriber = subscribers.filter(key=asked.key).first()
    if subscriber is None:
        raise BadLink
    if subscriber.unsubscribed_since(asked.last_event):
        raise ExpiredLink  # an unsubscribe after the link was made outranks it
    return subscriber, asked


@transaction.atomic
def confirm(token):
    # The row stays locked until the confirmation is stored: an unsubscribe waits for it,
    # or is seen by it.
    subscriber, asked = confirmation(token, Subscriber.objects.select_for_update())
    subscriber.confirm(asked.languages, asked.consent_version, asked.consented_at)
    return subscriber


def unsubscribe(token):
    """Stop every digest to the link's subscriber; a deleted subscriber needs nothing."""
    key = read_unsubscribe(token)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is not None:
        subscriber.unsubscribe()
    return subscriber
