"""Anonymous readers get cached pages until something they would see changes; editors never."""

import re
from pathlib import Path

import pytest
import responses
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from articles.models import ArticlePage
from cms.taxonomy.models import Category, Country
from cms.widgets.providers.cbr import CentralBankOfRussia
from cms.widgets.providers.ecb import EuropeanCentralBank
from cms.widgets.refresh import refresh_exchange_rates
from tests.loopback import PurgeRecorder, serving

DATA = Path(__file__).resolve().parents[1] / "data" / "widgets"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def english_article():
    newest = ArticlePage.objects.live().filter(locale__language_code="en")
    return newest.order_by("-first_published_at", "-pk").first()


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def only_the_restriction_read(queries):
    """What a kept page still asks the database: which pages are private now, an answer
    no cache may give (cms/privacy.py)."""
    return len(queries) == 1 and "wagtailcore_pageviewrestriction" in queries[0]["sql"]


@pytest.mark.django_db
def test_second_request_is_served_from_the_cache_asking_only_which_pages_are_private(client):
    url = english_article().url
    first = fetch(client, url)
    with CaptureQueriesContext(connection) as queries:
        second = fetch(client, url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert only_the_restriction_read(queries), [q["sql"] for q in queries]
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db
def test_listing_pages_are_kept_per_page_of_results_and_other_queries_are_not(client):
    section = english_article().get_parent()
    fetch(client, f"{section.url}?page=2")
    assert fetch(client, f"{section.url}?page=2")["X-Page-Cache"] == "hit"
    assert fetch(client, section.url)["X-Page-Cache"] == "miss"
    fetch(client, f"{section.url}?utm_source=x")
    assert "X-Page-Cache" not in fetch(client, f"{section.url}?utm_source=x")


@pytest.mark.django_db
def test_publishing_shows_the_new_version_at_once(client):
    article = english_article()
    fetch(client, article.url)
    article.title = "A headline changed after caching"
    article.save_revision().publish()
    response = fetch(client, article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "A headline changed after caching" in response.content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_page_and_its_listing_card(client):
    article = english_article()
    section_url = article.get_parent().url
    fetch(client, article.url)
    assert article.title in fetch(client, section_url).content.decode()
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert f'href="{article.url}"' not in fetch(client, section_url).content.decode()


@pytest.mark.django_db
def test_feeds_are_kept_until_a_story_of_their_locale_changes(client, settings, purge_server):
    backend = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": backend, "LOCATION": purge_server[0]}}
    article = english_article()
    for url in ("/en/feeds/rss/", "/en/feeds/news/atom/", "/en/news-sitemap.xml"):
        fetch(client, url)
        with CaptureQueriesContext(connection) as queries:
            kept = fetch(client, url)
        assert kept["X-Page-Cache"] == "hit", url
        assert only_the_restriction_read(queries), url
        # Only this cache keeps a feed: the CDN is not told to, as no purge names it.
        assert "s-maxage" not in kept.get("Cache-Control", ""), url
    russian = fetch(client, "/ru/feeds/rss/").content

    article.title = "A headline the partners see at once"
    article.save_revision().publish()

    for url in ("/en/feeds/rss/", "/en/feeds/news/atom/"):
        response = fetch(client, url)
        assert response["X-Page-Cache"] == "miss"
        assert "A headline the partners see at once" in response.content.decode()
    assert fetch(client, "/ru/feeds/rss/")["X-Page-Cache"] == "hit"
    assert fetch(client, "/ru/feeds/rss/").content == russian


@pytest.mark.django_db
def test_publishing_a_translation_shows_it_to_readers_of_that_language(
    client, locales, django_capture_on_commit_callbacks
):
    russian_page = ArticlePage.objects.live().filter(locale=locales["ru"]).first()
    source_page = russian_page.get_translation(locales["en"])
    fetch(client, russian_page.url)
    assert fetch(client, russian_page.url)["X-Page-Cache"] == "hit"

    source = TranslationSource.objects.get_for_instance(source_page)
    translation = Translation.objects.get(source=source, target_locale=locales["ru"])
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=title.string,
        locale=locales["ru"],
        context=title.context,
        defaults={"data": "Заголовок исправлен переводчиком"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    response = fetch(client, russian_page.url)
    assert "Заголовок исправлен переводчиком" in response.content.decode()


@pytest.mark.django_db
def test_refreshed_widgets_reach_cached_home_pages(client, django_capture_on_commit_callbacks):
    before = fetch(client, "/en/")
    assert fetch(client, "/en/")["X-Page-Cache"] == "hit"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as http:
        http.get(CentralBankOfRussia.url, body=b"", status=503)
        http.get(
            re.compile(re.escape(EuropeanCentralBank.url) + ".*"),
            body=(DATA / "ecb_daily.xml").read_bytes(),
        )
        with django_capture_on_commit_callbacks(execute=True):
            refresh_exchange_rates()
    after = fetch(client, "/en/")
    assert after["X-Page-Cache"] == "miss"
    assert after.content != before.content


@pytest.mark.django_db
def test_editors_are_never_served_or_served_from_cached_pages(admin_client):
    url = english_article().url
    response = fetch(admin_client, url)
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in fetch(admin_client, url)
    admin_client.logout()
    assert fetch(admin_client, url)["X-Page-Cache"] == "miss"


@pytest.fixture
def purge_server():
    PurgeRecorder.purged = []
    with serving(PurgeRecorder) as server:
        yield server.url, PurgeRecorder.purged


@pytest.mark.django_db
def test_publishing_sends_the_same_addresses_to_the_front_end_cache(settings, purge_server):
    location, purged = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    article = english_article()
    article.title = "A headline for the CDN"
    article.save_revision().publish()
    paths = {path for _host, path in purged}
    assert article.url in paths
    assert article.get_parent().url in paths
    assert "/en/" in paths and "/ru/" in paths


def use_purge_server(settings, location):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }


@pytest.mark.django_db
def test_an_image_changed_or_deleted_is_purged_where_it_shows(
    settings, purge_server, django_capture_on_commit_callbacks
):
    """A photo withdrawn (for its rights, say) leaves the CDN at once, not in an hour."""
    location, purged = purge_server
    use_purge_server(settings, location)
    # An image of the test's own: deleting one removes its files, which a rollback keeps
    # deleted, and the demo's are shared by the whole suite.
    image = get_image_model().objects.create(title="Withdrawn", file=get_test_image_file())
    article = english_article()
    article.hero_image = image
    article.save()

    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    paths = {path for _host, path in purged}
    assert article.url in paths
    assert article.get_parent().url in paths and "/en/" in paths and "/am/" in paths

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert article.url in {path for _host, path in purged}


@pytest.mark.django_db
def test_an_image_no_page_shows_purges_nothing(
    settings, purge_server, django_capture_on_commit_callbacks
):
    location, purged = purge_server
    use_purge_server(settings, location)
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(title="Unused", file=get_test_image_file())
        image.title = "Still unused"
        image.save()
        image.delete()

    assert purged == []


@pytest.mark.django_db
def test_a_renamed_category_or_country_is_purged_from_its_listing_and_the_home_pages(
    settings, purge_server, django_capture_on_commit_callbacks
):
    location, purged = purge_server
    use_purge_server(settings, location)
    category = Category.objects.get(locale__language_code="pt", slug="economics")
    country = Country.objects.get(locale__language_code="ru", code="BR")

    with django_capture_on_commit_callbacks(execute=True):
        category.name = "Economia e finanças"
        category.save()
    paths = {path for _host, path in purged}
    assert {"/pt/categories/economics/", "/pt/", "/en/", "/zh-hans/"} <= paths
    assert not any("/categories/" in path for path in paths - {"/pt/categories/economics/"})

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        country.name = "Бразилия (Федеративная Республика)"
        country.save()
    assert {"/ru/countries/br/", "/ru/", "/ar/"} <= {path for _host, path in purged}
