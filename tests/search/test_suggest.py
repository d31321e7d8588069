"""Suggestions as the reader types: titles of their language starting with those letters."""

import pytest

from articles.models import ArticlePage


def suggest(client, language, query, **params):
    response = client.get(f"/{language}/search/suggest.json", {"q": query, **params})
    assert response.status_code == 200
    return response.json()["suggestions"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language,typed",
    [
        ("en", "Novosib"),
        ("ru", "Новосиб"),
        ("zh-hans", "集装"),
        ("ar", "نوفوسيب"),
        ("pt", "ferrov"),
    ],
)
def test_suggestions_complete_the_word_being_typed(client, language, typed):
    expected = ArticlePage.objects.get(
        locale__language_code=language, slug="novosibirsk-rail-container-hub"
    )

    suggestions = suggest(client, language, typed)

    assert expected.title in [suggestion["title"] for suggestion in suggestions]
    assert all(f"/{language}/" in suggestion["url"] for suggestion in suggestions)
    assert len(suggestions) <= 8


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["", "N", " ", '"', "*", "\x00", "😀", "x" * 5000])
def test_too_little_or_odd_input_gives_no_suggestions_and_no_error(client, typed):
    suggestions = suggest(client, "en", typed)

    assert isinstance(suggestions, list)
