"""The sitemap lists every live page of every locale, each with all its live translations."""

from datetime import datetime
from urllib.parse import urlparse

import pytest

from articles.models import ArticlePage
from cms.distribution.sitemaps import LocaleSitemap
from tests.distribution.conftest import (
    LANGUAGES,
    ORIGIN,
    SITEMAP_NS,
    full_url,
    live_pages,
    parse_xml,
    sitemap_entries,
)


def expected_alternates(page):
    """hreflang -> address for each live translation of the page, from the database."""
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    expected = {other.locale.language_code: full_url(other) for other in translations}
    if "en" in expected:
        expected["x-default"] = expected["en"]
    return expected


@pytest.mark.django_db
def test_the_sitemap_lists_every_live_public_page_of_every_locale(client):
    entries = sitemap_entries(client)

    assert set(entries) == {full_url(page) for page in live_pages()}
    assert {urlparse(location).path.split("/")[1] for location in entries} == set(LANGUAGES)


@pytest.mark.django_db
def test_hreflang_links_name_every_live_translation_and_no_draft(client, locales):
    article = next(
        page
        for page in ArticlePage.objects.live().filter(locale=locales["en"])
        if page.get_translations().live().count() == len(LANGUAGES) - 1
    )
    draft = article.get_translation(locales["fa"])
    draft.unpublish()

    entries = sitemap_entries(client)

    expected = expected_alternates(article)
    assert set(expected) == set(LANGUAGES) - {"fa"} | {"x-default"}
    assert expected["x-default"] == full_url(article)
    for page in article.get_translations(inclusive=True).live():
        assert entries[full_url(page)] == expected
    assert full_url(draft) not in entries


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["am", "zh-hans"])
def test_hreflang_links_match_the_database_for_every_page_of_a_locale(client, language):
    entries = sitemap_entries(client)
    pages = live_pages().filter(locale__language_code=language)

    assert pages
    for page in pages:
        assert entries[full_url(page)] == expected_alternates(page), page.url


@pytest.mark.django_db
def test_lastmod_is_when_the_page_was_last_published(client):
    urlset = parse_xml(client, "/sitemap-pt.xml")
    by_url = {full_url(page): page for page in live_pages().filter(locale__language_code="pt")}
    for url in urlset.findall("sm:url", SITEMAP_NS):
        page = by_url[url.find("sm:loc", SITEMAP_NS).text]
        lastmod = datetime.fromisoformat(url.find("sm:lastmod", SITEMAP_NS).text)
        assert lastmod == page.last_published_at


@pytest.mark.django_db
def test_a_large_locale_is_split_into_numbered_sitemap_pages(client, monkeypatch):
    monkeypatch.setattr(LocaleSitemap, "limit", 7)
    index = parse_xml(client, "/sitemap.xml")
    sections = [loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]

    assert f"{ORIGIN}/sitemap-en.xml?p=2" in sections
    assert set(sitemap_entries(client)) == {full_url(page) for page in live_pages()}
    assert client.get("/sitemap-en.xml?p=999").status_code == 404
    assert client.get("/sitemap-en.xml?p=abc").status_code == 404
    assert client.get("/sitemap-xx.xml").status_code == 404


def index_lastmods(client):
    index = parse_xml(client, "/sitemap.xml")
    return {
        entry.find("sm:loc", SITEMAP_NS).text: entry.find("sm:lastmod", SITEMAP_NS).text
        for entry in index.findall("sm:sitemap", SITEMAP_NS)
    }


@pytest.mark.django_db
def test_the_index_is_kept_until_a_page_is_published(client, django_assert_max_num_queries):
    before = index_lastmods(client)
    # The archive is not counted again: only which pages are private is read.
    with django_assert_max_num_queries(1):
        assert index_lastmods(client) == before

    article = ArticlePage.objects.live().filter(locale__language_code="pt").first()
    article.save_revision().publish()

    after = index_lastmods(client)
    assert after[f"{ORIGIN}/sitemap-pt.xml"] > before[f"{ORIGIN}/sitemap-pt.xml"]
    assert after[f"{ORIGIN}/sitemap-en.xml"] == before[f"{ORIGIN}/sitemap-en.xml"]
