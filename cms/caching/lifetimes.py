"""How long a reader's page may be kept, when it changes by itself at a known time.

A front page's pick or banner runs out with nothing published to purge it: the page says
when (`keep_until`), and the page cache and the CDN (page_cache.py) keep it no longer.
Apart from page_cache.py so that page models can say it without importing Wagtail's views.
"""

import math

from django.utils import timezone


def keep_until(response, moment):
    """The answer changes by itself at `moment` (None: only when something is published)."""
    response.changes_at = moment


def seconds_kept(response, longest):
    """How long the answer may be kept: `longest`, or less when it changes sooner."""
    moment = getattr(response, "changes_at", None)
    if moment is None:
        return longest
    return max(0, min(longest, math.ceil((moment - timezone.now()).total_seconds())))
