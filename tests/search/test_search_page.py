"""The reader's search page: any query gets a normal page, with facets, picks and pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from articles.models import ArticlePage

HOSTILE_QUERIES = [
    '"',
    "'",
    "*",
    "(",
    ")",
    '"unclosed',
    "AND",
    "OR NOT",
    "NEAR(a b)",
    "title: x",
    "^x",
    "a* b*",
    "\x00",
    "a\x00b",
    "\u202eevil",
    "'; DROP TABLE wagtailcore_page;--",
    "😀",
    "中国 россия",
    "x" * 10_000,
    " ",
    "",
    "<script>alert(1)</script>",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=lambda q: repr(q[:20]))
@pytest.mark.parametrize("page", ["1", "-1", "abc", "999999", str(10**30)])
def test_any_query_gets_a_normal_page(client, query, page):
    response = client.get("/en/search/", {"q": query, "page": page})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    data = client.get("/en/search/results.json", {"q": query, "page": page}).json()
    assert data["page"] <= data["pages"]


@pytest.mark.django_db
def test_a_long_query_is_searched_with_a_notice(client):
    response = client.get("/en/search/", {"q": "port " * 1000})

    assert response.status_code == 200
    assert "Only the first 200 characters were searched." in response.text


@pytest.mark.django_db
def test_results_page_shows_highlighted_results_facets_and_pages(client):
    response = client.get("/en/search/", {"q": "China"})

    assert response.status_code == 200
    text = response.text
    assert "results for “China”" in text
    assert "<mark>China</mark>" in text
    assert 'class="search-facets"' in text
    assert "?q=China&amp;type=article" in text
    assert 'rel="next"' in text


@pytest.mark.django_db
def test_a_chosen_facet_links_back_to_all_results(client):
    response = client.get("/en/search/", {"q": "China", "type": "interview"})

    assert 'aria-current="true"' in response.text
    assert 'href="?q=China"' in response.text


@pytest.mark.django_db
def test_a_page_past_the_end_shows_the_last_page(client):
    data = client.get("/en/search/results.json", {"q": "China"}).json()

    last = client.get("/en/search/results.json", {"q": "China", "page": 500}).json()

    assert last["page"] == data["pages"]
    assert last["results"]


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_number_of_results(client):
    def queries(query):
        with CaptureQueriesContext(connection) as context:
            data = client.get("/en/search/results.json", {"q": query}).json()
        return len(context.captured_queries), data["total"]

    queries("China")  # the site root and routes of result URLs are cached after one search
    many, many_total = queries("China")
    few, few_total = queries("Novosibirsk terminal")

    assert many_total > 12 > few_total > 0
    assert many == few


@pytest.mark.django_db
def test_editors_picks_are_shown_in_the_reader_language(client):
    english = ArticlePage.objects.get(
        locale__language_code="en", slug="novosibirsk-rail-container-hub"
    )
    russian = english.get_translation(english.locale.__class__.objects.get(language_code="ru"))
    SearchPromotion.objects.create(
        query=Query.get("containers"), page=english, sort_order=0, description="Our series"
    )

    ru = client.get("/ru/search/results.json", {"q": "Containers"}).json()
    en_page = client.get("/en/search/", {"q": "containers"})

    assert ru["promotions"] == [
        {"title": russian.title, "url": russian.url, "description": "Our series"}
    ]
    assert "Editors’ picks" in en_page.text
    assert english.title in en_page.text
