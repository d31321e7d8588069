"""Newsletter jobs: confirmation emails and the weekly digest, retried with backoff."""

from datetime import UTC, datetime

from celery import shared_task
from django.db import transaction

from .digest import previous_week
from .emails import confirmation_email
from .models import Subscriber
from .sending import deliver_batch, digest_batches
from .throttle import may_mail_confirmation

# Mail servers fail with OSError (smtplib.SMTPException is one); a retry sends only what
# is not yet claimed, so retrying is safe.
RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": 60,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(name="newsletter.record_subscription")
def record_subscription(email, languages, language, consent_version, consented_at):
    """Store a subscribe post and mail its confirmation link, within the per-address limits.

    Here rather than in the request, so that the answer to the form costs the same whether
    the address is known or not. Idempotent: a known address is left as it is.
    """
    moment = datetime.fromtimestamp(consented_at, tz=UTC)
    with transaction.atomic():
        subscriber = Subscriber.sign_up(email, languages, language, consent_version, moment)
        last_event = subscriber.last_event_id()
    if not may_mail_confirmation(email):
        return False
    transaction.on_commit(
        lambda: send_confirmation.delay(
            subscriber.pk, languages, language, consent_version, consented_at, last_event
        )
    )
    return True


@shared_task(name="newsletter.send_confirmation", **RETRY)
def send_confirmation(
    subscriber_id, languages, language, consent_version, consented_at, last_event
):
    """Mail the double opt-in link to a new (or returning) subscriber."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    moment = datetime.fromtimestamp(consented_at, tz=UTC)
    email = confirmation_email(
        subscriber, languages, language, consent_version, moment, last_event
    )
    email.send()
    return True


@shared_task(name="newsletter.send_weekly_digest")
def send_weekly_digest(week=None):
    """Queue the digest of an ISO week (default: the last complete one) in batches."""
    week = week or previous_week()
    batches = 0
    for language, subscriber_ids in digest_batches(week):
        send_digest_batch.delay(week, language, subscriber_ids)
        batches += 1
    return batches


@shared_task(name="newsletter.send_digest_batch", **RETRY)
def send_digest_batch(week, language, subscriber_ids):
    """Send one batch of a week's digest. Idempotent: claimed deliveries are skipped."""
    return deliver_batch(week, language, subscriber_ids)
