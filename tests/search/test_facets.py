"""Facets count what the results hold, and each filter narrows to exactly its count."""

from collections import Counter

import pytest
from wagtail.models import Page

from articles.models import ArticlePage
from interviews.models import InterviewPage
from partners.models import PartnerPage


def search(client, **params):
    response = client.get("/en/search/results.json", params)
    assert response.status_code == 200, response.content
    return response.json()


def every_result_id(client, **params):
    first = search(client, **params)
    ids = [result["id"] for result in first["results"]]
    for number in range(2, first["pages"] + 1):
        ids += [result["id"] for result in search(client, page=number, **params)["results"]]
    return first, ids


def database_counts(ids):
    """Facet counts computed from the pages themselves, not from the search index."""
    kinds, categories, countries, years = Counter(), Counter(), Counter(), Counter()
    for page in Page.objects.filter(pk__in=ids).specific():
        kinds[
            {ArticlePage: "article", InterviewPage: "interview", PartnerPage: "partner"}[
                type(page)
            ]
        ] += 1
        if isinstance(page, PartnerPage):
            countries[page.country.code] += 1
        else:
            years[page.first_published_at.year] += 1
            if page.category:
                categories[page.category.slug] += 1
            for link in page.country_links.all():
                countries[link.country.code] += 1
    return {"type": kinds, "category": categories, "country": countries, "year": years}


def facet_counts(data):
    return {
        name: Counter({entry["value"]: entry["count"] for entry in entries})
        for name, entries in data["facets"].items()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["port", "China", "trade"])
def test_facet_counts_equal_the_database_counts_of_the_results(client, query):
    data, ids = every_result_id(client, q=query)

    assert len(ids) == len(set(ids)) == data["total"] > 0
    expected = database_counts(ids)
    counts = facet_counts(data)
    assert counts["type"] == expected["type"]
    assert counts["category"] == expected["category"]
    assert counts["country"] == expected["country"]
    assert counts["year"] == expected["year"]


@pytest.mark.django_db
def test_each_facet_value_filters_to_exactly_its_count(client):
    data = search(client, q="China")

    for name, entries in data["facets"].items():
        for entry in entries:
            narrowed = search(client, q="China", **{name: entry["value"]})
            assert narrowed["total"] == entry["count"], (name, entry)
            assert narrowed["filters"][name] == entry["value"]


@pytest.mark.django_db
def test_sort_by_date_puts_the_newest_first(client):
    data, ids = every_result_id(client, q="China", sort="date")

    dates = [
        result["published_at"] for result in data["results"] if result["published_at"] is not None
    ]
    assert dates == sorted(dates, reverse=True)
    by_relevance = every_result_id(client, q="China")[1]
    assert sorted(ids) == sorted(by_relevance)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params,message",
    [
        ({"type": "video"}, "Unknown type"),
        ({"category": "no-such-category"}, "Unknown category"),
        ({"country": "XX"}, "Unknown country"),
        ({"year": "last"}, "not a valid year"),
        ({"year": "99999"}, "not a valid year"),
        ({"sort": "random"}, "Unknown sort"),
    ],
)
def test_bad_filters_get_a_400_that_says_why(client, params, message):
    json_response = client.get("/en/search/results.json", {"q": "China", **params})
    page_response = client.get("/en/search/", {"q": "China", **params})

    assert json_response.status_code == 400
    assert message in json_response.json()["error"]
    assert page_response.status_code == 400
    assert message in page_response.text
