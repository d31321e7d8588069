"""Refresh rates and weather from the providers; a failure never empties a widget."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from .models import City, ExchangeRate, WeatherReport
from .providers.base import ProviderError, rate_providers, weather_provider
from .signals import widgets_refreshed

logger = logging.getLogger(__name__)


@dataclass
class RefreshResult:
    updated: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def refresh_exchange_rates(providers=None):
    """Ask each provider in turn for the pairs still unpriced; pinned pairs are left alone.

    Raises ProviderError when no provider priced anything, so a job can retry later.
    """
    wanted = set(
        ExchangeRate.objects.filter(is_pinned=False).values_list("base_currency", "quote_currency")
    )
    result = RefreshResult()
    quotes = {}
    for provider in rate_providers() if providers is None else providers:
        remaining = sorted(wanted - quotes.keys())
        if not remaining:
            break
        try:
            answer = provider.fetch(remaining)
        except ProviderError as error:
            logger.warning("Rate provider %s failed: %s", provider.name, error)
            result.errors.append((provider.name, str(error)))
            continue
        for quote in answer:
            quotes.setdefault((quote.base, quote.quote), quote)
    now = timezone.now()
    with transaction.atomic():
        for (base, quote_currency), quote in quotes.items():
            # Upsert on the pair; the filter keeps a pin set meanwhile by an editor.
            ExchangeRate.objects.filter(
                base_currency=base, quote_currency=quote_currency, is_pinned=False
            ).update(rate=quote.rate, as_of=quote.as_of, source=quote.source, fetched_at=now)
            result.updated.append(f"{base}/{quote_currency}")
    result.missing = sorted(f"{base}/{quote}" for base, quote in wanted - quotes.keys())
    if quotes:
        transaction.on_commit(lambda: widgets_refreshed.send(sender=ExchangeRate))
    if wanted and not quotes:
        raise ProviderError(f"No rate provider answered: {result.errors}")
    return result


def refresh_weather(provider=None):
    """Current weather of every city not pinned; raises ProviderError when none answered."""
    provider = provider or weather_provider()
    cities = list(
        City.objects.filter(locale__language_code=_source_language()).order_by("sort_order")
    )
    pinned = set(WeatherReport.objects.filter(is_pinned=True).values_list("city_key", flat=True))
    cities = [city for city in cities if city.translation_key not in pinned]
    result = RefreshResult()
    if not cities:
        return result
    try:
        observations = provider.fetch([(city.latitude, city.longitude) for city in cities])
    except ProviderError as error:
        logger.warning("Weather provider %s failed: %s", provider.name, error)
        result.errors.append((provider.name, str(error)))
        raise
    now = timezone.now()
    with transaction.atomic():
        # The provider answers in the order asked (its coordinates are snapped to a grid).
        for city, observation in zip(cities, observations, strict=False):
            WeatherReport.objects.update_or_create(
                city_key=city.translation_key,
                defaults={
                    "temperature_c": observation.temperature_c,
                    "condition": observation.condition,
                    "observed_at": observation.observed_at,
                    "source": observation.source,
                    "fetched_at": now,
                },
            )
            result.updated.append(city.name)
    result.missing = [city.name for city in cities[len(observations) :]]
    if result.updated:
        transaction.on_commit(lambda: widgets_refreshed.send(sender=WeatherReport))
    return result


def _source_language():
    from django.conf import settings

    return settings.LANGUAGE_CODE
