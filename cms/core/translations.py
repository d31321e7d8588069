"""Where a page lives in the other locales, for the language switcher and hreflang."""

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page


def _home_pages():
    from home.models import HomePage

    return {
        home.locale_id: home
        for home in HomePage.objects.live().only("id", "url_path", "locale_id")
    }


def page_in_each_locale(page=None, request=None):
    """One link per configured language: the page's live translation, else that locale's home."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale_id: p
            for p in Page.objects.live().filter(translation_key=page.translation_key)
        }
    homes = _home_pages()
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
                "url": target.get_url(request),
                "is_translation": locale.pk in translations,
            }
        )
    return links
