"""Feeds hold the newest live stories of their locale, and only those their address names."""

import html
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import get_language_info
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from cms.taxonomy.models import Category, Country
from home.models import HomePage
from interviews.models import InterviewPage
from tests.distribution.conftest import LANGUAGES, ORIGIN, add_article, full_url, parse_feed

FORMATS = ["rss", "atom"]


def newest(language, models=(ArticlePage, InterviewPage), **filters):
    """What a feed should hold, straight from the database."""
    pages = []
    for model in models:
        found = model.objects.live().public().filter(locale__language_code=language, **filters)
        pages += found.distinct()
    pages.sort(key=lambda page: (page.first_published_at, page.pk), reverse=True)
    return [full_url(page) for page in pages[:50]]


def links(feed):
    return [entry.link for entry in feed.entries]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_locale_feeds_hold_the_newest_live_stories_of_their_locale(client, language):
    expected = newest(language)
    home = HomePage.objects.get(locale__language_code=language)
    for kind in FORMATS:
        feed = parse_feed(client, f"/{language}/feeds/{kind}/")
        assert links(feed) == expected
        assert feed.feed.title == home.title
        assert feed.feed.language == language
        assert feed.feed.link == full_url(home)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORMATS)
def test_an_entry_carries_its_dates_guid_credit_categories_and_hero_image(client, kind):
    feed = parse_feed(client, f"/en/feeds/news/{kind}/")
    entry = feed.entries[0]
    article = next(
        page
        for page in ArticlePage.objects.filter(locale__language_code="en")
        if full_url(page) == entry.link
    )

    assert entry.id == uuid.uuid5(article.translation_key, "en").urn
    assert entry.published_parsed[:6] == article.first_published_at.utctimetuple()[:6]
    assert entry.updated_parsed[:6] == article.last_published_at.utctimetuple()[:6]
    # Signed by its authors (the network signs a story that has none: tests/bylines/).
    assert [author.name for author in entry.authors] == [a.name for a in article.authors]
    assert entry.authors
    assert [tag.term for tag in entry.tags] == [article.category.name] + [
        country.name for country in article.countries
    ]
    (enclosure,) = entry.enclosures
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith(f"{ORIGIN}/media/images/")
    path = Path(settings.MEDIA_ROOT) / enclosure.href.removeprefix(f"{ORIGIN}/media/")
    assert int(enclosure.length) == path.stat().st_size > 0


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORMATS)
def test_entries_carry_the_full_text_with_absolute_links(client, kind):
    feed = parse_feed(client, f"/en/feeds/{kind}/")
    by_link = {entry.link: entry for entry in feed.entries}
    article = next(
        page
        for page in ArticlePage.objects.live().filter(locale__language_code="en")
        if full_url(page) in by_link
        and any(block.block_type == "related_link" for block in page.body)
    )
    content = by_link[full_url(article)].content[0].value
    assert escape(article.lead) in content
    paragraph = next(block for block in article.body if block.block_type == "paragraph")
    assert paragraph.value.source.removeprefix("<p>")[:60] in content
    related = next(block for block in article.body if block.block_type == "related_link")
    assert f'href="{full_url(related.value["page"])}"' in content
    assert 'src="/' not in content and 'href="/' not in content

    interview = InterviewPage.objects.live().filter(locale__language_code="en").first()
    content = by_link[full_url(interview)].content[0].value
    assert escape(interview.lead) in content
    assert escape(interview.interviewee_name) in content
    assert escape(interview.transcript[0].value["question"]) in content


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_section_feeds_hold_only_their_section(client, language):
    for section, model in (("news", ArticlePage), ("interviews", InterviewPage)):
        for kind in FORMATS:
            feed = parse_feed(client, f"/{language}/feeds/{section}/{kind}/")
            assert links(feed) == newest(language, [model])


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_category_and_country_feeds_hold_only_matching_stories(client, language):
    for category in Category.objects.filter(locale__language_code=language):
        expected = newest(language, category=category)
        for kind in FORMATS:
            feed = parse_feed(client, f"/{language}/feeds/categories/{category.slug}/{kind}/")
            assert links(feed) == expected
            assert category.name in feed.feed.title
    for country in Country.objects.filter(locale__language_code=language, is_member=True):
        expected = newest(language, country_links__country=country)
        for kind in FORMATS:
            feed = parse_feed(client, f"/{language}/feeds/countries/{country.url_code}/{kind}/")
            assert links(feed) == expected
            assert all(country.name in [tag.term for tag in entry.tags] for entry in feed.entries)


