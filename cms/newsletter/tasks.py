"""Newsletter jobs: confirmation emails and the weekly digest, retried with backoff."""

from datetime import UTC, datetime

from celery import shared_task

from .digest import previous_week
from .emails import confirmation_email
from .models import Subscriber
from .sending import deliver_batch, digest_batches

# Mail servers fail with OSError (smtplib.SMTPException is one); a retry sends only what
# is not yet claimed, so retrying is safe.
RETRY = {
    "autoretry_for": (OSError,),
    "retry_backoff": 60,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(name="newsletter.send_confirmation", **RETRY)
def send_confirmation(subscriber_id, languages, language, consent_version, consented_at):
    """Mail the double opt-in link to a new (or returning) subscriber."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return False
    moment = datetime.fromtimestamp(consented_at, tz=UTC)
    confirmation_email(subscriber, languages, language, consent_version, moment).send()
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
