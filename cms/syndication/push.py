"""Push: new and updated stories POSTed, signed, to partners' endpoints; every attempt logged.

A delivery stores the bytes it sends, so every retry sends the same document, signed with
the time of the attempt; a resend builds a new delivery from the story as it is now. An
attempt is claimed by moving `next_attempt_at` forward first, so two workers never send the
same attempt. Requests go through the outbound guard, which refuses internal addresses;
the log keeps the status code and our own account of a failure, never the partner's reply.
"""

from datetime import timedelta
from http import HTTPStatus

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from cms.core import outbound
from cms.core.encryption import UnreadableSecret
from cms.distribution.items import items_for_pages

from .formatters import get_formatter
from .models import Delivery, DeliveryAttempt, PartnerAccount
from .selection import Selection

MAX_ATTEMPTS = 6
# Waits of 1, 2, 4, 8 and 16 minutes between attempts; retries run from the beat job
# that looks for due deliveries every minute.
FIRST_RETRY_AFTER = timedelta(minutes=1)
TIMEOUT_SECONDS = 10
# Long enough for one POST to time out; a worker that died mid-attempt frees it after.
CLAIM_FOR = timedelta(seconds=TIMEOUT_SECONDS * 3)
# A partner's 4xx says the request itself is refused: sending it again will not help,
# except for these, which ask to come back later.
RETRYABLE_CLIENT_ERRORS = {408, 425, 429}
USER_AGENT = "NetworkNews-Syndication/1"


def site_root_url(page):
    site = page.get_site()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def new_delivery(account, page):
    """A pending delivery of the story as it is now, or None if it is no longer live."""
    found = items_for_pages([page], base_url=site_root_url(page))
    if not found:
        return None
    item = found[0]
    formatter = get_formatter(account.push_format)
    return Delivery.objects.create(
        account=account,
        page=page,
        guid=item.guid,
        version=item.version,
        media_type=formatter.media_type,
        payload=formatter.render_item(item).decode(),
        next_attempt_at=timezone.now(),
    )


def deliveries_for_story(page_id):
    """Create a delivery of the story for each pushed-to partner whose products hold it."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    accounts = PartnerAccount.objects.filter(is_active=True).exclude(endpoint_url="")
    deliveries = []
    for account in accounts:
        if Selection(account).receives(page):
            delivery = new_delivery(account, page)
            if delivery is not None:
                deliveries.append(delivery)
    return deliveries


def claim(delivery_id):
    now = timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_FOR)
    if not claimed:
        return None
    return Delivery.objects.select_related("account").get(pk=delivery_id)


def signed_headers(delivery, body):
    """The push's headers; the signature covers the time, the delivery id and the body."""
    timestamp = str(int(timezone.now().timestamp()))
    signature = delivery.account.sign(body, timestamp=timestamp, delivery_id=delivery.delivery_id)
    return {
        "Content-Type": f"{delivery.media_type}; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-Newsroom-Delivery": str(delivery.delivery_id),
        "X-Newsroom-Item": delivery.guid,
        "X-Newsroom-Version": str(delivery.version),
        "X-Newsroom-Timestamp": timestamp,
        "X-Newsroom-Signature": signature,
    }


def status_line(status_code):
    try:
        return f"HTTP {status_code} {HTTPStatus(status_code).phrase}"
    except ValueError:
        return f"HTTP {status_code}"


def post(delivery):
    """POST the delivery once, redirects not followed; returns (status code or None, error
    text or ""). The partner's reply is never read."""
    body = delivery.payload.encode()
    try:
        headers = signed_headers(delivery, body)
        with outbound.send(
            "POST",
            delivery.account.endpoint_url,
            body=body,
            headers=headers,
            timeout=TIMEOUT_SECONDS,
        ) as reply:
            status_code = reply.status
    except (outbound.OutboundError, UnreadableSecret) as error:
        return None, f"{type(error).__name__}: {error}"
    if 200 <= status_code < 300:
        return status_code, ""
    return status_code, status_line(status_code)


def attempt(delivery_id):
    """Send a due delivery once, log the attempt, and schedule the next one if it failed."""
    delivery = claim(delivery_id)
    if delivery is None:
        return None  # delivered, given up, not yet due, or another worker has it
    status_code, error = post(delivery)
    succeeded = not error
    now = timezone.now()
    DeliveryAttempt.objects.create(
        delivery=delivery,
        number=delivery.attempts,
        attempted_at=now,
        status_code=status_code,
        error=error,
        succeeded=succeeded,
    )
    permanent = status_code is not None and 400 <= status_code < 500
    permanent = permanent and status_code not in RETRYABLE_CLIENT_ERRORS
    if succeeded:
        delivery.status, delivery.next_attempt_at = Delivery.Status.DELIVERED, None
    elif permanent or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Delivery.Status.FAILED, None
    else:
        delivery.next_attempt_at = now + FIRST_RETRY_AFTER * 2 ** (delivery.attempts - 1)
    delivery.save(update_fields=["status", "next_attempt_at"])
    return delivery


def due_deliveries():
    """Ids of pending deliveries whose next attempt is due."""
    due = Delivery.objects.filter(
        status=Delivery.Status.PENDING, next_attempt_at__lte=timezone.now()
    )
    return list(due.order_by("next_attempt_at").values_list("pk", flat=True))


def resend(delivery):
    """Deliver the delivery's story again, as it is now; None if it is no longer live."""
    if delivery.page is None:
        return None
    return new_delivery(delivery.account, delivery.page)
