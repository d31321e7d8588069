"""The reader's search page answers any query with a page, never a server error."""

import pytest
from django.utils.html import escape

from articles.models import ArticlePage

HOSTILE_QUERIES = [
    '"',
    "'",
    "*",
    "(",
    '"unclosed',
    "AND",
    "OR NOT",
    "NEAR(a b)",
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
@pytest.mark.parametrize("page", ["1", "-1", "abc", "999999"])
def test_any_query_gets_a_normal_page(client, query, page):
    response = client.get("/en/search/", {"q": query, "page": page})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert '<meta name="robots" content="noindex">' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
def test_search_finds_a_story_of_the_reader_language_only(client, language):
    article = ArticlePage.objects.live().get(
        locale__language_code=language, slug="novosibirsk-rail-container-hub"
    )
    word = article.title.split()[1]

    response = client.get(f"/{language}/search/", {"q": word})

    results = list(response.context["page_of_results"])
    assert article.pk in [result.pk for result in results]
    assert all(result.locale.language_code == language for result in results)
    assert escape(article.title) in response.text
