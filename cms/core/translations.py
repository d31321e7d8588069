"""Where a page lives in the other locales, for the language switcher and hreflang."""

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Page

from cms.caching import reader_facts


def page_in_each_locale(page=None, request=None, route=""):
    """One link per configured language: the page's live translation, else that locale's home.

    Remembered on the request: the switcher and the hreflang links ask for the same list.
    """
    key = (getattr(page, "pk", None) if isinstance(page, Page) else None, route)
    memo = getattr(request, "_newsroom_locale_links", None) if request is not None else None
    if memo is not None and key in memo:
        return memo[key]
    links = _links(page, request, route)
    if request is not None:
        if memo is None:
            memo = request._newsroom_locale_links = {}
        memo[key] = links
    return links


def _links(page, request, route):
    locales = reader_facts.locales()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = reader_facts.translations_of(page)
    homes = reader_facts.home_pages()
    links = []
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        if locale is None:
            continue
        target = translations.get(locale.pk) or homes.get(locale.pk)
        if target is None:
            continue
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                # A route of a routable page (a category listing) exists in every locale.
                "url": target.get_url(request) + (route if locale.pk in translations else ""),
                "is_translation": locale.pk in translations,
            }
        )
    return links
