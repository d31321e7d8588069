"""Every page of the demo newsroom answers in every locale, in that locale's language."""

import pytest
from django.utils.html import escape
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage
from interviews.models import InterviewIndexPage, InterviewPage
from partners.models import PartnerIndexPage, PartnerPage

PAGE_TYPES = [
    HomePage,
    ArticleIndexPage,
    ArticlePage,
    InterviewIndexPage,
    InterviewPage,
    PartnerIndexPage,
    PartnerPage,
]
LANGUAGES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_answers_in_every_locale(client, language, page_type):
    page = page_type.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"the demo has no live {page_type.__name__} in {language}"

    response = client.get(page.url)

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert escape(page.title) in response.text


@pytest.mark.django_db
def test_every_live_demo_page_answers_200(client):
    failures = [
        (page.url, status)
        for page in Page.objects.live().filter(depth__gt=1)
        if (status := client.get(page.url).status_code) != 200
    ]
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("language,direction", [("ar", "rtl"), ("fa", "rtl"), ("en", "ltr")])
def test_home_declares_text_direction(client, language, direction):
    response = client.get(f"/{language}/")
    assert f'dir="{direction}"' in response.text


@pytest.mark.django_db
def test_root_sends_reader_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,text",
    [("/en/news/no-such-article/", "Page not found"), ("/ru/nope/", "Страница не найдена")],
)
def test_unknown_page_is_404_in_the_reader_language(client, url, text):
    response = client.get(url)
    assert response.status_code == 404
    assert text in response.content.decode()
