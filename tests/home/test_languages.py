"""Readers get their language: address prefix, lang/dir, hreflang, switcher and formats."""

import re

import pytest
from django.utils.html import escape

from articles.models import ArticlePage
from cms.core.formatting import format_published

LANGUAGES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]
RTL = {"ar", "fa"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "accept,expected",
    [
        ("fa-IR,fa;q=0.9,en;q=0.5", "/fa/"),
        ("pt-BR,pt;q=0.9", "/pt/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("am-ET", "/am/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_picks_the_reader_language_and_falls_back_to_english(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_home_declares_language_direction_and_alternates(client, language):
    response = client.get(f"/{language}/")
    html = response.text

    direction = "rtl" if language in RTL else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["x-default"] == "http://testserver/en/"
    assert alternates["ru"] == "http://testserver/ru/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_home_shows_dates_in_its_locale_format(client, language):
    newest = (
        ArticlePage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-first_published_at")
        .first()
    )
    response = client.get(f"/{language}/")
    assert format_published(newest.first_published_at, language) in response.text


@pytest.mark.django_db
def test_persian_pages_write_persian_digits(client):
    newest = (
        ArticlePage.objects.live().filter(locale__language_code="fa").latest("first_published_at")
    )
    shown = format_published(newest.first_published_at, "fa")
    assert re.search("[۰-۹]", shown) and not re.search("[0-9]", shown)
    assert shown in client.get("/fa/").text


@pytest.mark.django_db
def test_switcher_links_each_translation_of_an_article(client):
    article = ArticlePage.objects.get(
        locale__language_code="en", slug="novosibirsk-rail-container-hub"
    )
    response = client.get(article.url)
    links = dict(re.findall(r'<a href="([^"]+)" lang="([^"]+)"', response.text))
    by_language = {language: url for url, language in links.items()}
    assert by_language == {
        language: f"/{language}/news/novosibirsk-rail-container-hub/" for language in LANGUAGES
    }


@pytest.mark.django_db
def test_switcher_sends_to_the_locale_home_where_no_translation_exists(client):
    untranslated = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(
            translation_key__in=ArticlePage.objects.filter(locale__language_code="ru").values(
                "translation_key"
            )
        )
        .first()
    )
    response = client.get(untranslated.url)
    by_language = {
        language: url
        for url, language in re.findall(r'<a href="([^"]+)" lang="([^"]+)"', response.text)
    }
    assert by_language["ru"] == "/ru/"
    assert by_language["en"] == untranslated.url
    hreflangs = re.findall(r'hreflang="([^"]+)" href', response.text)
    assert "ru" not in hreflangs  # no alternate where the page is not translated


@pytest.mark.django_db
def test_category_listing_alternates_point_to_the_same_listing(client):
    response = client.get("/ar/categories/economics/")
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text)
    )
    assert alternates["ru"] == "http://testserver/ru/categories/economics/"
    assert escape("اقتصاد") in response.text
