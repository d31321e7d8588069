"""What crawlers and social networks read in <head>: JSON-LD, OpenGraph, Twitter, canonical."""

import json
from datetime import datetime
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.core.seo import iso_duration
from cms.taxonomy.models import Category
from home.models import HomePage
from interviews.models import InterviewPage
from partners.models import PartnerPage

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ORIGIN = "http://testserver"


class Head(HTMLParser):
    """The metadata of a page: meta properties and names, the canonical link, JSON-LD."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.canonical, self.json_ld = {}, [], []
        self._in_json_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data

    def first(self, key):
        return self.meta[key][0]

    def of_type(self, schema_type):
        found = [data for data in map(json.loads, self.json_ld) if data["@type"] == schema_type]
        assert len(found) == 1, (schema_type, self.json_ld)
        return found[0]


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


def live(model, language):
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def is_iso_datetime(value):
    return datetime.fromisoformat(value).tzinfo is not None


def assert_organization(data):
    assert data["@type"] == "Organization" and data["name"]
    assert data["logo"]["url"].startswith(f"{ORIGIN}/static/") and data["logo"]["width"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_article_in_every_language_is_a_complete_news_article(client, language):
    article = live(ArticlePage, language)
    page_head = head(client, article.url)
    data = page_head.of_type("NewsArticle")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == Truncator(article.title).chars(110)
    assert len(data["headline"]) <= 110
    assert data["description"] == article.lead
    assert data["inLanguage"] == language
    assert is_iso_datetime(data["datePublished"]) and is_iso_datetime(data["dateModified"])
    assert data["dateModified"] == article.last_published_at.isoformat()
    assert data["image"] and all(url.startswith(f"{ORIGIN}/media/") for url in data["image"])
    # Signed by the demo's authors, each a Person with their page (tests/bylines/).
    assert [(person["@type"], person["name"], person["url"]) for person in data["author"]] == [
        (
            "Person" if author.is_person else "Organization",
            author.name,
            f"{ORIGIN}/{language}/authors/{author.slug}/",
        )
        for author in article.authors
    ]
    assert data["author"]
    assert_organization(data["publisher"])
    assert data["mainEntityOfPage"]["@id"] == page_head.canonical[0] == ORIGIN + article.url
    assert data["articleSection"] == article.category.name
    assert {country["identifier"] for country in data["about"]} == {
        country.code for country in article.countries
    }
    assert data["isAccessibleForFree"] is True


@pytest.mark.django_db
def test_a_long_headline_is_cut_to_110_characters(client):
    article = live(ArticlePage, "en")
    article.title = "Freight " * 30
    article.save_revision().publish()

    headline = head(client, article.url).of_type("NewsArticle")["headline"]

    assert len(headline) <= 110 and headline.endswith("…")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_interview_is_a_video_object_and_a_news_article(client, language):
    interview = live(InterviewPage, language)
    page_head = head(client, interview.url)
    video = page_head.of_type("VideoObject")

    assert video["name"] == interview.title and video["description"] == interview.lead
    assert video["thumbnailUrl"] and video["thumbnailUrl"][0].startswith(f"{ORIGIN}/media/")
    assert is_iso_datetime(video["uploadDate"])
    assert video["duration"] == iso_duration(interview.duration_seconds)
    assert video["contentUrl"] == ORIGIN + interview.video_file.url
    assert page_head.of_type("NewsArticle")["video"] == {"@id": video["@id"]}
    assert page_head.first("og:type") == "video.other"
    assert page_head.first("og:video") == video["contentUrl"]
    assert page_head.first("video:duration") == str(interview.duration_seconds)


def test_durations_are_iso_8601():
    assert iso_duration(842) == "PT14M2S"
    assert iso_duration(3600) == "PT1H"
    assert iso_duration(3725) == "PT1H2M5S"
    assert iso_duration(0) == "PT0S"


@pytest.mark.django_db
def test_a_story_has_breadcrumbs_from_its_home_page(client):
    article = live(ArticlePage, "ru")
    section = article.get_parent()

    trail = head(client, article.url).of_type("BreadcrumbList")["itemListElement"]

    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, section.get_parent().title, f"{ORIGIN}/ru/"),
        (2, section.title, ORIGIN + section.url),
        (3, article.title, ORIGIN + article.url),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_home_page_is_a_website_searchable_in_its_language(client, language):
    page_head = head(client, f"/{language}/")
    website = page_head.of_type("WebSite")

    assert website["url"] == f"{ORIGIN}/{language}/" == page_head.canonical[0]
    assert website["inLanguage"] == language
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert (
        action["target"]["urlTemplate"] == f"{ORIGIN}/{language}/search/?q={{search_term_string}}"
    )
    assert action["query-input"] == "required name=search_term_string"
    assert page_head.first("og:type") == "website"
    assert_organization(website["publisher"])


@pytest.mark.django_db
def test_an_article_has_opengraph_and_twitter_cards_with_absolute_urls(client):
    article = live(ArticlePage, "ru")
    page_head = head(client, article.url)
    og = page_head.first

    assert og("og:type") == "article"
    assert og("og:title") == article.title
    assert og("og:description") == Truncator(article.lead).chars(200)
    assert og("og:url") == page_head.canonical[0] == ORIGIN + article.url
    assert og("og:site_name") == HomePage.objects.get(locale__language_code="ru").title
    assert og("og:locale") == "ru_RU"
    # The source and each live translation; the demo translates its first articles into all.
    assert set(page_head.meta["og:locale:alternate"]) == {
        "en_US",
        "pt_BR",
        "zh_CN",
        "hi_IN",
        "ar_AR",
        "fa_IR",
        "am_ET",
    }
    assert og("og:image").startswith(f"{ORIGIN}/media/images/")
    assert int(og("og:image:width")) == 1200 and int(og("og:image:height")) > 0
    assert og("article:published_time") == article.first_published_at.isoformat()
    assert og("article:modified_time") == article.last_published_at.isoformat()
    assert og("article:section") == article.category.name
    assert set(page_head.meta["article:tag"]) >= {tag.name for tag in article.tags.all()}
    assert og("twitter:card") == "summary_large_image"
    assert og("twitter:image") == og("og:image")
    assert og("twitter:title") == article.title


@pytest.mark.django_db
def test_a_partner_is_shared_with_its_logo_as_a_small_card(client):
    partner = live(PartnerPage, "am")
    page_head = head(client, partner.url)

    assert page_head.first("og:type") == "website"
    # A rendition of the logo: named after its file (Wagtail shortens the name's end).
    logo_name = partner.logo.file.name.removeprefix("original_images/")[:20]
    assert page_head.first("og:image").startswith(f"{ORIGIN}/media/images/{logo_name}")
    assert page_head.first("twitter:card") == "summary"
    trail = page_head.of_type("BreadcrumbList")["itemListElement"]
    assert trail[-1]["item"] == page_head.canonical[0] == ORIGIN + partner.url
    assert [data["@type"] for data in map(json.loads, page_head.json_ld)] == ["BreadcrumbList"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/en/news/?page=2", "/en/news/?page=2"),
        ("/en/news/?page=abc", "/en/news/"),
        ("/en/news/?page=1", "/en/news/"),
        ("/en/news/?category=economics&page=2", "/en/news/"),
        ("/en/news/?tag=rail", "/en/news/"),
        ("/ru/categories/economics/", "/ru/categories/economics/"),
        ("/ru/categories/economics/?page=1&utm_source=x", "/ru/categories/economics/"),
        ("/en/search/?q=port&page=2", "/en/search/"),
        ("/pt/search/", "/pt/search/"),
    ],
)
def test_listings_and_search_have_one_canonical_address(client, path, canonical):
    page_head = head(client, path)

    assert page_head.canonical == [ORIGIN + canonical]
    assert page_head.first("og:url") == ORIGIN + canonical


@pytest.mark.django_db
def test_a_translation_is_canonical_at_its_own_address(client):
    english = live(ArticlePage, "en")
    for translation in ArticlePage.objects.live().filter(translation_key=english.translation_key):
        language = translation.locale.language_code
        assert head(client, translation.url).canonical == [ORIGIN + translation.url]
        assert translation.url.startswith(f"/{language}/")


def publish_article(title):
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    article = ArticlePage(
        title=title,
        slug="structured-data-escaping",
        lead="A lead written for the structured data tests.",
        category=Category.objects.filter(locale=section.locale).first(),
        body=[("paragraph", RichText("<p>Body.</p>"))],
        first_published_at=timezone.now(),
        live=False,
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


@pytest.mark.django_db
def test_a_hostile_title_cannot_break_out_of_the_json_ld(client):
    title = '</script><script>alert("x")</script> & <!-- Ports'
    article = publish_article(title)

    html = client.get(article.url).content.decode()
    page_head = Head(html)

    assert '<script>alert("x")' not in html
    assert page_head.of_type("NewsArticle")["headline"] == title
    assert page_head.of_type("BreadcrumbList")["itemListElement"][-1]["name"] == title
    assert page_head.first("og:title") == title
    assert all("<" not in script for script in page_head.json_ld)


@pytest.mark.django_db
def test_the_tags_add_at_most_two_queries_to_an_article(client, settings, tmp_path):
    article = live(ArticlePage, "en")
    assert article.tags.exists()

    def queries():
        client.get(article.url)  # renditions are made and cached on the first visit
        with CaptureQueriesContext(connection) as captured:
            response = client.get(article.url)
        return len(captured), Head(response.content.decode())

    with_tags, page_head = queries()
    assert page_head.canonical and page_head.json_ld

    # The same page with the include emptied.
    (tmp_path / "core" / "includes").mkdir(parents=True)
    (tmp_path / "core" / "includes" / "seo.html").write_text("")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    without_tags, page_head = queries()
    assert not page_head.canonical and not page_head.json_ld

    assert with_tags - without_tags <= 2
