"""What a reader sees on every page type, in every language: breadcrumbs, images, sharing."""

import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext
from PIL import features

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category
from interviews.models import InterviewIndexPage, InterviewPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import make_article, make_section

LANGUAGES = ["en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]
RIGHT_TO_LEFT = {"ar", "fa"}
PAGE_TYPES = [
    ArticleIndexPage,
    ArticlePage,
    InterviewIndexPage,
    InterviewPage,
    PartnerIndexPage,
    PartnerPage,
]
SHARE_HOSTS = [
    "mailto:",
    "https://x.com/",
    "https://www.facebook.com/",
    "https://t.me/",
    "https://wa.me/",
    "https://www.linkedin.com/",
]


def in_language(language, message, **values):
    """The message as the catalogue of that language has it (English until translated)."""
    with translation.override(language):
        return gettext(message) % values if values else gettext(message)


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def live(model, language, **filters):
    page = (
        model.objects.live()
        .filter(locale__language_code=language, **filters)
        .order_by("-first_published_at", "pk")
        .first()
    )
    assert page is not None, f"the demo has no live {model.__name__} in {language}"
    return page


def assert_language(document, language):
    html = document.find("html")
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language in RIGHT_TO_LEFT else "ltr")


def breadcrumb_trail(document, language):
    nav = document.find("nav", class_="breadcrumbs")
    assert nav is not None, "no breadcrumbs"
    assert nav["aria-label"] == in_language(language, "Breadcrumb")
    links = nav.select("ol > li > a")
    assert [link.get("aria-current") for link in links] == [None] * (len(links) - 1) + ["page"]
    assert links[0]["href"] == f"/{language}/"
    assert links[0].get_text() == in_language(language, "Home")
    return [(link.get_text(), link["href"]) for link in links]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_has_breadcrumbs_in_its_language(client, language, page_type):
    page = live(page_type, language)

    document = read(client, page.url)

    assert_language(document, language)
    trail = breadcrumb_trail(document, language)
    assert trail[-1] == (page.title, page.url)
    if page_type in (ArticlePage, InterviewPage, PartnerPage):
        section = page.get_parent()
        assert trail[1:] == [(section.title, section.url), (page.title, page.url)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("route", ["categories/economics/", "countries/br/"])
def test_taxonomy_listing_has_breadcrumbs_ending_in_its_heading(client, language, route):
    url = f"/{language}/{route}"

    document = read(client, url)

    assert_language(document, language)
    trail = breadcrumb_trail(document, language)
    title, address = trail[-1]
    assert address == url and title in document.find("h1").get_text()  # after a flag
    assert len(trail) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_article_hero_is_a_responsive_picture_with_its_credit_under_it(client, language):
    article = live(ArticlePage, language, hero_image__isnull=False, photo_credit="iStock")

    figure = read(client, article.url).find("figure", class_="story-figure--hero")

    types = [source["type"] for source in figure.picture.find_all("source")]
    assert types == (["image/avif"] if features.check("avif") else []) + ["image/webp"]
    img = figure.picture.img
    assert img["src"].endswith(".jpg")
    assert len(img["srcset"].split(",")) == 3 and img["sizes"]
    assert img["width"] and img["height"]
    # The hero is the first image on the page: fetched at once, not lazily.
    assert img.get("fetchpriority") == "high" and "loading" not in img.attrs
    assert in_language(language, "Photo: %(credit)s", credit="iStock") in figure.figcaption.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_interview_video_shows_the_hero_as_poster_with_its_credit(client, language):
    interview = live(InterviewPage, language, video_file__isnull=False, hero_image__isnull=False)

    figure = read(client, interview.url).find("figure", class_="story-video")

    assert figure.video["poster"].endswith(".jpg")
    assert figure.video["width"] and figure.video["height"]
    credit = in_language(language, "Photo: %(credit)s", credit=interview.photo_credit)
    assert credit in figure.figcaption.text


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", [ArticlePage, InterviewPage], ids=lambda m: m.__name__)
def test_related_story_cards_load_their_pictures_lazily(client, page_type):
    story = live(page_type, "ru")

    section = read(client, story.url).find("section", class_="related-stories")

    images = section.select("picture img")
    assert images, "no related story with a picture"
    for img in images:
        assert img["loading"] == "lazy" and img["decoding"] == "async"
        assert len(img["srcset"].split(",")) == 3 and img["sizes"]
        assert img["width"] and img["height"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/en/news/", "/ar/categories/economics/"])
def test_only_the_first_card_of_a_listing_is_fetched_eagerly(client, url):
    images = read(client, url).select("main picture img")

    assert images[0].get("fetchpriority") == "high" and "loading" not in images[0].attrs
    assert all(img["loading"] == "lazy" for img in images[1:])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", [ArticlePage, InterviewPage], ids=lambda m: m.__name__)
def test_share_links_carry_the_page_address_and_title(client, language, page_type):
    story = live(page_type, language)
    address = quote(f"http://testserver{story.url}", safe="")
    title = quote(story.title, safe="")

    links = read(client, story.url).select("section.share a")

    assert len(links) == len(SHARE_HOSTS)
    for link, host in zip(links, SHARE_HOSTS, strict=True):
        assert link["href"].startswith(host)
    for link in links:
        assert address in link["href"]
        # Facebook and LinkedIn take the title from the page itself.
        assert title in link["href"] or re.search("facebook|linkedin", link["href"])
    names = [link.get_text() for link in links]
    networks = ["X", "Facebook", "Telegram", "WhatsApp", "LinkedIn"]
    assert names == [in_language(language, "Share by email")] + [
        in_language(language, "Share on %(network)s", network=network) for network in networks
    ]


@pytest.mark.django_db
def test_story_pages_load_no_script_of_a_third_party(client):
    story = live(ArticlePage, "en")

    document = read(client, story.url)

    sources = [script["src"] for script in document.find_all("script", src=True)]
    assert all(re.match(r"^/static/", source) for source in sources), sources


def test_pillow_writes_the_picture_formats_the_templates_ask_for():
    # `format-avif` and `format-webp` renditions fail at render time without these.
    assert features.check("webp")
    assert features.check("avif"), "Pillow >= 11.3 wheels ship AVIF; the picture tags use it"


@pytest.mark.django_db
def test_publication_times_are_valid_html_times(client, home_pages):
    # Published by an editor: timezone.now(), with microseconds HTML does not allow.
    economics = Category.objects.get(slug="economics", locale=home_pages["en"].locale)
    article = make_article(make_section(home_pages["en"]), category=economics)
    assert article.first_published_at.microsecond

    document = read(client, article.url)

    published = document.select_one(".story-meta time")["datetime"]
    assert published == article.first_published_at.replace(microsecond=0).isoformat()