@pytest.mark.django_db
def test_an_unknown_category_or_country_is_not_found(client, locales):
    Category.objects.create(name="Only in English", slug="only-english", locale=locales["en"])
    for path in [
        "/en/feeds/categories/no-such-category/rss/",
        "/ru/feeds/categories/only-english/atom/",
        "/en/feeds/countries/zz/rss/",
        "/en/feeds/countries/usa/atom/",
        "/en/feeds/countries/1x/rss/",
        "/en/feeds/countries/жж/rss/",
        "/en/feeds/sport/rss/",
    ]:
        assert client.get(path).status_code == 404, path
    assert client.get("/en/feeds/categories/only-english/rss/").status_code == 200


@pytest.mark.django_db
def test_titles_and_leads_with_markup_characters_read_back_as_written(client):
    title = 'R&D <beta> of the "port" consortium'
    lead = "Tom & Jerry's <firm> signs a deal."
    add_article(title=title, lead=lead, first_published_at=timezone.now())
    for kind in FORMATS:
        entry = parse_feed(client, f"/en/feeds/{kind}/").entries[0]
        # The summary is HTML: the lead, escaped.
        assert (entry.title, html.unescape(entry.summary)) == (title, lead)


@pytest.mark.django_db
def test_drafts_private_and_expired_stories_stay_out(client, locales):
    translated = ArticlePage.objects.live().filter(locale__language_code="ru").first()
    translated.unpublish()
    source = translated.get_translation(locales["en"])
    private = add_article(first_published_at=timezone.now())
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # Past its expiry, but the scheduler has not run yet.
    expired = add_article(first_published_at=timezone.now(), expire_at=timezone.now())
    draft = add_article(live=False, first_published_at=timezone.now())

    assert full_url(translated) not in links(parse_feed(client, "/ru/feeds/rss/"))
    english = links(parse_feed(client, "/en/feeds/atom/"))
    assert full_url(source) in english
    for page in (private, expired, draft):
        assert full_url(page) not in english


@pytest.mark.django_db
def test_a_story_made_private_after_the_feed_was_read_leaves_it(client):
    story = add_article(first_published_at=timezone.now())
    sitemap = client.get("/sitemap-en.xml").content.decode()
    assert full_url(story) in links(parse_feed(client, "/en/feeds/rss/"))
    assert full_url(story) in sitemap

    # While no page was private the feed skipped the restriction query; now one is.
    PageViewRestriction.objects.create(page=story, restriction_type="login")

    assert full_url(story) not in links(parse_feed(client, "/en/feeds/rss/"))
    assert full_url(story) not in client.get("/sitemap-en.xml").content.decode()


@pytest.mark.django_db
def test_every_page_links_its_locale_feed(client):
    response = client.get("/fa/")
    assert (
        '<link rel="alternate" type="application/rss+xml" title="اخبار شبکه" '
        'href="/fa/feeds/rss/">' in response.content.decode()
    )


@pytest.mark.django_db
def test_feed_descriptions_name_the_language_in_itself(client):
    feed = parse_feed(client, "/hi/feeds/news/rss/")
    assert get_language_info("hi")["name_local"] in feed.feed.description
    assert feed.feed.description.count("नेटवर्क समाचार") == 1
