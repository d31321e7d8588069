"""Widget managers see stale sources on the dashboard and refresh them from there; nobody
else starts the provider jobs."""

import re
from pathlib import Path

import pytest
import responses
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from cms.widgets.models import ExchangeRate
from cms.widgets.providers.cbr import CentralBankOfRussia
from cms.widgets.providers.ecb import EuropeanCentralBank
from cms.widgets.providers.open_meteo import OpenMeteo
from tests.widgets.test_providers_down import closed_port_url

DATA = Path(__file__).resolve().parents[1] / "data" / "widgets"
DEMO = Path(__file__).resolve().parents[2] / "cms" / "demo" / "content"


@pytest.mark.django_db
def test_dashboard_lists_the_stale_sources(admin_client):
    html = admin_client.get("/admin/").text
    panel = html[html.index('id="stale-widget-sources-section"') :]
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
    panel = response.text[response.text.index('id="stale-widget-sources-section"') :]
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


@pytest.fixture
def widget_manager(client):
    client.force_login(get_user_model().objects.get(username="widgets"))
    return client


@pytest.mark.django_db
def test_a_failed_refresh_says_so_without_naming_the_providers_addresses(
    widget_manager, caplog, django_capture_on_commit_callbacks
):
    providers_down = {
        "cbr": closed_port_url("scripts/XML_daily.asp"),
        "ecb": closed_port_url("eurofxref-daily.xml"),
        "open-meteo": closed_port_url("v1/forecast"),
    }
    with (
        override_settings(NEWSROOM_PROVIDER_URLS=providers_down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = widget_manager.post("/admin/widgets/refresh/", {"next": "/admin/"}, follow=True)

    assert response.status_code == 200
    assert "The refresh could not be started" in response.text
    assert "127.0.0.1" not in response.text
    assert "127.0.0.1" in caplog.text  # the details are for the server log


@pytest.mark.django_db
def test_refresh_needs_the_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="widgets"))

    assert client.post("/admin/widgets/refresh/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "shown"), [("widgets", True), ("editor", False)])
def test_refresh_button_shows_to_widget_managers_only(client, username, shown):
    client.force_login(get_user_model().objects.get(username=username))

    html = client.get("/admin/").text

    assert ('action="/admin/widgets/refresh/"' in html) is shown


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["translator-ru", "reporter", "editor"])
def test_the_dashboard_of_whoever_does_not_manage_widgets_has_no_widget_warnings(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get("/admin/")

    assert response.status_code == 200
    assert 'id="stale-widget-sources-section"' not in response.text
    assert "Refresh now" not in response.text
