"""How far each locale's translation of the live English site has got."""

from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Locale, Page

TRANSLATED, OUT_OF_DATE, MISSING = "translated", "out_of_date", "missing"


@dataclass
class LocaleStatus:
    locale: Locale
    translated: list = field(default_factory=list)
    out_of_date: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.translated) + len(self.out_of_date) + len(self.missing)

    @property
    def percent_translated(self):
        return round(100 * len(self.translated) / self.total) if self.total else 100

    def pages(self, state):
        return getattr(self, state)


@dataclass
class PageStatus:
    source: Page
    translation: Page | None


def translation_status(locale_ids=None):
    """Per target locale (those of `locale_ids` if given), each live source page as
    translated, out of date or missing.

    A translation is out of date when its source was published after it last was; a
    page with no live translation (absent, or a draft in progress) is missing.
    """
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    locales = Locale.objects.exclude(pk=source_locale.pk).order_by("language_code")
    if locale_ids is not None:
        locales = locales.filter(pk__in=locale_ids)
    locales = list(locales)
    sources = list(
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1)
        .only("id", "title", "translation_key", "last_published_at", "url_path", "locale_id")
        .order_by("path")
    )
    keys = [page.translation_key for page in sources]
    translations = {}
    for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
        "id", "title", "translation_key", "locale_id", "live", "last_published_at"
    ):
        translations[(page.translation_key, page.locale_id)] = page
    statuses = []
    for locale in locales:
        status = LocaleStatus(locale)
        for source in sources:
            translation = translations.get((source.translation_key, locale.pk))
            state = _state(source, translation)
            status.pages(state).append(PageStatus(source, translation))
        statuses.append(status)
    return statuses


def _state(source, translation):
    if translation is None or not translation.live:
        return MISSING
    if (
        source.last_published_at
        and translation.last_published_at
        and source.last_published_at > translation.last_published_at
    ):
        return OUT_OF_DATE
    return TRANSLATED
