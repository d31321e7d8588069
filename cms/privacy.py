"""Which pages are private, read from the database on every request that asks.

A page under a view restriction (a password, a login, a group) is shown to nobody else:
not by its own address, not as a card in a listing, a related story, a feed, the API or
search. Whether a page is private is an authorisation answer, so it is never taken from
a cache that another process (a second worker, a management command, the admin on
another server) could have left stale: one query per request reads every restricted
page's tree path, remembered for that request only. Every reader fact, fragment and
cached page is keyed by a digest of those paths (`digest()`), so a restriction added or
lifted anywhere makes them miss everywhere at the next request.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from wagtail.models import PageViewRestriction

_request_memo = ContextVar("restricted_paths_of_request", default=None)


@contextmanager
def read_once_per_request():
    """Within the block the restricted paths are read once (the routing middleware wraps
    each request in it); outside any request every call reads them afresh."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def restricted_paths():
    """The tree paths of the pages carrying a view restriction, sorted."""
    memo = _request_memo.get()
    if memo is not None and "paths" in memo:
        return memo["paths"]
    paths = tuple(sorted(PageViewRestriction.objects.values_list("page__path", flat=True)))
    if memo is not None:
        memo["paths"] = paths
    return paths


def forget_for_request():
    """The request that added or lifted a restriction reads the new set after it."""
    if (memo := _request_memo.get()) is not None:
        memo.clear()


def digest():
    """A short name of the current set of private sections ("" while there is none)."""
    paths = restricted_paths()
    if not paths:
        return ""
    return hashlib.sha256("\n".join(paths).encode()).hexdigest()[:12]


def is_private(page):
    """Whether the page, or a page above it, carries a view restriction."""
    return page.path.startswith(restricted_paths() or ("\0",))


def public(pages):
    """The pages outside private sections: Wagtail's `public()` with the paths this request
    has already read, so a listing costs no query of its own for them."""
    paths = restricted_paths()
    if not paths:
        return pages
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private)


class ViewRestrictionsMixin:
    """Wagtail's restriction check asks the database only for a page that is private."""

    def get_view_restrictions(self):
        if not (is_private(self) or (self.alias_of_id and restricted_paths())):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
