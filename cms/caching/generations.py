"""A key space that misses everywhere at once: its keys carry a number, moved to forget.

The reader facts, each locale's kept pages and the widgets' fragments are each such a
space. Nothing is deleted: the old keys are never read again and expire.
"""

import time

from django.core.cache import cache


class Generation:
    def __init__(self, key):
        self.key = key

    def current(self):
        return cache.get_or_set(self.key, _fresh, timeout=None)

    def move_on(self):
        """Every key built from the current number misses from now on."""
        try:
            cache.incr(self.key)
        except ValueError:  # not set yet, or evicted
            cache.set(self.key, _fresh(), timeout=None)


def _fresh():
    # A number evicted from the cache must not start again at one whose keys may still be
    # kept: the clock's milliseconds never come back.
    return int(time.time() * 1000)
