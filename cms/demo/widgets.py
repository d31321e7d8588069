"""The demo's currency pairs and capitals, valued from the providers' sample answers."""

from datetime import UTC, datetime, time
from pathlib import Path

from django.db.models import F

from cms.widgets.models import City, ExchangeRate, WeatherReport
from cms.widgets.providers.cbr import CentralBankOfRussia
from cms.widgets.providers.ecb import EuropeanCentralBank
from cms.widgets.providers.open_meteo import OpenMeteo
from cms.widgets.refresh import refresh_exchange_rates, refresh_weather

from .files import CONTENT, SOURCE_LANGUAGE, read, target_languages
from .translating import translate

SAMPLE_ANSWERS = Path(__file__).resolve().parents[2] / "tests" / "data" / "widgets"


class SampleAnswer:
    """A provider answering from the sample files the tests use, for a machine offline."""

    def __init__(self, provider, path):
        self.provider, self.name = provider, provider.name
        self.payload = path.read_bytes()

    def fetch(self, wanted):
        return self.provider.parse(self.payload, wanted)


def seed_widgets(locales):
    """Currency pairs and capitals, with values from the providers' sample answers.

    The sample answers are old, so the widgets say "as of" until a real refresh runs.
    """
    data = read("widgets.json")
    for order, (base, quote) in enumerate(data["pairs"]):
        ExchangeRate.objects.get_or_create(
            base_currency=base, quote_currency=quote, defaults={"sort_order": order}
        )
    english = locales[SOURCE_LANGUAGE]
    for order, facts in enumerate(data["cities"]):
        city, _ = City.objects.get_or_create(
            name=facts[SOURCE_LANGUAGE],
            locale=english,
            defaults={
                "latitude": facts["latitude"],
                "longitude": facts["longitude"],
                "sort_order": order,
            },
        )
        for language in target_languages():
            locale = locales[language]
            if not city.has_translation(locale):
                translate(city, locale, {city.name: facts[language]})
    if not ExchangeRate.objects.exclude(rate=None).exists():
        refresh_exchange_rates(
            providers=[
                SampleAnswer(CentralBankOfRussia(), SAMPLE_ANSWERS / "cbr_daily.xml"),
                SampleAnswer(EuropeanCentralBank(), SAMPLE_ANSWERS / "ecb_daily.xml"),
            ]
        )
        # Sample answers are not fresh news: date the refresh by the answer itself.
        for rate in ExchangeRate.objects.exclude(as_of=None):
            ExchangeRate.objects.filter(pk=rate.pk).update(
                fetched_at=datetime.combine(rate.as_of, time(12), tzinfo=UTC)
            )
    if not WeatherReport.objects.exists():
        refresh_weather(provider=SampleAnswer(OpenMeteo(), CONTENT / "open_meteo_capitals.json"))
        WeatherReport.objects.exclude(observed_at=None).update(fetched_at=F("observed_at"))
