"""Dates, durations and numbers in the reader's locale, by CLDR rules (Babel)."""

import math
import re
from datetime import datetime

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
    language = language or get_language() or "en"
    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_published(value, language=None):
    """A story's date and time as the locale writes it briefly: '27.05.2024, 16:16' in ru."""
    if value is None:
        return ""
    return format_datetime(timezone.localtime(value), "short", locale=babel_locale(language))


def format_day(value, language=None):
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return format_date(value, "long", locale=babel_locale(language))


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
    return _join_units(parts, locale)


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
    return format_decimal(value, locale=babel_locale(language), **kwargs)


def reading_minutes(text):
    """Minutes a reader needs for the text, at least one."""
    unspaced = len(UNSPACED_SCRIPT.findall(text))
    words = len(WORD.findall(UNSPACED_SCRIPT.sub(" ", text)))
    minutes = words / WORDS_PER_MINUTE + unspaced / UNSPACED_CHARS_PER_MINUTE
    return max(1, math.ceil(minutes))
