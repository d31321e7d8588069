"""What every reader's page asks and editors rarely change, kept in the Django cache.

The site, the locales, each locale's home page and menu, a page's translations, whether any
page is private: read from the cache they take a story from ~25 queries to ~10. Every key
carries a generation number; `forget()` moves to the next one, so all facts are rebuilt.
The purge path (purge.py) calls it whenever a page is saved, published, unpublished, moved
or deleted, and when a Site, Locale or view restriction changes.
"""

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale, Page, PageViewRestriction, Site

GENERATION = "reader-facts:generation"
TIMEOUT = 60 * 60  # a safety net: every change that matters calls forget()


def forget():
    try:
        cache.incr(GENERATION)
    except ValueError:  # not set yet, or evicted
        cache.set(GENERATION, 1, timeout=None)


def _remembered(name, build):
    generation = cache.get_or_set(GENERATION, 1, timeout=None)
    key = f"reader-facts:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def locales():
    """{language_code: Locale} of every configured locale."""
    return _remembered("locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()})


def home_pages():
    """{locale_id: HomePage} of the live home pages."""
    from home.models import HomePage

    return _remembered(
        "homes", lambda: {home.locale_id: home for home in HomePage.objects.live().order_by("pk")}
    )


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
            home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth")
        ),
    )


def translations_of(page):
    """{locale_id: page} of the page's live translations, itself included."""
    return _remembered(
        f"translations:{page.translation_key}",
        lambda: {
            p.locale_id: p
            for p in Page.objects.live()
            .filter(translation_key=page.translation_key)
            .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
        },
    )


def site_for_request(request):
    """Wagtail's Site for the request's host, remembered per host and port."""

    def find():
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - fetched now so the cached copy carries it
        return site or False

    return _remembered(f"site:{request.get_host()}:{request.get_port()}", find) or None


def any_page_restricted():
    return _remembered("restricted", lambda: int(PageViewRestriction.objects.exists())) == 1


class ViewRestrictionsMixin:
    """Skips Wagtail's two restriction queries per request while no page is private."""

    def get_view_restrictions(self):
        if not any_page_restricted():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
