"""With every provider unreachable (real connections to loopback ports nothing listens on),
the refresh fails loudly in the log and the readers keep seeing the last values."""

import socket

import pytest
from django.test import override_settings

from cms.widgets.models import ExchangeRate, WeatherReport
from cms.widgets.providers.base import ProviderError
from cms.widgets.refresh import refresh_exchange_rates, refresh_weather


def closed_port_url(path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/{path}"


@pytest.fixture
def providers_down():
    urls = {
        "cbr": closed_port_url("scripts/XML_daily.asp"),
        "ecb": closed_port_url("eurofxref-daily.xml"),
        "open-meteo": closed_port_url("v1/forecast"),
    }
    with override_settings(NEWSROOM_PROVIDER_URLS=urls):
        yield urls


@pytest.mark.django_db
def test_rates_and_weather_keep_their_last_values_when_no_provider_answers(providers_down, client):
    rates = dict(ExchangeRate.objects.values_list("base_currency", "rate"))
    weather = dict(WeatherReport.objects.values_list("pk", "temperature_c"))

    with pytest.raises(ProviderError, match="could not be fetched"):
        refresh_exchange_rates()
    with pytest.raises(ProviderError, match="could not be reached"):
        refresh_weather()

    assert dict(ExchangeRate.objects.values_list("base_currency", "rate")) == rates
    assert dict(WeatherReport.objects.values_list("pk", "temperature_c")) == weather
    page = client.get("/ru/")
    assert page.status_code == 200
    assert "RUB/USD" in page.text and "0,0111" in page.text
    assert "°C" in page.text
