"""What every reader's page asks and editors rarely change, kept in the Django cache.

The site, the locales, each locale's home page and menu, a page's translations: read from
the cache they take a story from ~25 queries to ~10. How many
stories a listing holds, so that its page links need no COUNT over the archive, and the
ids on each page of it that readers asked for. Which pages an address names
(routing.py), which stories are related to a story (cms/core/related.py), story cards
and other reader HTML (reader_cache_tags.py in cms/core/templatetags) are kept under the
same generation. Every key
carries a generation number; `forget()` moves to the next one, so all facts are rebuilt.
Which pages are private is not a fact kept here: it is read once per request
(cms/privacy.py) and is part of the generation.
The purge path (cms/core/purge.py) calls it whenever a page is saved, published, unpublished, moved
or deleted, when a Site, Locale or view restriction changes, when a category or country
is saved or deleted (cards show their names) and when an image or its renditions change.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from wagtail.models import Locale, Page, Site

from cms import privacy

from .generations import Generation

GENERATION = Generation("reader-facts:generation")
TIMEOUT = 60 * 60  # a safety net: every change that matters calls forget()


# The generation and the facts a request has read: a page asks for some twenty facts and
# fragments, several of them more than once, and each read is a round trip to Redis.
_request_memo = ContextVar("reader_facts_request_memo", default=None)


def forget():
    GENERATION.move_on()
    if (memo := _request_memo.get()) is not None:
        memo.clear()  # the request that changed something reads what it changed
    privacy.forget_for_request()


def generation():
    """What every key of a fact, or of HTML built from facts, carries: the number, and the
    private sections of the moment read from the database (cms/privacy.py), so that
    nothing kept while a page was public is shown once it is private, in any process."""
    memo = _request_memo.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    number = GENERATION.current()
    private = privacy.digest()
    value = f"{number}-{private}" if private else number
    if memo is not None:
        memo["generation"] = value
    return value


@contextmanager
def one_generation_per_request():
    """Within the block, the generation, each fact and the private sections are read once
    (the routing middleware wraps each request in it)."""
    token = _request_memo.set({})
    try:
        with privacy.read_once_per_request():
            yield
    finally:
        _request_memo.reset(token)


def key_for(name):
    """The fact's key in this generation: read and write it with the same key."""
    return f"reader-facts:{generation()}:{name}"


def _remembered(name, build):
    key = key_for(name)
    memo = _request_memo.get()
    if memo is not None and key in memo:
        return memo[key]  # the switcher, the menu and the routing ask for the same facts
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    if memo is not None:
        memo[key] = value
    return value


def locales():
    """{language_code: Locale} of every configured locale."""
    return _remembered("locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()})


def home_page_model():
    """The page class of each locale's home page (settings.NEWSROOM_HOME_PAGE_MODEL), named
    in the settings as Django names its user model: this layer sits below the content apps."""
    return apps.get_model(settings.NEWSROOM_HOME_PAGE_MODEL, require_ready=False)


def home_pages():
    """{locale_id: HomePage} of the live home pages, with what their class joins in for
    reading (`reader_queryset`, as routing.py reads other pages)."""
    model = home_page_model()
    homes = model.objects.live().order_by("pk")
    if hasattr(model, "reader_queryset"):
        homes = model.reader_queryset(homes)
    return _remembered("homes", lambda: {home.locale_id: home for home in homes})


def home_for_language(language_code):
    """That locale's home page; the default language's for a language without a locale."""
    known = locales()
    locale = known.get(language_code) or known.get(settings.LANGUAGE_CODE)
    return home_pages().get(locale.pk) if locale else None


def menu_sections(home):
    """The live sections under a home page that editors put in menus, in tree order."""
    return _remembered(
        f"menu:{home.pk}",
        lambda: list(
            privacy.public(home.get_children().live().in_menu()).only(
                "id", "title", "url_path", "path", "depth"
            )
        ),
    )


TRANSLATION_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")


def translations_of(page):
    """{locale_id: page} of the page's live public translations, itself included."""
    return _remembered(
        f"translations:{page.translation_key}",
        lambda: _translations(
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .only(*TRANSLATION_FIELDS)
            .order_by("path")
        ),
    )


def remember_translations(page, candidates):
    """Keeps what translations_of(page) gives, from pages read with the fields it reads
    (routing finds them in the query that finds the page)."""
    live = sorted((p for p in candidates if p.live), key=lambda p: p.path)
    _remembered(f"translations:{page.translation_key}", lambda: _translations(live))


def _translations(pages):
    return {p.locale_id: p for p in pages if not privacy.is_private(p)}


def site_for_request(request):
    """Wagtail's Site for the request's host, remembered per host and port."""

    def find():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - fetched now so the cached copy carries it
        return site or False

    return _remembered(f"site:{request.get_host()}:{request.get_port()}", find) or None


def _query_key(queryset):
    """A digest of the query's SQL with its parameters, or None for one that matches nothing
    (a filter such as `pk__in=[]`)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.sha256(f"{queryset.db}\n{sql}\n{params!r}".encode()).hexdigest()[:32]


def listing_count(listing):
    """How many rows a listing holds: every filter and its values are part of the key."""
    key = _query_key(listing)
    return 0 if key is None else _remembered(f"count:{key}", listing.count)


def listing_ids(ids):
    """The ids of one page of a listing (a sliced `values_list` query), as a list: a deep
    page's OFFSET is walked once per generation, not on every request."""
    key = _query_key(ids)
    return [] if key is None else _remembered(f"ids:{key}", lambda: list(ids))
