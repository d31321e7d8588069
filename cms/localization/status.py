"""How far each locale's translation of the live English site has got.

Counted by the database, a few queries whatever the archive's size: the report and the
editors' dashboard read counts, and a locale's list is read one page of rows at a time.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from wagtail.models import Locale, Page

TRANSLATED, OUT_OF_DATE, MISSING = "translated", "out_of_date", "missing"
STATES = (TRANSLATED, OUT_OF_DATE, MISSING)


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


# Sections and stories: the home pages are left out, as each language curates its own front
# page (home/front_page.py); the English one republished with new picks asks nothing of the
# others' translators.
MEASURED_FROM_DEPTH = 3


def source_pages(locale_id):
    """The live English pages a translation is measured against (sections and stories)."""
    return Page.objects.live().filter(locale_id=locale_id, depth__gte=MEASURED_FROM_DEPTH)


@dataclass
class LocaleStatus:
    locale: Locale
    source_locale_id: int
    translated: int = 0
    out_of_date: int = 0
    missing: int = 0

    @property
    def total(self):
        return self.translated + self.out_of_date + self.missing

    @property
    def percent_translated(self):
        return round(100 * self.translated / self.total) if self.total else 100

    def count(self, state):
        return getattr(self, state)

    def pages(self, state):
        """The English pages in `state` for this locale, in tree order, each with the
        published date of its live translation (`translation_published`, None if none)."""
        sources = source_pages(self.source_locale_id)
        live_translation = Page.objects.live().filter(
            locale_id=self.locale.pk, translation_key=OuterRef("translation_key")
        )
        sources = sources.annotate(
            translated_live=Exists(live_translation),
            translation_published=Subquery(live_translation.values("last_published_at")[:1]),
        )
        lagging = Q(last_published_at__gt=F("translation_published"))
        if state == MISSING:
            sources = sources.filter(translated_live=False)
        elif state == OUT_OF_DATE:
            sources = sources.filter(lagging, translated_live=True)
        else:
            # A missing date on either side counts as up to date, as in the counts.
            sources = sources.filter(translated_live=True).exclude(
                lagging, last_published_at__isnull=False, translation_published__isnull=False
            )
        return sources.only("id", "title", "translation_key", "url_path", "locale_id").order_by(
            "path"
        )


def translation_status(locale_ids=None):
    """Per target locale (those of `locale_ids` if given), how many live English pages are
    translated, out of date or missing there.

    A translation is out of date when its source was published after it last was; a
    page with no live translation (absent, or a draft in progress) is missing.
    """
    english = source_locale()
    locales = Locale.objects.exclude(pk=english.pk).order_by("language_code")
    if locale_ids is not None:
        locales = locales.filter(pk__in=locale_ids)
    locales = list(locales)
    sources = source_pages(english.pk)
    total = sources.count()
    source_published = sources.filter(translation_key=OuterRef("translation_key")).values(
        "last_published_at"
    )[:1]
    # One row per locale: its live translations of live English pages, and how many of
    # them were last published before their English page was.
    counts = {
        row["locale_id"]: row
        for row in Page.objects.live()
        .filter(
            locale__in=locales,
            depth__gte=MEASURED_FROM_DEPTH,
            translation_key__in=sources.values("translation_key"),
        )
        .annotate(source_published=Subquery(source_published))
        .values("locale_id")
        .annotate(
            live=Count("pk"),
            lagging=Count("pk", filter=Q(source_published__gt=F("last_published_at"))),
        )
        .order_by()
    }
    statuses = []
    for locale in locales:
        row = counts.get(locale.pk, {"live": 0, "lagging": 0})
        statuses.append(
            LocaleStatus(
                locale,
                english.pk,
                translated=row["live"] - row["lagging"],
                out_of_date=row["lagging"],
                missing=total - row["live"],
            )
        )
    return statuses


def translations_of(sources, locale):
    """{translation_key: the page in `locale`} for one page of the report's rows."""
    keys = [source.translation_key for source in sources]
    pages = Page.objects.filter(locale=locale, translation_key__in=keys).only(
        "id", "title", "translation_key", "locale_id", "live", "last_published_at"
    )
    return {page.translation_key: page for page in pages}
