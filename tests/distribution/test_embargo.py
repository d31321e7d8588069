"""Scheduled stories stay out of feeds and sitemaps until the scheduler publishes them."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from tests.distribution.conftest import (
    add_article,
    full_url,
    parse_feed,
    parse_xml,
    sitemap_entries,
)

FEEDS = ["/en/feeds/rss/", "/en/feeds/atom/", "/en/feeds/news/rss/", "/en/feeds/news/atom/"]


def places_listing(client, page):
    """Where the page is listed: each feed, the sitemap, the news sitemap."""
    url = full_url(page)
    found = {feed for feed in FEEDS if url in [e.link for e in parse_feed(client, feed).entries]}
    if url in sitemap_entries(client):
        found.add("sitemap")
    news = parse_xml(client, "/en/news-sitemap.xml")
    if url in [loc.text for loc in news.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]:
        found.add("news sitemap")
    return found


EVERYWHERE = set(FEEDS) | {"sitemap", "news sitemap"}


def run_scheduler(callbacks):
    with callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)


@pytest.mark.django_db
def test_a_scheduled_article_appears_only_once_the_scheduler_publishes_it(
    client, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + timedelta(hours=2)
    article = add_article(live=False, first_published_at=None, go_live_at=go_live)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live and article.go_live_at == go_live

    assert places_listing(client, article) == set()
    run_scheduler(django_capture_on_commit_callbacks)  # not yet its time
    assert places_listing(client, article) == set()

    with time_machine.travel(go_live + timedelta(minutes=1)):
        run_scheduler(django_capture_on_commit_callbacks)
        assert places_listing(client, article) == EVERYWHERE


@pytest.mark.django_db
def test_an_expired_or_unpublished_article_leaves_feeds_and_sitemaps(
    client, django_capture_on_commit_callbacks
):
    expire = timezone.now() + timedelta(hours=1)
    expiring = add_article(first_published_at=timezone.now(), expire_at=expire)
    unpublished = add_article(first_published_at=timezone.now())
    assert places_listing(client, expiring) == EVERYWHERE

    unpublished.unpublish()
    assert places_listing(client, unpublished) == set()

    with time_machine.travel(expire + timedelta(minutes=1)):
        run_scheduler(django_capture_on_commit_callbacks)
        expiring.refresh_from_db()
        assert expiring.expired and not expiring.live
        assert places_listing(client, expiring) == set()
