"""Keep every locale's tree in step with the English one, as drafts for translators.

wagtail-localize's own synchronised trees create live aliases that show English copy on
the other languages' sites; a newsroom wants an unpublished draft that a translator
completes and publishes instead.
"""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator


def other_locales(page):
    return list(Locale.objects.exclude(pk=page.locale_id))


def create_translation_drafts(page, user=None):
    """A linked draft translation of the page in every locale that lacks one."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return []
    existing = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    missing = [locale for locale in other_locales(page) if locale.pk not in existing]
    if missing:
        TranslationCreator(user, missing).create_translations(page.specific)
    return missing


def move_translations(page, user=None):
    """After a source page moved, move each translation under its new parent's translation."""
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return
    parent = page.get_parent()
    for translation in page.get_translations().select_related("locale"):
        target_parent = parent.get_translation_or_none(translation.locale)
        if target_parent is None:
            # The new parent has no translation yet: make its drafts first.
            create_translation_drafts(parent.specific, user)
            target_parent = parent.get_translation_or_none(translation.locale)
        if target_parent is not None and translation.get_parent().pk != target_parent.pk:
            translation.move(target_parent, pos="last-child", user=user)
