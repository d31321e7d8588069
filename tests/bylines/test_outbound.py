"""Wherever a story goes, its authors go with it: structured data, OpenGraph, the feeds (the
story's own and the author's), partner formats, the API and the newsletter."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html.parser import HTMLParser

import feedparser
import jsonschema
import pytest
from django.core import mail

from articles.models import ArticleIndexPage, ArticlePage
from cms.distribution.items import items_for_pages
from cms.newsletter.tasks import send_weekly_digest
from cms.syndication.formatters import get_formatter
from cms.taxonomy.models import Category
from interviews.models import InterviewPage
from tests.factories import make_article
from tests.newsletter.conftest import html_of

from .conftest import (
    AGENCY_CREDITED,
    CO_SIGNED,
    ORIGIN,
    SIGNED_INTERVIEW,
    author,
    sign,
    signed_by,
    story,
)

BASE_URL = "https://news.example.org"
NAR = {"nar": "http://iptc.org/std/nar/2006-10-01/"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class Meta(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.properties = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "property" in attrs:
            self.properties.setdefault(attrs["property"], []).append(attrs["content"])


def news_article(html):
    found = [json.loads(text) for text in JSON_LD.findall(html)]
    return next(data for data in found if data["@type"] == "NewsArticle")


def item_of(page):
    [item] = items_for_pages([page], base_url=BASE_URL)
    return item


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
def test_json_ld_names_each_author_as_a_person_with_their_page(client, language):
    page = story(ArticlePage, language, CO_SIGNED)

    data = news_article(client.get(page.url).content.decode())

    marina, li = author(language, "marina-volkova"), author(language, "li-wenjing")
    assert data["author"] == [
        {
            "@type": "Person",
            "name": marina.name,
            "url": f"{ORIGIN}/{language}/authors/marina-volkova/",
            "sameAs": ["https://social.example/@marina.volkova"],
        },
        {"@type": "Person", "name": li.name, "url": f"{ORIGIN}/{language}/authors/li-wenjing/"},
    ]
    assert data["publisher"]["@type"] == "Organization"


@pytest.mark.django_db
def test_json_ld_names_an_agency_credit_as_an_organization(client):
    page = story(ArticlePage, "en", AGENCY_CREDITED)

    data = news_article(client.get(page.url).content.decode())

    assert [(a["@type"], a["name"]) for a in data["author"]] == [
        ("Organization", "Deccan Wire Service")
    ]


@pytest.mark.django_db
def test_opengraph_gives_the_authors_pages(client):
    article = story(ArticlePage, "ru", CO_SIGNED)
    interview = story(InterviewPage, "en", SIGNED_INTERVIEW)

    article_meta = Meta(client.get(article.url).content.decode()).properties
    interview_meta = Meta(client.get(interview.url).content.decode()).properties

    assert article_meta["article:author"] == [
        f"{ORIGIN}/ru/authors/marina-volkova/",
        f"{ORIGIN}/ru/authors/li-wenjing/",
    ]
    assert interview_meta["video:writer"] == [f"{ORIGIN}/en/authors/marina-volkova/"]


@pytest.mark.django_db
def test_a_story_nobody_signs_is_the_networks_in_json_ld_and_feeds(client):
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    economics = Category.objects.get(locale__language_code="en", slug="economics")
    page = make_article(section, economics, title="Unsigned harbour note")

    data = news_article(client.get(page.url).content.decode())
    item = item_of(page)

    assert data["author"] == data["publisher"]
    assert not Meta(client.get(page.url).content.decode()).properties.get("article:author")
    assert item.authors == () and item.byline == "Network News"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru"])
def test_story_feeds_carry_dc_creator_and_atom_authors(client, language):
    page = story(ArticlePage, language, CO_SIGNED)
    names = [author(language, slug).name for slug in ("marina-volkova", "li-wenjing")]

    rss = client.get(f"/{language}/feeds/rss/").content
    atom = feedparser.parse(client.get(f"/{language}/feeds/atom/").content)

    root = ET.fromstring(rss)
    item = next(i for i in root.iter("item") if i.findtext("link") == ORIGIN + page.url)
    creators = [e.text for e in item.findall("{http://purl.org/dc/elements/1.1/}creator")]
    assert creators == names
    entry = next(e for e in atom.entries if e.link == ORIGIN + page.url)
    assert [(a.name, a.href) for a in entry.authors] == [
        (names[0], f"{ORIGIN}/{language}/authors/marina-volkova/"),
        (names[1], f"{ORIGIN}/{language}/authors/li-wenjing/"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_authors_feed_holds_only_their_stories(client, kind, language):
    marina = author(language, "marina-volkova")

    response = client.get(f"/{language}/feeds/authors/marina-volkova/{kind}/")
    feed = feedparser.parse(response.content)

    assert response.status_code == 200 and not feed.bozo
    assert [entry.link for entry in feed.entries] == [
        ORIGIN + page.url for page in signed_by(language, marina)
    ]
    assert marina.name in feed.feed.title
    assert feed.feed.link == f"{ORIGIN}/{language}/authors/marina-volkova/"


@pytest.mark.django_db
def test_an_unknown_authors_feed_is_not_found(client):
    assert client.get("/en/feeds/authors/nobody/rss/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "am"])
def test_ninjs_by_names_the_authors_and_validates(language, ninjs_schema):
    page = story(ArticlePage, language, CO_SIGNED)

    data = json.loads(get_formatter("ninjs").render_item(item_of(page)))

    jsonschema.validate(data, ninjs_schema)
    separator = {"en": ", ", "am": "፣ "}[language]
    assert data["by"] == separator.join(
        author(language, slug).name for slug in ("marina-volkova", "li-wenjing")
    )


@pytest.mark.django_db
def test_newsml_g2_has_a_creator_per_author_with_their_page():
    page = story(ArticlePage, "ru", CO_SIGNED)

    root = ET.fromstring(get_formatter("newsml").render_item(item_of(page)))

    creators = root.findall("nar:contentMeta/nar:creator", NAR)
    assert [
        (c.get("type"), c.get("uri"), c.findtext("nar:name", namespaces=NAR)) for c in creators
    ] == [
        ("cpnat:person", f"{BASE_URL}/ru/authors/marina-volkova/", "Марина Волкова"),
        ("cpnat:person", f"{BASE_URL}/ru/authors/li-wenjing/", "Ли Вэньцзин"),
    ]
    assert root.findtext("nar:contentMeta/nar:by", namespaces=NAR) == "Марина Волкова, Ли Вэньцзин"


@pytest.mark.django_db
def test_newsml_g2_credits_an_agency_as_an_organisation():
    page = story(ArticlePage, "en", AGENCY_CREDITED)

    root = ET.fromstring(get_formatter("newsml").render_item(item_of(page)))

    [creator] = root.findall("nar:contentMeta/nar:creator", NAR)
    assert creator.get("type") == "cpnat:organisation"
    assert creator.findtext("nar:name", namespaces=NAR) == "Deccan Wire Service"


@pytest.mark.django_db
def test_an_interview_without_authors_still_names_its_interviewee_to_partners():
    interview = story(InterviewPage, "en", SIGNED_INTERVIEW)
    interview.author_links = []
    interview.save_revision().publish()

    item = item_of(InterviewPage.objects.get(pk=interview.pk))

    assert item.authors == () and item.byline == interview.full_byline


@pytest.mark.django_db
def test_the_api_gives_a_storys_authors_with_their_pages(client):
    page = story(ArticlePage, "ru", CO_SIGNED)

    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    listing = client.get(
        "/api/v2/pages/", {"type": "articles.ArticlePage", "locale": "ru", "fields": "authors"}
    ).json()

    expected = [
        {
            "name": "Марина Волкова",
            "slug": "marina-volkova",
            "kind": "person",
            "role": author("ru", "marina-volkova").role,
            "url": f"{ORIGIN}/ru/authors/marina-volkova/",
        },
        {
            "name": "Ли Вэньцзин",
            "slug": "li-wenjing",
            "kind": "person",
            "role": author("ru", "li-wenjing").role,
            "url": f"{ORIGIN}/ru/authors/li-wenjing/",
        },
    ]
    assert detail["authors"] == expected
    assert next(i for i in listing["items"] if i["id"] == page.pk)["authors"] == expected


@pytest.mark.django_db
def test_the_partners_api_format_carries_the_authors_as_the_api_does():
    page = story(ArticlePage, "en", AGENCY_CREDITED)

    data = json.loads(get_formatter("wagtail-api").render_item(item_of(page)))

    assert [(a["name"], a["kind"], a["url"]) for a in data["authors"]] == [
        (
            "Deccan Wire Service",
            "organisation",
            f"{BASE_URL}/en/authors/deccan-wire-service/",
        )
    ]


@pytest.mark.django_db
def test_the_newsletter_names_each_storys_authors(confirmed_subscriber):
    week = "2020-W10"  # the demo published nothing then
    published = datetime(2020, 3, 4, 10, tzinfo=UTC)
    for language in ("en", "ru"):
        section = ArticleIndexPage.objects.get(locale__language_code=language, slug="news")
        economics = Category.objects.get(locale=section.locale, slug="economics")
        page = make_article(section, economics, title=f"Weekly {language}", published=published)
        sign(page, author(language, "marina-volkova"), author(language, "li-wenjing"))
    confirmed_subscriber("en@example.com", ["en"])
    confirmed_subscriber("ru@example.com", ["ru"])

    send_weekly_digest.apply(kwargs={"week": week})

    [english] = [m for m in mail.outbox if m.to == ["en@example.com"]]
    [russian] = [m for m in mail.outbox if m.to == ["ru@example.com"]]
    assert "By Marina Volkova, Li Wenjing" in english.body
    assert "By Marina Volkova, Li Wenjing" in html_of(english)
    assert "Авторы: Марина Волкова, Ли Вэньцзин" in russian.body
    assert "Авторы: Марина Волкова, Ли Вэньцзин" in html_of(russian)
