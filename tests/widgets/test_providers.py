"""Rate and weather providers on recorded-format payloads, mocked only at the HTTP edge."""

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import requests
import responses
from responses import matchers

from cms.widgets.providers.base import ProviderError, RateQuote, WeatherObservation
from cms.widgets.providers.cbr import CentralBankOfRussia
from cms.widgets.providers.ecb import EuropeanCentralBank
from cms.widgets.providers.open_meteo import OpenMeteo

PAYLOADS = Path(__file__).resolve().parents[1] / "data" / "widgets"

CBR_URL = "https://www.cbr.ru/scripts/XML_daily.asp"
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
OPEN_METEO_URL = "https://api.open-meteo.com/v1/forecast"

MAY_27 = date(2024, 5, 27)
MOSCOW = (Decimal("55.7558"), Decimal("37.6173"))
LONDON = (Decimal("51.5074"), Decimal("-0.1278"))
SAO_PAULO = (Decimal("-23.5505"), Decimal("-46.6333"))


def payload(name):
    return (PAYLOADS / name).read_bytes()


def rates(quotes):
    return {(quote.base, quote.quote): quote.rate for quote in quotes}


@pytest.fixture
def http():
    with responses.RequestsMock() as mock:
        yield mock


# Bank of Russia


def test_cbr_file_is_windows_1251_with_decimal_commas():
    raw = payload("cbr_daily.xml")
    assert raw.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    assert "<Name>Доллар США</Name><Value>89,9957</Value>".encode("windows-1251") in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_cbr_prices_rouble_against_dollar_as_nominal_over_value():
    quotes = CentralBankOfRussia().parse(payload("cbr_daily.xml"), [("RUB", "USD")])
    # 1 / 89.9957 = 0.01111164..., kept to eight significant digits.
    assert quotes == [RateQuote("RUB", "USD", Decimal("0.011111642"), MAY_27, "cbr")]


def test_cbr_prices_dollar_in_roubles_exactly_as_published():
    quotes = CentralBankOfRussia().parse(payload("cbr_daily.xml"), [("USD", "RUB")])
    assert quotes[0].rate == Decimal("89.9957")


def test_cbr_cross_rates_divide_per_unit_values():
    pairs = [("CNY", "USD"), ("JPY", "USD"), ("INR", "USD"), ("EUR", "USD"), ("VND", "USD")]
    quotes = rates(CentralBankOfRussia().parse(payload("cbr_daily.xml"), pairs))
    assert quotes == {
        ("CNY", "USD"): Decimal("0.13802437"),  # 12.4216 / 89.9957
        ("JPY", "USD"): Decimal("0.0063744379"),  # (57.3672 / 100) / 89.9957
        ("INR", "USD"): Decimal("0.012029353"),  # (10.8259 / 10) / 89.9957
        ("EUR", "USD"): Decimal("1.0848452"),  # 97.6314 / 89.9957
        ("VND", "USD"): Decimal("0.000039282210"),  # (35.3523 / 10000) / 89.9957
    }


def test_cbr_reads_the_file_date_and_keeps_decimals():
    (quote,) = CentralBankOfRussia().parse(payload("cbr_daily.xml"), [("rub", "usd")])
    assert quote.as_of == MAY_27
    assert (quote.base, quote.quote) == ("RUB", "USD")
    assert isinstance(quote.rate, Decimal)


def test_cbr_skips_pairs_outside_its_file():
    quotes = CentralBankOfRussia().parse(
        payload("cbr_daily.xml"), [("RUB", "ISK"), ("RUB", "USD"), ("MXN", "USD")]
    )
    assert [(quote.base, quote.quote) for quote in quotes] == [("RUB", "USD")]


def test_cbr_file_without_dollar_still_prices_other_currencies():
    quotes = CentralBankOfRussia().parse(
        payload("cbr_daily_without_usd.xml"), [("RUB", "USD"), ("CNY", "USD"), ("RUB", "EUR")]
    )
    assert [(quote.base, quote.quote) for quote in quotes] == [("RUB", "EUR")]


