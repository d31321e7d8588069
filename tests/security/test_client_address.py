"""Behind the site's proxy every request arrives from the proxy's address. Counting that
address would let one attacker lock every editor out of the login (django-axes) and let
one busy network use up everybody's subscribe limit; counting the first address of
X-Forwarded-For would let a client pick its own. Both limits count the address that the
trusted proxy appended, and production trusts one proxy when it trusts a proxy's header."""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from tests.security.test_production_settings import production_environment, run_manage

PROXY = "10.0.0.2"
PASSWORD = "correct horse battery staple"

# Run inside production's settings: the address django-axes counts a login by, and whether
# the newsletter's limit refuses posts of one client, or of many, through one proxy.
MEASURE = """
import json
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.test import RequestFactory
from cms.newsletter.throttle import over_limit

def through_proxy(forwarded_for):
    return RequestFactory().post(
        "/en/newsletter/subscribe/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for
    )

limit = settings.NEWSLETTER_SUBSCRIBE_LIMIT[0]
many = [over_limit(through_proxy(f"203.0.113.{number}")) for number in range(limit + 1)]
one = [over_limit(through_proxy(f"192.0.2.{number}, 198.51.100.9")) for number in range(limit + 1)]
print(json.dumps({
    "login_counts": get_client_ip_address(through_proxy("192.0.2.1, 198.51.100.7")),
    "many_clients_refused": any(many),
    "one_client_refused": one[-1],
}))
"""


def measure_in_production(**environment):
    result = run_manage("shell", "-c", MEASURE, env=production_environment(**environment))
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_behind_its_proxy_counts_the_address_the_proxy_appended():
    measured = measure_in_production()  # PROXY_SSL_HEADER's default: a proxy is in front

    assert measured["login_counts"] == "198.51.100.7"
    assert not measured["many_clients_refused"]
    assert measured["one_client_refused"]  # a forged first address does not escape


def test_production_without_a_proxy_counts_the_connecting_address():
    measured = measure_in_production(PROXY_SSL_HEADER="")

    assert measured["login_counts"] == PROXY
    assert measured["many_clients_refused"]


def test_trusted_proxies_says_how_many_proxies_stand_in_front():
    measured = measure_in_production(TRUSTED_PROXIES="2")

    assert measured["login_counts"] == "192.0.2.1"


def test_the_former_newsletter_variable_is_still_read():
    measured = measure_in_production(PROXY_SSL_HEADER="", NEWSLETTER_TRUSTED_PROXIES="1")

    assert measured["login_counts"] == "198.51.100.7"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "proxied-editor", "proxied@example.org", PASSWORD
    )


def log_in_through_proxy(client_address, password, forged=None):
    forwarded = f"{forged}, {client_address}" if forged else client_address
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded, HTTP_ACCEPT_LANGUAGE="en")
    return client.post("/admin/login/", {"username": "proxied-editor", "password": password})


@override_settings(TRUSTED_PROXIES=1)
def test_one_client_locked_out_behind_the_proxy_does_not_lock_out_the_others(editor):
    for number in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in_through_proxy("203.0.113.66", "wrong", forged=f"192.0.2.{number}")
    assert log_in_through_proxy("203.0.113.66", PASSWORD).status_code == 429

    assert log_in_through_proxy("198.51.100.20", PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXIES=1)
@pytest.mark.django_db
def test_the_subscribe_limit_counts_each_client_behind_the_proxy(client):
    limit, _window = settings.NEWSLETTER_SUBSCRIBE_LIMIT

    def post(client_address, number):
        return client.post(
            "/en/newsletter/subscribe/",
            {"email": f"reader{number}@example.com", "languages": ["en"], "consent": "on"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=client_address,
        )

    answers = [post(f"203.0.113.{number}", number).status_code for number in range(limit + 1)]
    assert answers == [302] * (limit + 1)
    for number in range(limit):
        post("198.51.100.30", number)
    assert post("198.51.100.30", limit).status_code == 429


@override_settings(TRUSTED_PROXIES=1)
@pytest.mark.django_db
def test_a_forwarded_value_that_is_no_address_counts_as_the_connecting_address(client):
    """Only a misconfigured proxy passes one on; it must not reach axes' address column."""
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="not-an-address").post(
            "/admin/login/", {"username": "nobody", "password": "wrong"}
        )
    assert response.status_code == 429
    assert log_in_through_proxy("198.51.100.21", "wrong").status_code == 200
