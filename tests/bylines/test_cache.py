"""An author's new name reaches every card and story page kept in the cache."""

import pytest

from articles.models import ArticlePage

from .conftest import CO_SIGNED, author, story


@pytest.fixture(params=["page cache off", "page cache on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_ENABLED = request.param == "page cache on"


@pytest.mark.django_db
def test_a_renamed_author_shows_on_the_next_read(client, page_cache):
    page = story(ArticlePage, "en", CO_SIGNED)
    urls = [page.url, "/en/categories/economics/", "/en/authors/marina-volkova/"]
    for url in urls:
        assert "Marina Volkova" in client.get(url).content.decode()

    marina = author("en", "marina-volkova")
    marina.name = "Marina Volkova-Serrano"
    marina.save()

    for url in urls:
        assert "Marina Volkova-Serrano" in client.get(url).content.decode(), url
