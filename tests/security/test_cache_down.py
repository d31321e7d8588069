"""With the Redis cache unreachable, readers still get their pages; the log says why."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.test import Client, override_settings


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def redis_down():
    location = f"redis://127.0.0.1:{closed_port()}/0"
    caches = {
        "default": {
            "BACKEND": "cms.core.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=caches):
        yield location


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        "/en/",
        "/ar/news/novosibirsk-rail-container-hub/",
        "/en/search/?q=port",
        "/en/feeds/rss/",
        "/api/v2/pages/?locale=ru",
    ],
)
def test_pages_serve_while_the_cache_is_down(redis_down, address):
    response = Client(raise_request_exception=True).get(address)

    assert response.status_code == 200
    assert cache.get("anything", "missing") == "missing"


@pytest.mark.django_db
def test_the_newsletter_form_still_subscribes_while_the_cache_is_down(redis_down):
    response = Client(raise_request_exception=True).post(
        "/en/newsletter/subscribe/",
        {"email": "reader@example.org", "languages": "en", "consent": "on"},
    )

    assert response.status_code == 302


def test_a_cache_failure_is_logged(redis_down, caplog):
    from cms.core.cache import ResilientRedisCacheClient

    ResilientRedisCacheClient.last_warning = 0.0
    with caplog.at_level(logging.WARNING, logger="cms.core.cache"):
        cache.set("key", "value")

    assert "Redis cache unavailable" in caplog.text
