"""A limit on subscribe attempts per client address, counted in Django's cache."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from cms.core.client_address import client_address


def over_limit(request):
    """Count one attempt from the request's address; True past the allowed number."""
    limit, window = settings.NEWSLETTER_SUBSCRIBE_LIMIT
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()
    key = f"newsletter:subscribe:{digest}"
    # A fixed window from the first attempt: add() starts it, incr() counts in it.
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts > limit
