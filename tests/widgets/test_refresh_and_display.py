"""Widgets keep their last good values, honour pins, and show figures the reader's way."""

import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import responses
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage
from cms.widgets.models import ExchangeRate, WeatherReport
from cms.widgets.providers.base import ProviderError
from cms.widgets.providers.cbr import CentralBankOfRussia
from cms.widgets.providers.ecb import EuropeanCentralBank
from cms.widgets.providers.open_meteo import OpenMeteo
from cms.widgets.refresh import refresh_exchange_rates, refresh_weather

DATA = Path(__file__).resolve().parents[1] / "data" / "widgets"
DEMO = Path(__file__).resolve().parents[2] / "cms" / "demo" / "content"


@pytest.fixture
def http():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def serve(http, provider, path, status=200):
    http.get(re.compile(re.escape(provider.url) + ".*"), body=path.read_bytes(), status=status)


def rate(pair):
    base, quote = pair.split("/")
    return ExchangeRate.objects.get(base_currency=base, quote_currency=quote)


@pytest.mark.django_db
def test_refresh_takes_rub_from_the_bank_of_russia_and_fills_the_rest_from_the_ecb(http):
    http.get(CentralBankOfRussia.url, body=b"<html>blocked</html>", status=503)
    serve(http, EuropeanCentralBank, DATA / "ecb_daily.xml")

    result = refresh_exchange_rates()

    assert "RUB/USD" in result.missing  # the ECB publishes no rouble rate
    assert set(result.updated) == {"BRL/USD", "INR/USD", "CNY/USD", "ZAR/USD"}
    assert rate("BRL/USD").source == "ecb"
    assert not rate("BRL/USD").is_stale()
    assert rate("RUB/USD").is_stale()  # kept from before, and now flagged


@pytest.mark.django_db
def test_failing_providers_leave_the_last_values_and_mark_them_stale(http, client):
    before = {r.pair: r.rate for r in ExchangeRate.objects.all()}
    http.get(CentralBankOfRussia.url, body=b"", status=500)
    http.get(EuropeanCentralBank.url, body=b"", status=500)

    with pytest.raises(ProviderError):
        refresh_exchange_rates()

    assert {r.pair: r.rate for r in ExchangeRate.objects.all()} == before
    response = client.get("/ru/")
    assert "RUB/USD" in response.text and "0,0111" in response.text
    assert "widget__row--stale" in response.text


@pytest.mark.django_db
def test_a_pinned_rate_survives_a_refresh(http):
    pinned = rate("RUB/USD")
    pinned.rate, pinned.is_pinned = "0.01000000", True
    pinned.save()
    serve(http, CentralBankOfRussia, DATA / "cbr_daily.xml")

    result = refresh_exchange_rates()

    assert "RUB/USD" not in result.updated
    assert rate("RUB/USD").rate == Decimal("0.01")
    assert rate("CNY/USD").fetched_at > timezone.now() - timedelta(minutes=1)


@pytest.mark.django_db
def test_weather_refresh_updates_each_capital_in_order(http):
    serve(http, OpenMeteo, DEMO / "open_meteo_capitals.json")

    result = refresh_weather()

    assert len(result.updated) == 8
    assert all(not report.is_stale() for report in WeatherReport.objects.all())


@pytest.mark.django_db
def test_failing_weather_provider_keeps_the_reports(http):
    before = list(WeatherReport.objects.values_list("temperature_c", flat=True))
    http.get(re.compile(re.escape(OpenMeteo.url) + ".*"), json={"error": True}, status=400)

    with pytest.raises(ProviderError):
        refresh_weather()

    assert list(WeatherReport.objects.values_list("temperature_c", flat=True)) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,rub,brl",
    [
        ("en", "0.0111", "0.1924"),
        ("ru", "0,0111", "0,1924"),
        ("pt", "0,0111", "0,1924"),
        ("fa", "۰٫۰۱۱۱", "۰٫۱۹۲۴"),
    ],
)
def test_rates_are_written_the_reader_way(client, language, rub, brl):
    html = client.get(f"/{language}/").text
    assert re.search(rf"RUB/USD</dt>\s*<dd><bdi>{re.escape(rub)}</bdi>", html)
    assert re.search(rf"BRL/USD</dt>\s*<dd><bdi>{re.escape(brl)}</bdi>", html)


@pytest.mark.django_db
@pytest.mark.parametrize("language,city", [("en", "Moscow"), ("ru", "Москва"), ("ar", "موسكو")])
def test_weather_names_cities_in_the_reader_language(client, language, city):
    html = client.get(f"/{language}/").text
    assert re.search(rf"<dt>{city}</dt>\s*<dd><bdi>18 °C</bdi>", html)


@pytest.mark.django_db
def test_widgets_add_at_most_two_queries_and_none_once_cached(client):
    from cms.widgets.signals import widgets_refreshed

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.get("/en/")
    cached = queries("/en/")
    widgets_refreshed.send(sender=None)  # what a refresh does: every fragment misses
    uncached = queries("/en/")

    assert 0 < uncached - cached <= 2
    assert queries("/en/") == cached


@pytest.mark.django_db
def test_a_refresh_or_an_edit_changes_what_the_cached_widget_shows(http, client):
    assert "0.0111" in client.get("/en/").text  # now cached
    rub = rate("RUB/USD")
    ExchangeRate.objects.filter(pk=rub.pk).update(rate="0.02000000")  # no signal
    assert "0.0111" in client.get("/en/").text

    serve(http, CentralBankOfRussia, DATA / "cbr_daily.xml")
    refresh_exchange_rates()
    assert "0.0111" in client.get("/en/").text and "0.0200" not in client.get("/en/").text

    rub.refresh_from_db()
    rub.rate, rub.is_pinned = "0.01234567", True
    rub.save()  # an editor's pin
    assert "0.0123" in client.get("/en/").text


@pytest.mark.django_db
def test_an_article_body_can_carry_the_widgets(client):
    article = ArticlePage.objects.live().get(
        locale__language_code="ru", slug="novosibirsk-rail-container-hub"
    )
    article.body.append(("exchange_rates", None))
    article.body.append(("weather", None))
    article.save_revision().publish()

    html = client.get(article.url).text

    assert re.search(r"RUB/USD</dt>\s*<dd><bdi>0,0111</bdi>", html)
    assert "<dt>Москва</dt>" in html
