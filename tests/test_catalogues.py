"""The public site's gettext catalogues are complete and their compiled files current."""

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
TRANSLATED = ["ru", "pt", "zh_Hans", "hi", "ar", "fa", "am"]


def catalogue(language):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


def msgstrs(message):
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    problems = [
        message.id
        for message in catalogue(language)
        if message.id and (message.fuzzy or not all(msgstrs(message)))
    ]
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for message in catalogue(language):
        if not message.id or message.pluralizable:
            continue
        key = message.id if not message.context else f"{message.context}\x04{message.id}"
        if compiled._catalog.get(key) != message.string:
            stale.append(message.id)
    assert stale == [], "run `make messages` to recompile"
