"""Editors see stale sources on the dashboard and can refresh them from there."""

import re
from pathlib import Path

import pytest
import responses

from cms.widgets.models import ExchangeRate
from cms.widgets.providers.cbr import CentralBankOfRussia
from cms.widgets.providers.ecb import EuropeanCentralBank
from cms.widgets.providers.open_meteo import OpenMeteo

DATA = Path(__file__).resolve().parents[1] / "data" / "widgets"
DEMO = Path(__file__).resolve().parents[2] / "cms" / "demo" / "content"


@pytest.mark.django_db
def test_dashboard_lists_the_stale_sources(admin_client):
    html = admin_client.get("/admin/").text
    panel = html[html.index('data-panel="stale-widget-sources"') :]
    assert len(re.findall(r'data-stale="rate"', panel)) == ExchangeRate.objects.count()
    assert len(re.findall(r'data-stale="weather"', panel)) == 8
    assert "RUB/USD" in panel


@pytest.mark.django_db
def test_refresh_now_button_refreshes_and_empties_the_stale_list(
    admin_client, django_capture_on_commit_callbacks
):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as http:
        http.get(CentralBankOfRussia.url, body=(DATA / "cbr_daily.xml").read_bytes())
        http.get(EuropeanCentralBank.url, body=(DATA / "ecb_daily.xml").read_bytes())
        http.get(
            re.compile(re.escape(OpenMeteo.url) + ".*"),
            body=(DEMO / "open_meteo_capitals.json").read_bytes(),
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post("/admin/widgets/refresh/", {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"

    response = admin_client.get("/admin/")
    panel = response.text[response.text.index('data-panel="stale-widget-sources"') :]
    assert "data-stale=" not in panel.split("</section>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/widgets/exchangerate/",
        "/admin/snippets/widgets/city/",
        "/admin/snippets/widgets/weatherreport/",
    ],
)
def test_widget_snippets_are_listed(admin_client, url):
    assert admin_client.get(url).status_code == 200


@pytest.mark.django_db
def test_refresh_needs_a_post(admin_client):
    assert admin_client.get("/admin/widgets/refresh/").status_code == 405
