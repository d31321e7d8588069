"""Property-based: whatever a reader or a script sends, search answers 2xx or 4xx, never 5xx."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LANGUAGES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]
ENDPOINTS = ["", "results.json", "suggest.json"]
# Query syntax of every engine we might sit on, mixed into arbitrary text.
SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "(",
        ")",
        ":",
        "^",
        "-",
        "+",
        "~",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "\\",
        "%",
        "_",
        ";",
        "--",
        "/*",
        "{",
        "}",
        "[",
        "]",
        "&",
        "|",
        "!",
        "<->",
        ":*",
        "\x00",
        "\u200c",
    ]
)
QUERY = st.lists(st.one_of(st.text(max_size=30), SYNTAX), max_size=12).map("".join)
PARAMETER = st.one_of(st.text(max_size=12), st.integers().map(str), st.sampled_from(["", "0"]))

hypothesis_settings = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@hypothesis_settings
@given(
    language=st.sampled_from(LANGUAGES),
    endpoint=st.sampled_from(ENDPOINTS),
    query=QUERY,
    extra=st.dictionaries(
        st.sampled_from(["page", "type", "category", "country", "year", "sort", "lang"]),
        PARAMETER,
        max_size=3,
    ),
)
def test_search_never_answers_with_a_server_error(client, language, endpoint, query, extra):
    response = client.get(f"/{language}/search/{endpoint}", {"q": query, **extra})

    assert response.status_code in (200, 400), (query, extra)
    if response.status_code == 400:
        body = response.json()["error"] if endpoint else response.text
        assert body


@pytest.mark.django_db
@hypothesis_settings
@given(query=QUERY)
def test_valid_queries_get_results_pages_with_consistent_counts(client, query):
    data = client.get("/en/search/results.json", {"q": query}).json()

    assert data["total"] >= len(data["results"])
    assert 1 <= data["page"] <= data["pages"]
