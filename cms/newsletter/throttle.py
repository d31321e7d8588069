"""Limits counted in Django's cache: subscribe posts per client address, and confirmation
emails per address."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from cms.core.client_address import client_address

DAY = 24 * 3600


def digest(value):
    """Cache keys hold no address, of a client or of a mailbox, in the clear."""
    return hashlib.sha256(value.encode()).hexdigest()


def count(key, window):
    """Count one in a fixed window from the first: add() starts it, incr() counts in it."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=window)
        return 1


def over_limit(request):
    """Count one attempt from the request's address; True past the allowed number."""
    limit, window = settings.NEWSLETTER_SUBSCRIBE_LIMIT
    return count(f"newsletter:subscribe:{digest(client_address(request))}", window) > limit


def may_mail_confirmation(email):
    """True for one confirmation email per address and interval, up to the daily number.

    Like the subscribe limit, it lets mail through while the cache is down (cms/core/cache.py)
    rather than leave readers without their link.
    """
    key = f"newsletter:confirmation-mail:{digest(email)}"
    if count(f"{key}:interval", settings.NEWSLETTER_CONFIRMATION_MAIL_INTERVAL) > 1:
        return False
    return count(f"{key}:day", DAY) <= settings.NEWSLETTER_CONFIRMATION_MAILS_PER_DAY
