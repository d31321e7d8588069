"""Dates, times and durations as each locale writes them (CLDR, through Babel)."""

from datetime import UTC, datetime

import pytest
from django.utils import translation

from cms.core.formatting import format_duration, format_number, format_published, reading_minutes
from interviews.models import InterviewPage

SEED_TIME = datetime(2024, 5, 27, 16, 16, tzinfo=UTC)


@pytest.mark.parametrize(
    "language,expected",
    [
        ("ru", "27.05.2024, 16:16"),
        ("en", "5/27/24, 4:16\u202fPM"),
        ("pt", "27/05/2024 16:16"),
        ("zh-hans", "2024/5/27 16:16"),
    ],
)
def test_published_date_time_in_locale_order(language, expected, settings):
    settings.TIME_ZONE = "UTC"
    assert format_published(SEED_TIME, language) == expected


def test_published_time_is_shown_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "Europe/Moscow"
    with translation.override("ru"):
        assert format_published(datetime(2024, 5, 27, 13, 16, tzinfo=UTC), "ru") == (
            "27.05.2024, 16:16"
        )


@pytest.mark.parametrize(
    "language,seconds,expected",
    [
        ("en", 842, "14 min 2 sec"),
        ("ru", 842, "14 мин 2 с"),
        ("pt", 842, "14 min 2 s"),
        ("zh-hans", 842, "14分钟2秒"),
        ("ar", 842, "14 د و2 ث"),
        ("en", 840, "14 min"),
        ("ru", 45, "45 с"),
        ("en", 0, "0 sec"),
    ],
)
def test_duration_in_locale_units(language, seconds, expected):
    assert format_duration(seconds, language) == expected


@pytest.mark.parametrize(
    "language,expected", [("en", "0.0111"), ("ru", "0,0111"), ("pt", "0,0111")]
)
def test_rate_uses_the_locale_decimal_separator(language, expected):
    assert format_number("0.0111", language, digits=4) == expected


def test_reading_time_counts_words_and_unspaced_scripts():
    assert reading_minutes("word " * 199) == 1
    assert reading_minutes("word " * 401) == 3
    assert reading_minutes("新闻" * 400) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "hi"])
def test_interview_page_shows_its_duration_in_the_reader_language(client, language):
    interview = InterviewPage.objects.live().filter(locale__language_code=language).first()

    response = client.get(interview.url)

    assert format_duration(interview.duration_seconds, language) in response.text
    assert format_published(interview.first_published_at, language) in response.text
