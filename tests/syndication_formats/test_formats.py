"""Every delivery format renders the demo's stories; ninjs, NewsML-G2 and the feeds validate."""

import json
import uuid
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest

from cms.distribution.items import credit_line, items_for_pages
from cms.syndication.formatters import FORMATS, UnknownFormat, get_formatter

from .conftest import BASE_URL, LANGUAGES

NAR = {"nar": "http://iptc.org/std/nar/2006-10-01/", "h": "http://www.w3.org/1999/xhtml"}
by_language = pytest.mark.parametrize("article", LANGUAGES, indirect=True)


def item_of(page):
    [item] = items_for_pages([page], base_url=BASE_URL)
    return item


@by_language
def test_an_item_carries_the_story_in_its_language(article):
    item = item_of(article)
    assert item.guid == uuid.uuid5(article.translation_key, article.locale.language_code).urn
    assert item.version == 1 + article.notes.count()
    assert item.language == article.locale.language_code
    assert item.url.startswith(f"{BASE_URL}/{item.language}/")
    assert item.title == article.title
    assert article.lead in item.body_html and article.lead in item.body_text
    assert "<" not in item.body_text
    assert item.category == (article.category.slug, article.category.name)
    assert item.countries and item.image.url.startswith(BASE_URL)
    assert item.credit_line == credit_line(item.language)


def test_credit_lines_are_in_the_partners_language():
    assert credit_line("en") == "Source: Network News"
    assert credit_line("ru") != credit_line("en")


@by_language
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_one_item_and_many(article, name):
    item = item_of(article)
    formatter = get_formatter(name)
    single = formatter.render_item(item)
    many = formatter.render_items([item, item], title="Partner feed", url=BASE_URL)
    guid = item.guid.encode()
    assert single.count(guid) >= 1
    assert many.count(guid) == 2 * single.count(guid)


@by_language
def test_ninjs_validates_against_iptcs_schema(article, ninjs_schema):
    item = item_of(article)
    data = json.loads(get_formatter("ninjs").render_item(item))
    jsonschema.validate(data, ninjs_schema, format_checker=jsonschema.FormatChecker())
    assert data["uri"] == item.guid and data["version"] == str(item.version)
    assert data["headlines"][0]["value"] == item.title
    assert data["language"] == item.language
    listing = json.loads(get_formatter("ninjs").render_items([item], title="t", url=BASE_URL))
    jsonschema.validate(listing[0], ninjs_schema)


def test_a_story_missing_its_uri_fails_the_schema(ninjs_schema):
    # The shipped schema really checks: an object without the one required property fails.
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"type": "text"}, ninjs_schema)


@by_language
def test_newsml_g2_is_well_formed_with_the_required_elements(article):
    item = item_of(article)
    root = ET.fromstring(get_formatter("newsml").render_item(item))
    assert root.tag == "{http://iptc.org/std/nar/2006-10-01/}newsItem"
    assert root.get("guid") == item.guid
    assert root.get("version") == str(item.version)
    assert root.get("standard") == "NewsML-G2" and root.get("standardversion")
    for path in (
        "nar:catalogRef",
        "nar:itemMeta/nar:itemClass",
        "nar:itemMeta/nar:provider",
        "nar:itemMeta/nar:versionCreated",
        "nar:contentMeta/nar:language",
        "nar:contentMeta/nar:headline",
        "nar:contentSet/nar:inlineXML/h:html/h:body",
    ):
        assert root.find(path, NAR) is not None, path
    assert root.find("nar:contentMeta/nar:language", NAR).get("tag") == item.language
    assert root.find("nar:contentMeta/nar:headline", NAR).text == item.title
    subjects = [s.get("literal") for s in root.findall("nar:contentMeta/nar:subject", NAR)]
    assert f"category:{item.category[0]}" in subjects
    assert {f"country:{code}" for code, _name in item.countries} <= set(subjects)
    body = root.find("nar:contentSet/nar:inlineXML/h:html/h:body", NAR)
    assert item.lead in "".join(body.itertext())
    assert root.find("nar:contentMeta/nar:creditline", NAR).text == item.credit_line


def test_newsml_g2_message_holds_every_item(db):
    from articles.models import ArticlePage

    pages = list(ArticlePage.objects.live().filter(locale__language_code="en")[:3])
    items = items_for_pages(pages, base_url=BASE_URL)
    root = ET.fromstring(get_formatter("newsml").render_items(items, title="t", url=BASE_URL))
    guids = [i.get("guid") for i in root.findall("nar:itemSet/nar:newsItem", NAR)]
    assert guids == [item.guid for item in items]


@by_language
@pytest.mark.parametrize("name", ["rss", "atom"])
def test_feeds_carry_full_text_and_the_credit_line(article, name):
    item = item_of(article)
    parsed = feedparser.parse(get_formatter(name).render_items([item], title="t", url=BASE_URL))
    assert not parsed.bozo, parsed.get("bozo_exception")
    [entry] = parsed.entries
    assert entry.id == item.guid
    assert entry.title == item.title
    content = entry.content[0].value
    assert item.lead in content and item.credit_line in content
    assert len(content) > len(item.lead) + len(item.credit_line)


@by_language
def test_wagtail_api_format_names_fields_as_the_api_does(article):
    item = item_of(article)
    data = json.loads(get_formatter("wagtail-api").render_item(item))
    assert data["id"] == article.pk
    assert data["meta"]["type"] == "articles.ArticlePage"
    assert data["meta"]["locale"] == item.language
    assert {"title", "lead", "category", "countries", "hero_image_rendition", "body"} <= set(data)


def test_an_interview_is_an_item_too(interview):
    item = item_of(interview)
    # Signed by its authors; an interview without any names its interviewee (tests/bylines/).
    assert item.kind == "interview" and item.byline == ", ".join(a.name for a in interview.authors)
    assert item.byline
    data = json.loads(get_formatter("ninjs").render_item(item))
    assert data["profile"] == "interview"


@pytest.mark.parametrize("article", ["en"], indirect=True)
def test_guid_and_version_are_stable_between_renders(article):
    first, second = item_of(article), item_of(article)
    assert (first.guid, first.version) == (second.guid, second.version)
    assert get_formatter("ninjs").render_item(first) == get_formatter("ninjs").render_item(second)


def test_drafts_are_never_items(db):
    from articles.models import ArticlePage

    draft = ArticlePage.objects.filter(live=False).first() or None
    pages = [draft] if draft else []
    assert items_for_pages(pages, base_url=BASE_URL) == []


def test_an_unknown_format_names_the_valid_ones():
    with pytest.raises(UnknownFormat) as error:
        get_formatter("nitf")
    assert "ninjs" in str(error.value) and "wagtail-api" in str(error.value)


def test_item_queries_do_not_grow_with_the_number_of_stories(db, django_assert_max_num_queries):
    from articles.models import ArticlePage

    pages = list(ArticlePage.objects.live().filter(locale__language_code="en"))
    assert len(pages) >= 6
    # Warm caches as in any running process: content types, site roots, renditions.
    items_for_pages(pages, base_url=BASE_URL)
    with django_assert_max_num_queries(40) as few:
        items_for_pages(pages[:2], base_url=BASE_URL)
    with django_assert_max_num_queries(len(few.captured_queries)):
        items_for_pages(pages, base_url=BASE_URL)
