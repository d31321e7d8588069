"""Translate the demo through wagtail-localize, the way a translator's work is stored.

Each English object gets a TranslationSource and a Translation per locale; the demo's
translated strings are saved as manual StringTranslations segment by segment, then the
target is saved from them. The result stays linked to its source and can be synced.
"""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, locale, strings, publish=True):
    """Create or refresh the translation of `instance` into `locale`.

    `strings` maps each English segment text to its translation; segments missing from it
    keep the English text (slugs, for instance). Returns the translated instance.
    """
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if not text:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation.save_target(publish=publish)
    return instance.get_translation(locale)
