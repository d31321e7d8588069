"""What the widgets show, in the reader's language: one query each."""

from babel.numbers import get_currency_name
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from cms.core.formatting import babel_locale, format_number, format_published

from .conditions import condition_label
from .models import City, ExchangeRate, WeatherReport

RATE_DIGITS = 4


def rates_for_display(language):
    now = timezone.now()
    locale = babel_locale(language)
    return [
        {
            "pair": rate.pair,
            "rate": format_number(rate.rate, language, digits=RATE_DIGITS),
            "title": " / ".join(
                get_currency_name(code, locale=locale)
                for code in (rate.base_currency, rate.quote_currency)
            ),
            "stale": rate.is_stale(now),
            "as_of": format_published(rate.fetched_at, language) if rate.fetched_at else "",
        }
        for rate in ExchangeRate.objects.exclude(rate=None)
    ]


def weather_for_display(language):
    now = timezone.now()
    local_city = City.objects.filter(
        translation_key=OuterRef("city_key"), locale__language_code=language
    )
    source_city = City.objects.filter(translation_key=OuterRef("city_key")).order_by("id")
    reports = (
        WeatherReport.objects.exclude(temperature_c=None)
        .annotate(
            city_name=Subquery(local_city.values("name")[:1]),
            fallback_name=Subquery(source_city.values("name")[:1]),
            city_order=Subquery(source_city.values("sort_order")[:1]),
        )
        .order_by("city_order")
    )
    return [
        {
            "city": report.city_name or report.fallback_name,
            "temperature": format_number(report.temperature_c.quantize(1), language),
            "condition": str(condition_label(report.condition)),
            "stale": report.is_stale(now),
            "as_of": format_published(report.observed_at or report.fetched_at, language),
        }
        for report in reports
        if report.fallback_name
    ]