def test_cbr_entry_with_unreadable_value_prices_nothing_but_the_rest_stays():
    quotes = CentralBankOfRussia().parse(
        payload("cbr_daily_unreadable_cny.xml"), [("CNY", "USD"), ("RUB", "USD")]
    )
    assert rates(quotes) == {("RUB", "USD"): Decimal("0.011111642")}


@pytest.mark.parametrize(
    "name,message",
    [
        ("cbr_daily_truncated.xml", "malformed XML"),
        ("cbr_blocked.html", "malformed XML"),
        ("ecb_daily.xml", "not a ValCurs"),
        ("empty_body.txt", "empty body"),
    ],
)
def test_cbr_unusable_answers_raise_provider_error(name, message):
    with pytest.raises(ProviderError, match=message):
        CentralBankOfRussia().parse(payload(name), [("RUB", "USD")])


def test_cbr_file_without_a_readable_date_raises_provider_error():
    raw = payload("cbr_daily.xml").replace(b'Date="27.05.2024"', b'Date="2024-05-27"')
    with pytest.raises(ProviderError, match="Date"):
        CentralBankOfRussia().parse(raw, [("RUB", "USD")])


def test_cbr_fetch_downloads_the_daily_file(http):
    http.get(CBR_URL, body=payload("cbr_daily.xml"), content_type="application/xml")
    quotes = CentralBankOfRussia().fetch([("RUB", "USD"), ("BRL", "USD")])
    assert rates(quotes) == {
        ("RUB", "USD"): Decimal("0.011111642"),
        ("BRL", "USD"): Decimal("0.19240141"),  # 17.3153 / 89.9957
    }


def test_cbr_fetch_with_no_pairs_asks_nothing(http):
    assert CentralBankOfRussia().fetch([]) == []


# European Central Bank


def test_ecb_prices_euro_against_a_currency_as_the_published_rate():
    quotes = EuropeanCentralBank().parse(payload("ecb_daily.xml"), [("EUR", "USD")])
    assert quotes == [RateQuote("EUR", "USD", Decimal("1.0852"), MAY_27, "ecb")]


def test_ecb_cross_rates_to_dollar_divide_rates_per_euro():
    pairs = [("BRL", "USD"), ("CNY", "USD"), ("GBP", "USD"), ("USD", "EUR")]
    quotes = rates(EuropeanCentralBank().parse(payload("ecb_daily.xml"), pairs))
    assert quotes == {
        ("BRL", "USD"): Decimal("0.19239429"),  # 1.0852 / 5.6405
        ("CNY", "USD"): Decimal("0.13806440"),  # 1.0852 / 7.8601
        ("GBP", "USD"): Decimal("1.2748311"),  # 1.0852 / 0.85125
        ("USD", "EUR"): Decimal("0.92148913"),  # 1 / 1.0852
    }


def test_ecb_cannot_price_the_rouble():
    assert EuropeanCentralBank().parse(payload("ecb_daily.xml"), [("RUB", "USD")]) == []


def test_ecb_currency_without_rate_attribute_prices_nothing_but_the_rest_stays():
    quotes = EuropeanCentralBank().parse(
        payload("ecb_daily_missing_rate.xml"), [("CNY", "USD"), ("BRL", "USD")]
    )
    assert rates(quotes) == {("BRL", "USD"): Decimal("0.19239429")}


@pytest.mark.parametrize(
    "name,message",
    [
        ("ecb_daily_truncated.xml", "malformed XML"),
        ("ecb_daily_without_rates.xml", "no readable rate"),
        ("cbr_daily.xml", "not a eurofxref envelope"),
        ("cbr_blocked.html", "malformed XML"),
        ("empty_body.txt", "empty body"),
    ],
)
def test_ecb_unusable_answers_raise_provider_error(name, message):
    with pytest.raises(ProviderError, match=message):
        EuropeanCentralBank().parse(payload(name), [("EUR", "USD")])


