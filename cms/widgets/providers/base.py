"""What every rate and weather provider answers; one file per provider implements it."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.utils.module_loading import import_string


class ProviderError(Exception):
    """The provider could not be reached or answered something we cannot use."""


@dataclass(frozen=True)
class RateQuote:
    """One unit of `base` is worth `rate` units of `quote` (RUB/USD 0.0111)."""

    base: str
    quote: str
    rate: Decimal
    as_of: date
    source: str


@dataclass(frozen=True)
class WeatherObservation:
    latitude: Decimal
    longitude: Decimal
    temperature_c: Decimal
    condition: int  # WMO weather interpretation code
    observed_at: datetime  # aware, UTC
    source: str


class RateProvider(ABC):
    name = ""

    @abstractmethod
    def fetch(self, pairs):
        """Quotes for the (base, quote) pairs this provider can price; raises ProviderError."""

    @abstractmethod
    def parse(self, payload, pairs):
        """Quotes from the provider's raw answer (bytes); raises ProviderError."""


class WeatherProvider(ABC):
    name = ""

    @abstractmethod
    def fetch(self, places):
        """Current weather at each (latitude, longitude); raises ProviderError."""

    @abstractmethod
    def parse(self, payload, places):
        """Observations from the provider's raw answer (bytes); raises ProviderError."""


def rate_providers():
    return [import_string(path)() for path in settings.NEWSROOM_RATE_PROVIDERS]


def weather_provider():
    return import_string(settings.NEWSROOM_WEATHER_PROVIDER)()


def provider_url(name, default):
    """The provider's address, unless settings point it elsewhere (a mirror, a test server)."""
    return settings.NEWSROOM_PROVIDER_URLS.get(name) or default
