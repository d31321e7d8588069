"""Whatever a client sends, the API answers 400 with a message, never a server error."""

import pytest

BAD_PARAMETERS = {
    "pages": [
        "category=",
        "category=no-such-category",
        "category=%00",
        "category=economics%27--",
        "country=ZZZ",
        "country=zz",
        "country=",
        "country=%D0%AF%D0%AF",
        "limit=-1",
        "limit=abc",
        "limit=1000",
        "offset=abc",
        "offset=-5",
        "locale=xx",
        "locale=",
        "locale=%00",
        "type=nonsense.Model",
        "type=taxonomy.Category",
        "type=articles",
        "fields=*,-id,nonexistent",
        "fields=body",
        "fields=category(nonexistent)",
        "fields=title(id)",
        "fields=(",
        "order=bogus",
        "order=random&offset=2",
        "child_of=abc",
        "child_of=999999",
        "descendant_of=-1",
        "ancestor_of=abc",
        "translation_of=abc",
        "first_published_at=yesterday",
        "type=articles.ArticlePage&last_published_at=2024-13-45",
        "type=interviews.InterviewPage&duration_seconds=long",
        "type=articles.ArticlePage&hero_image=abc",
        "id=abc",
        "slug=%00",
        "unknown=1",
        "rich_text_format=rtf",
        "site=%00",
        "site=nowhere.example",
        "format=xml",
        # Wagtail's database search answers these with a server error.
        "search=%00",
        "search=%22",
        "search=%E2%80%A8",
        "search=port&search_operator=xor",
    ],
    "images": [
        "locale=xx",
        "limit=-1",
        "order=bogus",
        "fields=nonexistent",
        "width=abc",
        "search=%22",
        "format=yaml",
    ],
    "categories": ["locale=xx", "search=economy", "order=bogus", "id=abc", "slug=%00"],
    "countries": ["locale=", "is_member=maybe", "code=%00", "fields=flag", "limit=x"],
}
# "²" is a digit to str.isdigit() but not to int().
BAD_PARAMETERS["pages/find"] = ["id=abc", "id=%00", "id=-1", "id=%C2%B2", "html_path=/en/%00"]
CASES = [(endpoint, query) for endpoint, queries in BAD_PARAMETERS.items() for query in queries]


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "query"), CASES)
def test_a_bad_parameter_is_a_400_with_a_message(client, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/?{query}")

    assert response.status_code == 400, response.content
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "search=port&category=economics&locale=en",
        "search=%22unterminated",
        "search=a%22b%22%20OR%20(",
        "search=%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80",
        "search=" + "x" * 5000,
        "type=",
    ],
)
def test_odd_but_valid_queries_do_not_fail(client, query):
    assert client.get(f"/api/v2/pages/?{query}").status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "pages/0/",
        "pages/99999999/",
        "images/99999999/",
        "countries/0/",
        "pages/find/?html_path=/en/no-such-page/",
        "categories/find/?id=99999999",
        # Not the API's addresses: still JSON, not a redirect to the site's /en/ pages.
        "pages/-1/",
        "pages/abc/",
        "no-such-endpoint/",
    ],
)
def test_a_missing_object_is_a_404(client, path):
    response = client.get(f"/api/v2/{path}")

    assert response.status_code == 404
    assert response.json()["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "categories", "countries"])
def test_an_offset_past_the_end_lists_nothing_however_large(client, endpoint):
    # Past 64 bits the database itself refuses the offset (found by schemathesis).
    response = client.get(f"/api/v2/{endpoint}/?offset=100000000000000000000")

    assert response.status_code == 200
    assert response.json()["items"] == []
    assert response.json()["meta"]["total_count"] > 0