def test_ecb_fetch_downloads_the_reference_rates(http):
    http.get(ECB_URL, body=payload("ecb_daily.xml"), content_type="text/xml")
    (quote,) = EuropeanCentralBank().fetch([("CNY", "USD")])
    assert quote == RateQuote("CNY", "USD", Decimal("0.13806440"), MAY_27, "ecb")


# Failures at the HTTP edge, the same for both banks


RATE_PROVIDERS = [(CentralBankOfRussia, CBR_URL), (EuropeanCentralBank, ECB_URL)]


@pytest.mark.parametrize("provider,url", RATE_PROVIDERS)
@pytest.mark.parametrize(
    "failure",
    [requests.ConnectTimeout("connect timed out"), requests.ReadTimeout("read timed out")],
)
def test_rate_fetch_timeout_raises_provider_error(http, provider, url, failure):
    http.get(url, body=failure)
    with pytest.raises(ProviderError, match="timed out"):
        provider().fetch([("USD", "EUR")])


@pytest.mark.parametrize("provider,url", RATE_PROVIDERS)
def test_rate_fetch_connection_error_raises_provider_error(http, provider, url):
    http.get(url, body=requests.ConnectionError("Name or service not known"))
    with pytest.raises(ProviderError, match="could not be fetched"):
        provider().fetch([("USD", "EUR")])


@pytest.mark.parametrize("provider,url", RATE_PROVIDERS)
@pytest.mark.parametrize("status", [500, 502, 503, 404])
def test_rate_fetch_http_error_raises_provider_error(http, provider, url, status):
    http.get(url, status=status, body=b"<html><body>Service Unavailable</body></html>")
    with pytest.raises(ProviderError, match=str(status)):
        provider().fetch([("USD", "EUR")])


@pytest.mark.parametrize("provider,url", RATE_PROVIDERS)
def test_rate_fetch_empty_ok_answer_raises_provider_error(http, provider, url):
    http.get(url, body=b"")
    with pytest.raises(ProviderError, match="empty body"):
        provider().fetch([("USD", "EUR")])


@pytest.mark.parametrize("provider,url", RATE_PROVIDERS)
def test_rate_fetch_sends_a_timeout(http, provider, url):
    http.get(url, body=payload("ecb_daily.xml" if "ecb" in url else "cbr_daily.xml"))
    provider().fetch([("USD", "EUR")])
    assert http.calls[0].request.req_kwargs["timeout"] == 10


# Open-Meteo

THREE_PLACES = [MOSCOW, LONDON, SAO_PAULO]
OBSERVED_AT = datetime(2024, 5, 27, 13, 15, tzinfo=UTC)


def test_open_meteo_matches_answers_to_places_by_order_despite_grid_snapping():
    observations = OpenMeteo().parse(payload("open_meteo_current.json"), THREE_PLACES)
    assert observations == [
        WeatherObservation(*MOSCOW, Decimal("18.3"), 3, OBSERVED_AT, "open-meteo"),
        WeatherObservation(*LONDON, Decimal("16.9"), 61, OBSERVED_AT, "open-meteo"),
        WeatherObservation(*SAO_PAULO, Decimal("17.8"), 1, OBSERVED_AT, "open-meteo"),
    ]


def test_open_meteo_times_are_aware_utc():
    (moscow, *_) = OpenMeteo().parse(payload("open_meteo_current.json"), THREE_PLACES)
    assert moscow.observed_at.utcoffset().total_seconds() == 0
    assert moscow.observed_at.isoformat() == "2024-05-27T13:15:00+00:00"


def test_open_meteo_local_times_are_converted_to_utc():
    raw = (
        payload("open_meteo_current_single.json")
        .replace(b'"utc_offset_seconds":0', b'"utc_offset_seconds":10800')
        .replace(b'"timezone":"GMT"', b'"timezone":"Europe/Moscow"')
        .replace(b"2024-05-27T13:15", b"2024-05-27T16:15")
    )
    (moscow,) = OpenMeteo().parse(raw, [MOSCOW])
    assert moscow.observed_at == OBSERVED_AT


