"""The readers' search on a search cluster (osmem-server, an OpenSearch 3 API), and without one."""

import logging
from collections import Counter

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils.html import escape
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category
from search.engines import database_engine, get_engine
from search.engines.base import SearchRequest
from search.engines.cluster import ClusterEngine, cluster
from search.indexing import remove_pages
from search.models import SearchDocument
from tests.search.conftest import closed_port_url

pytestmark = [pytest.mark.search_cluster, pytest.mark.django_db]

STORY = "novosibirsk-rail-container-hub"
# Words of the Novosibirsk story's title in each language, typed as a reader would: other
# inflections (ru, pt), no shadda (ar: the title writes توسّع), CJK without spaces.
QUERIES = {
    "en": "Novosibirsk container trains",
    "ru": "Новосибирск контейнерные поезда",
    "pt": "terminal ferroviário contêineres",
    "zh-hans": "集装箱",
    "ar": "نوفوسيبيرسك توسع",
    "hi": "नोवोसिबिर्स्क टर्मिनल",
    "fa": "نووسیبیرسک",
    "am": "ተርሚናል",
}
CLUSTER_LOGGER = "search.engines.cluster"
WORD = "Quillostrand"


def story(language):
    return ArticlePage.objects.get(locale__language_code=language, slug=STORY)


def results(client, language, **params):
    response = client.get(f"/{language}/search/results.json", params)
    assert response.status_code == 200, response.content
    return response.json()


def new_article():
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    article = ArticlePage(
        title=f"{WORD} harbour opens to container ships",
        slug="quillostrand-harbour",
        lead="A lead written for the search cluster tests.",
        category=Category.objects.filter(locale=section.locale).first(),
        body=[],
        live=False,
    )
    section.add_child(instance=article)
    return article


def cluster_holds(page_id):
    """Whether the readers' index on the cluster holds a page (asked directly)."""
    client = cluster(settings.SEARCH_URL, settings.SEARCH_BACKEND).client
    query = {"query": {"term": {"page_id": page_id}}}
    return client.count(index=f"{settings.SEARCH_INDEX}-reader", body=query)["count"] == 1


def document_counts(page_ids):
    """Facet counts of these pages' documents, counted by the database."""
    documents = SearchDocument.objects.filter(pk__in=page_ids)
    codes = documents.values_list("country_codes", flat=True)
    countries = [code for listed in codes for code in listed.split()]
    return {
        "kind": dict(Counter(documents.values_list("kind", flat=True))),
        "category": dict(
            Counter(str(key) for key in documents.values_list("category_key", flat=True) if key)
        ),
        "country": dict(Counter(countries)),
        "year": dict(Counter(year for year in documents.values_list("year", flat=True) if year)),
    }


@pytest.mark.parametrize("language", list(QUERIES))
def test_a_query_finds_the_story_in_the_reader_language_only(
    search_cluster, client, caplog, language
):
    with caplog.at_level(logging.WARNING, logger=CLUSTER_LOGGER):
        data = results(client, language, q=QUERIES[language])

    assert story(language).pk in [result["id"] for result in data["results"]]
    assert {result["language"] for result in data["results"]} == {language}
    assert not caplog.records, "the cluster answered, not the database"


def test_all_languages_finds_the_story_in_each_language_that_spells_it_so(search_cluster, client):
    data = results(client, "en", q="Novosibirsk", lang="all")

    found = {result["id"] for result in data["results"]}
    assert {story("en").pk, story("pt").pk} <= found
    assert story("ru").pk not in found


@pytest.mark.parametrize(
    "language,query", [("en", "China"), ("en", "trade"), ("ru", "Китай"), ("zh-hans", "中国")]
)
def test_facet_counts_equal_the_database_counts(search_cluster, locales, language, query):
    request = SearchRequest(query, ((locales[language].pk, language),), limit=500)

    hits = get_engine().search(request)

    assert isinstance(get_engine(), ClusterEngine)
    assert hits.total == len(hits.page_ids) > 0
    assert hits.facets == document_counts(hits.page_ids)
    assert hits.facets == database_engine().search(request).facets
    assert set(hits.page_ids) == set(database_engine().search(request).page_ids)


