"""Dates, durations and numbers in the reader's locale, by CLDR rules (Babel)."""

import math
import re
import unicodedata
from datetime import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit
from django.utils import timezone
from django.utils.translation import get_language

# Characters of scripts written without spaces between words; each counts as part of a word.
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"\w+")
WORDS_PER_MINUTE = 200
UNSPACED_CHARS_PER_MINUTE = 400


def babel_locale(language=None):
    """Babel's name for a Django language code ('zh-hans' -> 'zh_Hans')."""
    return _parse_locale(language or get_language() or "en")


@lru_cache(maxsize=32)
def _parse_locale(language):
    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


# Unicode's name for the zero of each CLDR numbering system a configured locale may default
# to; Babel knows which system a locale uses but formats every system with Latin digits.
NUMBERING_SYSTEM_ZEROS = {
    "arab": "ARABIC-INDIC DIGIT ZERO",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO",
    "deva": "DEVANAGARI DIGIT ZERO",
    "ethi": None,  # Ethiopic numerals are not positional: keep Latin digits
}


@lru_cache(maxsize=16)
def _digit_map(locale):
    """Latin digits to the locale's own (CLDR default numbering system), e.g. ۰–۹ in Persian."""
    zero_name = NUMBERING_SYSTEM_ZEROS.get(locale.default_numbering_system)
    if not zero_name:
        return None
    zero = ord(unicodedata.lookup(zero_name))
    return str.maketrans({str(d): chr(zero + d) for d in range(10)})


def native_digits(text, locale):
    table = _digit_map(locale)
    return text.translate(table) if table else text


def format_published(value, language=None):
    """A story's date and time as the locale writes it briefly: '27.05.2024, 16:16' in ru."""
    if value is None:
        return ""
    locale = babel_locale(language)
    return native_digits(
        format_datetime(timezone.localtime(value), "short", locale=locale), locale
    )


def format_day(value, language=None):
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    locale = babel_locale(language)
    return native_digits(format_date(value, "long", locale=locale), locale)


def format_duration(seconds, language=None):
    """'14 min 2 sec' in English, '14 мин 2 с' in Russian; minutes or seconds alone when zero."""
    if seconds is None:
        return ""
    locale = babel_locale(language)
    minutes, rest = divmod(int(seconds), 60)
    parts = []
    if minutes:
        parts.append(format_unit(minutes, "duration-minute", length="short", locale=locale))
    if rest or not minutes:
        parts.append(format_unit(rest, "duration-second", length="short", locale=locale))
    return native_digits(_join_units(parts, locale), locale)


def _join_units(parts, locale):
    if len(parts) == 1:
        return parts[0]
    try:
        patterns = locale.list_patterns["unit-narrow"]
        # Babel 2.18 formats a two-item list without a "2" pattern as start + end, which
        # repeats the last item (Arabic); CLDR's "end" pattern alone is the right one.
        pattern = patterns["2"] if "2" in patterns else patterns["end"]
    except KeyError:
        return format_list(parts, style="unit-narrow", locale=locale)
    return pattern.format(*parts)


def format_number(value, language=None, digits=None):
    if value is None:
        return ""
    kwargs = {}
    if digits is not None:
        kwargs["format"] = "#,##0." + "0" * digits
    locale = babel_locale(language)
    formatted = format_decimal(value, locale=locale, numbering_system="default", **kwargs)
    return native_digits(formatted, locale)


def reading_minutes(text):
    """Minutes a reader needs for the text, at least one."""
    unspaced = len(UNSPACED_SCRIPT.findall(text))
    words = len(WORD.findall(UNSPACED_SCRIPT.sub(" ", text)))
    minutes = words / WORDS_PER_MINUTE + unspaced / UNSPACED_CHARS_PER_MINUTE
    return max(1, math.ceil(minutes))
