"""What every rate and weather provider answers; one file per provider implements it."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import requests
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


class HttpProvider:
    """A provider reached over HTTP at an address settings may override."""

    name = ""
    label = ""  # how error messages name the service
    url = ""

    def __init__(self, timeout=10):
        self.timeout = timeout
        self.url = provider_url(self.name, self.url)

    def download(self):
        try:
            response = requests.get(self.url, timeout=self.timeout)
            response.raise_for_status()
        except requests.RequestException as error:
            raise ProviderError(f"{self.label} could not be fetched: {error}") from error
        return response.content


class ReferenceRateProvider(HttpProvider, RateProvider):
    """A daily table of rates against one reference currency, crossed for any pair in it."""

    def fetch(self, pairs):
        if not pairs:
            return []
        return self.parse(self.download(), pairs)

    def parse(self, payload, pairs):
        as_of, table = self.read_table(payload)
        quotes = []
        for base, quote in pairs:
            base, quote = base.upper(), quote.upper()
            if base in table and quote in table:
                rate = self.cross(table, base, quote)
                quotes.append(RateQuote(base, quote, rate, as_of, self.name))
        return quotes

    @abstractmethod
    def read_table(self, payload):
        """(as-of date, {currency: figure against the reference currency})."""

    @abstractmethod
    def cross(self, table, base, quote):
        """Units of `quote` one unit of `base` buys."""


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
