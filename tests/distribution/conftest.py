"""Helpers for the feed and sitemap tests: articles built as editors build them, and parsers."""

import itertools
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category, PageCountry

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ORIGIN = "http://testserver"
_numbers = itertools.count(1)


def news_section(language):
    return ArticleIndexPage.objects.filter(locale__language_code=language).order_by("path")[0]


def add_article(language="en", title=None, body=None, live=True, **fields):
    """An article in the language's news section, published unless `live=False`."""
    number = next(_numbers)
    section = news_section(language)
    fields.setdefault("first_published_at", timezone.now() - timedelta(minutes=number))
    fields.setdefault("category", Category.objects.filter(locale=section.locale).first())
    countries = fields.pop("countries", ())
    page = ArticlePage(
        title=title or f"Distribution test article {number}",
        slug=f"distribution-test-{number}",
        lead=fields.pop("lead", f"The lead of distribution test article {number}."),
        body=body or [("paragraph", RichText(f"<p>Body of distribution test {number}.</p>"))],
        country_links=[PageCountry(country=country) for country in countries],
        live=False,
        **fields,
    )
    section.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def full_url(page):
    return ORIGIN + page.url


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def parse_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def sitemap_entries(client):
    """{location: {hreflang: href}} over every section of the sitemap index, every page."""
    index = parse_xml(client, "/sitemap.xml")
    entries = {}
    for loc in index.findall("sm:sitemap/sm:loc", SITEMAP_NS):
        for url in parse_xml(client, loc.text.removeprefix(ORIGIN)).findall("sm:url", SITEMAP_NS):
            location = url.find("sm:loc", SITEMAP_NS).text
            assert location not in entries, f"{location} listed twice"
            entries[location] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", SITEMAP_NS)
            }
    return entries


def live_pages():
    return Page.objects.live().public().exclude(depth=1).select_related("locale")


def count_queries(client, url):
    client.get(url)  # warms renditions and the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
