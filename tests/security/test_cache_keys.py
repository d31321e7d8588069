"""Attack: being served an answer kept for someone or somewhere else.

A kept page must be kept under everything its answer depends on: the language, the host
and scheme it was asked on (its canonical address, OpenGraph and hreflang links are
absolute), the private sections of the moment, and the kind of visitor (an editor with a
session is never served, nor fills, a reader's copy).
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client

from articles.models import ArticlePage


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.ALLOWED_HOSTS = ["localhost", "mirror.example"]


def canonical(response):
    link = BeautifulSoup(response.content, "html.parser").find("link", rel="canonical")
    return link["href"]


def english_article():
    return ArticlePage.objects.live().filter(locale__language_code="en").first()


@pytest.mark.django_db
def test_a_page_kept_for_one_host_is_not_served_to_another(client):
    assert client.get("/en/", HTTP_HOST="localhost")["X-Page-Cache"] == "miss"
    assert client.get("/en/", HTTP_HOST="localhost")["X-Page-Cache"] == "hit"

    mirror = client.get("/en/", HTTP_HOST="mirror.example")

    assert mirror["X-Page-Cache"] == "miss"
    assert canonical(mirror) == "http://mirror.example/en/"
    # Each host keeps its own copy; the first one is still there.
    assert client.get("/en/", HTTP_HOST="mirror.example")["X-Page-Cache"] == "hit"
    assert client.get("/en/", HTTP_HOST="localhost")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_page_kept_for_http_is_not_served_over_https(client):
    url = english_article().url
    client.get(url, HTTP_HOST="localhost")
    assert client.get(url, HTTP_HOST="localhost")["X-Page-Cache"] == "hit"

    secure = Client().get(url, HTTP_HOST="localhost", secure=True)

    assert secure["X-Page-Cache"] == "miss"
    assert canonical(secure) == f"https://localhost{url}"


@pytest.mark.django_db
def test_a_page_kept_in_one_language_is_not_served_in_another(client):
    client.get("/en/", HTTP_HOST="localhost")
    russian = client.get("/ru/", HTTP_HOST="localhost")
    assert russian["X-Page-Cache"] == "miss"
    assert '<html lang="ru"' in russian.content.decode()


@pytest.mark.django_db
def test_an_editor_is_never_served_nor_fills_a_readers_copy(client):
    url = english_article().url
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="editor"))

    first = editor.get(url, HTTP_HOST="localhost")
    assert "X-Page-Cache" not in first
    assert client.get(url, HTTP_HOST="localhost")["X-Page-Cache"] == "miss"
    assert client.get(url, HTTP_HOST="localhost")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in editor.get(url, HTTP_HOST="localhost")