def test_open_meteo_single_place_answer_is_a_bare_object():
    (moscow,) = OpenMeteo().parse(payload("open_meteo_current_single.json"), [MOSCOW])
    assert (moscow.latitude, moscow.temperature_c, moscow.condition) == (
        Decimal("55.7558"),
        Decimal("18.3"),
        3,
    )


def test_open_meteo_place_with_null_temperature_is_left_out():
    observations = OpenMeteo().parse(payload("open_meteo_null_temperature.json"), THREE_PLACES)
    assert [(o.latitude, o.longitude) for o in observations] == [MOSCOW, SAO_PAULO]


def test_open_meteo_answer_for_fewer_places_than_asked_raises_provider_error():
    with pytest.raises(ProviderError, match="answered for 1 places, 3 were asked"):
        OpenMeteo().parse(payload("open_meteo_current_single.json"), THREE_PLACES)


@pytest.mark.parametrize(
    "name,message",
    [
        ("open_meteo_truncated.json", "malformed JSON"),
        ("open_meteo_error_400.json", "Latitude must be in range"),
        ("cbr_blocked.html", "malformed JSON"),
        ("empty_body.txt", "empty body"),
    ],
)
def test_open_meteo_unusable_answers_raise_provider_error(name, message):
    with pytest.raises(ProviderError, match=message):
        OpenMeteo().parse(payload(name), [MOSCOW])


def test_open_meteo_location_without_current_block_raises_provider_error():
    with pytest.raises(ProviderError, match="no 'current' block"):
        OpenMeteo().parse(b'{"latitude":55.75,"longitude":37.625}', [MOSCOW])


def test_open_meteo_fetch_asks_for_all_places_in_one_call(http):
    http.get(
        OPEN_METEO_URL,
        body=payload("open_meteo_current.json"),
        content_type="application/json",
        match=[
            matchers.query_param_matcher(
                {
                    "latitude": "55.7558,51.5074,-23.5505",
                    "longitude": "37.6173,-0.1278,-46.6333",
                    "current": "temperature_2m,weather_code",
                    "timezone": "GMT",
                }
            )
        ],
    )
    observations = OpenMeteo().fetch(THREE_PLACES)
    assert [o.temperature_c for o in observations] == [
        Decimal("18.3"),
        Decimal("16.9"),
        Decimal("17.8"),
    ]
    assert len(http.calls) == 1
    assert http.calls[0].request.req_kwargs["timeout"] == 10


def test_open_meteo_fetch_accepts_float_coordinates(http):
    http.get(
        OPEN_METEO_URL,
        body=payload("open_meteo_current_single.json"),
        match=[matchers.query_param_matcher({"latitude": "55.7558"}, strict_match=False)],
    )
    (moscow,) = OpenMeteo().fetch([(55.7558, 37.6173)])
    assert moscow.latitude == Decimal("55.7558")


def test_open_meteo_fetch_reports_the_reason_of_a_400(http):
    http.get(OPEN_METEO_URL, status=400, body=payload("open_meteo_error_400.json"))
    with pytest.raises(ProviderError, match="HTTP 400: Latitude must be in range"):
        OpenMeteo().fetch([(Decimal("155.7558"), Decimal("37.6173"))])


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_open_meteo_fetch_http_error_raises_provider_error(http, status):
    http.get(OPEN_METEO_URL, status=status, body=b"<html><body>Bad Gateway</body></html>")
    with pytest.raises(ProviderError, match=f"HTTP {status}"):
        OpenMeteo().fetch([MOSCOW])


@pytest.mark.parametrize(
    "failure",
    [
        requests.ConnectTimeout("connect timed out"),
        requests.ReadTimeout("read timed out"),
        requests.ConnectionError("Connection refused"),
    ],
)
def test_open_meteo_fetch_network_failure_raises_provider_error(http, failure):
    http.get(OPEN_METEO_URL, body=failure)
    with pytest.raises(ProviderError, match="could not be reached"):
        OpenMeteo().fetch([MOSCOW])


def test_open_meteo_fetch_with_no_places_asks_nothing(http):
    assert OpenMeteo().fetch([]) == []
