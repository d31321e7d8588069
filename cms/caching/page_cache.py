"""Whole reader pages for anonymous readers, kept in the Django cache, one key space per locale.

Only Wagtail pages, and the views marked with `kept_for_readers` (a locale's feeds and
news sitemap), answered 200 to a GET or HEAD from a reader without a session are kept,
and only when the answer set no cookie, used no CSRF token and no CSP nonce.
Query strings are part of the key when they only hold the listing parameters below;
any other parameter (a search, a tracking tag) is served fresh, so no reader can fill
the cache with variants. The key also carries the private sections of the moment
(cms/privacy.py, read from the database each request), so a page made private in another
process is never served from here. One entry holds the answers for each scheme and host
the site answers to (its canonical address and links are absolute), so dropping an address
drops them all. Purging (cms/core/purge.py) moves a locale to a new generation, or drops single
addresses. A page that changes at a known time with nothing published to purge it (a front
page's pick or banner running out) says when (lifetimes.py): it is kept, here and at the
CDN, no longer than that.
"""

from functools import cache as cache_for_process

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from wagtail.views import serve

from cms import privacy

from .generations import Generation
from .lifetimes import keep_until, seconds_kept

HEADER = "X-Page-Cache"
# Schemes and hosts kept per address: ALLOWED_HOSTS bounds them; this bounds the entry.
MAX_ORIGINS = 4


def languages():
    return [code for code, _name in settings.LANGUAGES]


def generation(language):
    return Generation(f"page-cache:{language}:generation")


def next_generation(language):
    """Every page of the locale misses from now on; the old entries expire unread."""
    generation(language).move_on()


def cache_key(language, path, query=""):
    private = privacy.digest()
    # "v2": entries hold the moment their page changes (kept before, they did not).
    return f"page-cache:v2:{language}:{generation(language).current()}:{private}:{path}?{query}"


def origin_of(request):
    """What an answer's absolute addresses are built from: the scheme and the host."""
    return f"{request.scheme}://{request.get_host()}"


def forget_address(language, path):
    cache.delete(cache_key(language, path))


def language_of(path):
    prefix = path.split("/", 2)[1] if path.count("/") >= 2 else ""
    return prefix if prefix in languages() else None


@cache_for_process
def listing_parameters():
    """The query parameters some page reads to list its stories (a page number, a section's
    filters): each page class declares its own in `listing_parameters`."""
    return frozenset(
        name for model in apps.get_models() for name in getattr(model, "listing_parameters", ())
    )


def listing_query(request):
    """The query string in a stable order, or None when it holds anything else."""
    if not set(request.GET) <= listing_parameters():
        return None
    return urlencode(sorted(request.GET.items()))


def may_be_served_from_cache(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        # Editors and subscribers carry a session: their pages may differ from a reader's.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and language_of(request.path) is not None
        and listing_query(request) is not None
    )


def kept_for_readers(view):
    """Marks a view outside Wagtail's page tree whose answer depends only on its address and
    on the locale's pages (purged with them): feeds and the news sitemap."""
    view.kept_for_readers = True
    return view


def view_of(request):
    match = getattr(request, "resolver_match", None)
    return match.func if match is not None else None


def may_be_kept(request, response):
    view = view_of(request)
    cache_control = response.get("Cache-Control", "")
    return (
        (view is serve or getattr(view, "kept_for_readers", False))
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not isinstance(getattr(request, "_csp_nonce", None), str)
        and "private" not in cache_control
        and "no-cache" not in cache_control
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_served_from_cache(request):
            return self.get_response(request)
        key = cache_key(language_of(request.path), request.path, listing_query(request))
        origin = origin_of(request)
        kept = cache.get(key) or {}
        if origin in kept:
            status, headers, content, changes_at = kept[origin]
            response = HttpResponse(content, status=status, headers=headers)
            if changes_at is not None and "s-maxage" in response.get("Cache-Control", ""):
                # Counted from now: the CDN must not keep it past that moment either.
                keep_until(response, changes_at)
                s_maxage = seconds_kept(response, settings.FRONTEND_CACHE_SECONDS)
                patch_cache_control(response, s_maxage=s_maxage)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        timeout = seconds_kept(response, settings.PAGE_CACHE_SECONDS)
        if may_be_kept(request, response) and timeout > 0:
            if settings.WAGTAILFRONTENDCACHE and view_of(request) is serve:
                # The CDN keeps it until purged; browsers ask again each time. Feeds are not
                # among the addresses purged (cms/core/purge.py): only this cache keeps them.
                s_maxage = seconds_kept(response, settings.FRONTEND_CACHE_SECONDS)
                patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage)
            headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
            if len(kept) >= MAX_ORIGINS:
                kept = {}
            changes_at = getattr(response, "changes_at", None)
            kept[origin] = (response.status_code, headers, response.content, changes_at)
            cache.set(key, kept, timeout)
            response[HEADER] = "miss"
        return response
