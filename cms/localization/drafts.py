"""Keep every locale's tree in step with the English one, as drafts for translators.

wagtail-localize's own synchronised trees create live aliases that show English copy on
the other languages' sites; a newsroom wants an unpublished draft that a translator
completes and publishes instead.

The drafts appear when the English page is first submitted for review or published, not
when it is created: autosave creates a page at its first keystrokes, and a story nobody
submits should leave nothing behind in seven languages. From then on they follow their
source: every save of the English page updates what the translation editor offers
(wagtail-localize's translation source), keeping the segments already translated, and
re-drafts the translations nobody has published yet, so a draft never shows an English
that is no longer there. A published translation is left as its translator published it:
the status report and the editor show it out of date until they update it.
"""

import json

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator


def other_locales(page):
    return list(Locale.objects.exclude(pk=page.locale_id))


def is_source(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def create_translation_drafts(page, user=None):
    """A linked draft translation of the page in every locale that lacks one."""
    if not is_source(page):
        return []
    existing = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    missing = [locale for locale in other_locales(page) if locale.pk not in existing]
    if missing:
        # The latest revision, not the page's row: a page never published keeps in its row
        # what it held when it was created (its first autosave), its changes in revisions.
        TranslationSource.update_or_create_from_instance(latest_revision(page))
        TranslationCreator(user, missing).create_translations(page.specific)
    return missing


def latest_revision(page):
    return page.specific.get_latest_revision_as_object()


def follow_source(page, user=None):
    """Bring the page's latest revision into its translations: what the translation editor
    offers, and the drafts nobody has published. Returns the translations re-drafted."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if not is_source(page) or source is None:
        return []  # no drafts yet: the page was never submitted nor published
    before = json.loads(source.content_json)
    source, _created = TranslationSource.update_or_create_from_instance(latest_revision(page))
    if json.loads(source.content_json) == before:
        return []
    redrafted = []
    for translation in Translation.objects.filter(source=source, enabled=True):
        target = _target(translation)
        # A live translation is its translator's; one in review is what they submitted.
        if target is None or target.live or target.workflow_in_progress:
            continue
        translation.save_target(user=user, publish=False)
        redrafted.append(translation)
    return redrafted


def _target(translation):
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:  # deleted in that language
        return None


def remove_untouched_translations(page):
    """Before an English page that never went live is deleted: its translations that no
    translator has touched (never published, no segment translated) go with it."""
    if not is_source(page) or page.first_published_at is not None:
        return []
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return []
    removed = []
    for translation in Translation.objects.filter(source=source):
        target = _target(translation)
        if target is None or target.first_published_at is not None:
            continue
        if translation.get_progress()[1] == 0:
            removed.append(target.pk)
            target.delete()
    return removed


def move_translations(page, user=None):
    """After a source page moved, move each translation under its new parent's translation."""
    if not is_source(page):
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