def test_each_facet_filter_narrows_to_its_count(search_cluster, locales):
    languages = ((locales["en"].pk, "en"),)
    engine = get_engine()
    facets = engine.search(SearchRequest("China", languages)).facets
    filters = {"kind": "kind", "category": "category_key", "country": "country", "year": "year"}

    for facet, field in filters.items():
        for value, count in facets[facet].items():
            narrowed = engine.search(SearchRequest("China", languages, **{field: value}))
            assert narrowed.total == count, (facet, value)


def test_suggestions_come_from_the_title_prefixes_on_the_cluster(search_cluster, client, caplog):
    with caplog.at_level(logging.WARNING, logger=CLUSTER_LOGGER):
        for language, typed in [("en", "Novosib"), ("ru", "Новосиб"), ("zh-hans", "集装")]:
            response = client.get(f"/{language}/search/suggest.json", {"q": typed})
            titles = [suggestion["title"] for suggestion in response.json()["suggestions"]]
            assert story(language).title in titles

    assert not caplog.records


@pytest.mark.parametrize(
    "query", ['"', "*", "AND OR NOT", '{"match_all": {}}', "'; DROP TABLE x;--", "x" * 10_000]
)
def test_odd_queries_reach_the_cluster_as_words(search_cluster, client, caplog, query):
    with caplog.at_level(logging.WARNING, logger=CLUSTER_LOGGER):
        data = results(client, "en", q=query)

    assert data["query"]
    assert not caplog.records, "the cluster took every query"


def test_publishing_indexes_on_the_cluster_and_unpublishing_removes(
    search_cluster, client, django_capture_on_commit_callbacks
):
    article = new_article()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert cluster_holds(article.pk)
    assert [result["id"] for result in results(client, "en", q=WORD)["results"]] == [article.pk]

    article.refresh_from_db()
    article.unpublish()

    assert not cluster_holds(article.pk)
    assert results(client, "en", q=WORD)["results"] == []


def test_wagtail_search_runs_on_the_cluster_and_the_admin_page_search_beside_it(
    search_cluster, admin_client
):
    # Wagtail's backend (images, documents, snippets, the API) is the cluster; the admin's
    # page search answers from the database's title index (search/page_titles.py) still.
    page = story("en")

    found = get_search_backend().search("Novosibirsk", Page)
    response = admin_client.get("/admin/pages/search/", {"q": "Novosibirsk"})

    assert type(get_search_backend()).__module__ == "modelsearch.backends.opensearch3"
    assert page.pk in [result.pk for result in found]
    assert response.status_code == 200
    assert escape(page.title) in response.text


def test_an_unreachable_cluster_leaves_the_database_to_answer(client, caplog):
    with (
        override_settings(SEARCH_URL=closed_port_url(), SEARCH_BACKEND="opensearch"),
        caplog.at_level(logging.WARNING, logger=CLUSTER_LOGGER),
    ):
        data = results(client, "en", q="Novosibirsk container")
        suggestions = client.get("/en/search/suggest.json", {"q": "Novosib"}).json()

    assert story("en").pk in [result["id"] for result in data["results"]]
    assert story("en").title in [item["title"] for item in suggestions["suggestions"]]
    warnings = [record for record in caplog.records if record.name == CLUSTER_LOGGER]
    assert len(warnings) == 2
    assert all(record.levelname == "WARNING" for record in warnings)
    assert "unreachable" in warnings[0].getMessage()


def test_an_unreachable_cluster_does_not_stop_a_page_leaving_search(client, caplog):
    page = story("en")

    with override_settings(SEARCH_URL=closed_port_url(), SEARCH_BACKEND="opensearch"):
        remove_pages([page.pk])
        data = results(client, "en", q="Novosibirsk container")

    assert not SearchDocument.objects.filter(pk=page.pk).exists()
    assert page.pk not in [result["id"] for result in data["results"]]
    assert "stay in its index" in caplog.text


def test_a_cluster_without_the_index_leaves_the_database_to_answer(search_cluster, client, caplog):
    with override_settings(SEARCH_INDEX="never-built"), caplog.at_level(logging.WARNING):
        data = results(client, "en", q="Novosibirsk container")

    assert story("en").pk in [result["id"] for result in data["results"]]
    assert [record.levelname for record in caplog.records if record.name == CLUSTER_LOGGER] == [
        "ERROR"
    ]
