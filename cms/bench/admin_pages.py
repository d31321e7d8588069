"""The admin pages of the translator's journey that `make bench` counts (issue #18).

A translator of Russian opens their desk (the dashboard) and, from it, the translation
editor of the newest English article's Russian draft. Synthetic articles are bulk-inserted
with no translations, so the draft is made here the first time, as the desk's "start"
button makes one; the translator is the Russian group's first member (the demo's), or a
user made for the bench when it has none. Both are kept for the next run.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from articles.models import ArticlePage
from cms.localization.roles import setup_translator_groups

from .pages import newest

TRANSLATOR_LANGUAGE = "ru"
BENCH_TRANSLATOR = f"bench-translator-{TRANSLATOR_LANGUAGE}"


def bench_translator():
    """An active member of the Russian translators' group (the newsroom's own roles)."""
    group = setup_translator_groups()[TRANSLATOR_LANGUAGE]
    member = group.user_set.filter(is_active=True).order_by("pk").first()
    if member is not None:
        return member
    # No password: the bench logs in with force_login.
    user = get_user_model().objects.create_user(BENCH_TRANSLATOR)
    user.groups.add(group)
    return user


def synced_translation(source, locale):
    """The page translating `source` into `locale` that the translation editor edits."""
    synced = Translation.objects.filter(
        source__object_id=source.translation_key, target_locale=locale, enabled=True
    )
    if not synced.exists():
        TranslationCreator(None, [locale]).create_translations(source)
    return source.get_translation(locale)


def translator_addresses():
    """{name: path} of the translator's admin pages, in the order a translator opens them."""
    locale = Locale.objects.filter(language_code=TRANSLATOR_LANGUAGE).first()
    if locale is None:
        raise LookupError(f"The bench database has no locale {TRANSLATOR_LANGUAGE}.")
    draft = synced_translation(newest(ArticlePage), locale)
    return {
        "translator's desk": reverse("wagtailadmin_home"),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[draft.pk]),
    }
