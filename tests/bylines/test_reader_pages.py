"""Readers see who signs a story on its page and its cards, and each author has a page of
their stories in every language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from interviews.models import InterviewPage

from .conftest import AGENCY_CREDITED, CO_SIGNED, SIGNED_INTERVIEW, author, signed_by, story

BYLINE = re.compile(r'<p class="story__byline">(.*?)</p>', re.S)
CARD_LINKS = re.compile(r'<h3 class="story-card__title"><a href="([^"]+)"')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "en",
            'By <a href="/en/authors/marina-volkova/">Marina Volkova</a>, '
            '<a href="/en/authors/li-wenjing/">Li Wenjing</a>',
        ),
        (
            "ru",
            'Авторы: <a href="/ru/authors/marina-volkova/">Марина Волкова</a>, '
            '<a href="/ru/authors/li-wenjing/">Ли Вэньцзин</a>',
        ),
        (
            "ar",
            'بقلم <a href="/ar/authors/marina-volkova/">مارينا فولكوفا</a>، '
            '<a href="/ar/authors/li-wenjing/">لي ون جينغ</a>',
        ),
    ],
)
def test_a_story_page_names_its_authors_in_order_in_its_language(client, language, expected):
    page = story(ArticlePage, language, CO_SIGNED)

    html = client.get(page.url).content.decode()

    assert BYLINE.findall(html) == [expected]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, expected",
    [("en", "By Marina Volkova, Li Wenjing"), ("ru", "Авторы: Марина Волкова, Ли Вэньцзин")],
)
def test_a_card_names_its_storys_authors(client, language, expected):
    html = client.get(f"/{language}/categories/economics/").content.decode()

    assert f'<p class="story-card__authors">{expected}</p>' in html


@pytest.mark.django_db
def test_an_interview_is_signed_by_its_author_besides_naming_its_interviewee(client):
    interview = story(InterviewPage, "ru", SIGNED_INTERVIEW)

    html = client.get(interview.url).content.decode()

    assert BYLINE.findall(html) == [
        'Автор: <a href="/ru/authors/marina-volkova/">Марина Волкова</a>'
    ]
    assert interview.full_byline in html


@pytest.mark.django_db
def test_an_agency_credit_signs_a_story_instead_of_persons(client):
    page = story(ArticlePage, "ar", AGENCY_CREDITED)

    html = client.get(page.url).content.decode()

    assert BYLINE.findall(html) == [
        'بقلم <a href="/ar/authors/deccan-wire-service/">Deccan Wire Service</a>'
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans"])
def test_an_author_page_lists_only_their_stories_a_page_at_a_time(client, settings, language):
    settings.NEWSROOM_PAGE_SIZE = 2
    marina = author(language, "marina-volkova")
    expected = [page.url for page in signed_by(language, marina)]
    assert len(expected) > 2  # more than one page of them

    listed, number = [], 1
    while True:
        response = client.get(f"/{language}/authors/marina-volkova/?page={number}")
        html = response.content.decode()
        assert response.status_code == 200
        assert f"<h1>{marina.name}</h1>" in html and marina.role in html and marina.bio in html
        listed += CARD_LINKS.findall(html)
        if 'rel="next"' not in html:
            break
        number += 1

    assert listed == expected
    assert number == (len(expected) + 1) // 2


@pytest.mark.django_db
def test_the_same_author_page_exists_in_each_language_and_the_switcher_links_them(client):
    html = client.get("/ru/authors/li-wenjing/").content.decode()

    assert "<h1>Ли Вэньцзин</h1>" in html
    assert 'href="/en/authors/li-wenjing/"' in html and 'href="/ar/authors/li-wenjing/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/authors/nobody/", "/en/authors/marina-volkova/extra/", "/en/authors/%D0%B0/"]
)
def test_an_unknown_author_is_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_an_author_page_costs_a_fixed_number_of_queries(client):
    assert client.get("/en/no-such-page/").status_code == 404  # the site's facts, as pages

    with CaptureQueriesContext(connection) as first:
        assert client.get("/en/authors/marina-volkova/").status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert client.get("/en/authors/marina-volkova/").status_code == 200

    # Pinned at what it costs: as a category listing, plus the author and their photo.
    assert len(first) <= 16, [query["sql"][:150] for query in first]
    assert len(again) <= len(first)
