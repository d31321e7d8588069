"""Feeds and sitemaps cost the same number of queries whatever the number of stories."""

import pytest
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from articles.models import ArticlePage
from cms.taxonomy.models import Category, Country
from tests.distribution.conftest import add_article, count_queries, full_url, parse_feed

# Every address first reads which pages are private (once per request, never from a cache:
# cms/privacy.py). A feed: its stories (one query per story type), their
# country links, the articles' notes, every picture (heroes and those in the text) with
# its renditions, the pages the text links to; a category or country feed reads that row
# too. The sitemap index (one COUNT and MAX per locale) is kept until a page changes: warm,
# it costs nothing more.
QUERY_BUDGETS = {
    "/pt/feeds/rss/": 10,
    "/pt/feeds/atom/": 10,
    "/pt/feeds/news/rss/": 9,
    "category feed": 11,
    "/pt/feeds/countries/br/rss/": 10,
    "/pt/news-sitemap.xml": 2,
    "/sitemap.xml": 1,
    "/sitemap-pt.xml": 5,
    "/robots.txt": 2,
}


def rich_body(linked, image):
    """A body using every block the feed resolves: links, pictures, related stories."""
    return [
        ("paragraph", RichText(f'<p>As <a linktype="page" id="{linked.pk}">reported</a>.</p>')),
        ("image", {"image": image, "caption": "Cranes at dusk", "credit": "iStock"}),
        ("quote", {"text": "Trains leave on time.", "attribution": "An operator"}),
        ("related_link", {"page": linked, "url": "", "title": ""}),
        ("embed", {"embed": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": ""}),
    ]


@pytest.fixture
def add_rich_articles(locales):
    portuguese = locales["pt"]
    translated = ArticlePage.objects.live().filter(locale=portuguese).values("translation_key")
    linked = ArticlePage.objects.live().filter(
        locale__language_code="en", translation_key__in=translated
    )[0]
    image = get_image_model().objects.first()
    fields = {
        "category": Category.objects.filter(locale=portuguese).first(),
        "countries": [Country.objects.get(code="BR", locale=portuguese)],
        "hero_image": image,
    }

    def add(count):
        for _ in range(count):
            add_article("pt", body=rich_body(linked, image), **fields)

    add.category, add.linked = fields["category"], linked
    return add


@pytest.mark.django_db
def test_feed_and_sitemap_queries_do_not_grow_with_the_stories(client, add_rich_articles):
    urls = [
        "/pt/feeds/rss/",
        "/pt/feeds/atom/",
        "/pt/feeds/news/rss/",
        f"/pt/feeds/categories/{add_rich_articles.category.slug}/atom/",
        "/pt/feeds/countries/br/rss/",
        "/pt/news-sitemap.xml",
        "/sitemap.xml",
        "/sitemap-pt.xml",
        "/robots.txt",
    ]
    add_rich_articles(2)
    at_two = {url: count_queries(client, url) for url in urls}
    add_rich_articles(20)
    at_twenty_two = {url: count_queries(client, url) for url in urls}

    assert at_twenty_two == at_two
    budgets = {url: QUERY_BUDGETS.get(url, QUERY_BUDGETS["category feed"]) for url in urls}
    assert {url: count for url, count in at_two.items() if count > budgets[url]} == {}, at_two


@pytest.mark.django_db
def test_links_in_the_full_text_lead_to_the_story_in_the_feed_language(
    client, add_rich_articles, locales
):
    add_rich_articles(1)
    translated = add_rich_articles.linked.get_translation(locales["pt"])
    content = parse_feed(client, "/pt/feeds/rss/").entries[0].content[0].value

    assert f'<a href="{full_url(translated)}">reported</a>' in content
    assert f'<a href="{full_url(translated)}">{translated.title}</a>' in content
    assert 'src="http://testserver/media/images/' in content
    assert "Trains leave on time." in content
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in content
