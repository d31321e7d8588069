"""An editor's text, whatever it holds, reaches readers as text: a script typed into any
field of any page or snippet never runs on the site, in the feeds, sitemaps, structured
data, search answers or the API. The outputs are parsed (HTML, XML, JSON) and every piece
of HTML in them is searched for an element that would execute."""

import json
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.rich_text import RichText

from articles.models import ArticlePage
from cms.taxonomy.models import Category, Country
from cms.widgets.models import City
from interviews.models import InterviewPage
from partners.models import PartnerPage

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)><svg onload=alert(1)>"
MARKER = "alert(1)"


def dangerous_elements(html):
    """Elements of the HTML that a browser would run: scripts holding the payload, event
    handler attributes, javascript: addresses."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name == "script" and MARKER in element.get_text():
            if element.get("type") != "application/ld+json":
                found.append(str(element)[:120])
            else:  # a data block, unless the payload closed it early
                json.loads(element.get_text())
        for attribute, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if attribute.lower().startswith("on"):
                found.append(f"<{element.name} {attribute}={text[:60]!r}>")
            if attribute in {"href", "src", "action"} and text.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{element.name} {attribute}={text[:60]!r}>")
    return found


def html_in_json(value, key=""):
    """The strings of an answer that its clients are told are HTML: keys ending in _html and
    rich text blocks. Other strings are plain text, which a client must escape itself."""
    if isinstance(value, str):
        if key.endswith("_html") or key in {"answer", "paragraph"}:
            yield value
    elif isinstance(value, dict):
        if value.get("type") == "paragraph" and isinstance(value.get("value"), str):
            yield value["value"]
        for name, item in value.items():
            yield from html_in_json(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from html_in_json(item, key)


# Elements whose text feed readers render as HTML; titles and categories are plain text.
FEED_HTML_ELEMENTS = {"description", "content", "encoded", "summary"}


def html_fragments(response):
    """The response as the pieces of HTML a browser or a feed reader would render."""
    content_type = response["Content-Type"]
    if "json" in content_type:
        return list(html_in_json(json.loads(response.content)))
    if "xml" in content_type:
        root = ElementTree.fromstring(response.content)
        return [
            element.text
            for element in root.iter()
            if element.text and element.tag.rsplit("}", 1)[-1] in FEED_HTML_ELEMENTS
        ]
    return [response.content.decode()]


@pytest.fixture
def hostile_newsroom(db, django_capture_on_commit_callbacks):
    """The demo's English pages and snippets with the payload typed into every text field."""
    category = Category.objects.get(slug="economics", locale__language_code="en")
    category.name = f"Economics {PAYLOAD}"
    category.save()
    country = Country.objects.get(code="BR", locale__language_code="en")
    country.name = f"Brazil {PAYLOAD}"
    country.save()
    for city in City.objects.filter(locale__language_code="en"):
        city.name = f"{city.name} {PAYLOAD}"
        city.save()

    article = ArticlePage.objects.get(
        slug="novosibirsk-rail-container-hub", locale__language_code="en"
    )
    article.title = f"Novosibirsk {PAYLOAD}"
    # Recent enough for the news sitemap, which carries titles.
    article.first_published_at = timezone.now() - timedelta(hours=1)
    article.seo_title = f"SEO {PAYLOAD}"
    article.search_description = f"Description {PAYLOAD}"
    article.lead = f"Lead {PAYLOAD}"
    article.hero_caption = f"Caption {PAYLOAD}"
    article.photo_credit = f"Credit {PAYLOAD}"
    image = article.hero_image
    article.body = [
        # What the rich text editor stores when an editor types the payload.
        ("paragraph", RichText(f"<p>Paragraph {escape(PAYLOAD)}</p>")),
        ("quote", {"text": f"Quote {PAYLOAD}", "attribution": f"Attribution {PAYLOAD}"}),
        ("image", {"image": image, "caption": f"Block {PAYLOAD}", "credit": f"By {PAYLOAD}"}),
        ("related_link", {"page": None, "url": "https://example.org/", "title": PAYLOAD}),
    ]
    article.tags.add(f"tag {PAYLOAD}"[:100])
    interview = InterviewPage.objects.get(
        slug="aswan-nubian-museum-curator", locale__language_code="en"
    )
    interview.title = f"Aswan {PAYLOAD}"
    interview.lead = f"Lead {PAYLOAD}"
    interview.interviewee_name = f"Name {PAYLOAD}"[:120]
    interview.interviewee_role = f"Role {PAYLOAD}"
    interview.organisation = f"Organisation {PAYLOAD}"
    interview.transcript = [
        (
            "question_answer",
            {"question": f"Question {PAYLOAD}", "answer": RichText(f"<p>{escape(PAYLOAD)}</p>")},
        )
    ]
    partner = PartnerPage.objects.get(slug="abay-online", locale__language_code="en")
    partner.title = f"Abay {PAYLOAD}"
    partner.description = f"Description {PAYLOAD}"
    with django_capture_on_commit_callbacks(execute=True):
        for page in (article, interview, partner):
            page.save_revision().publish()

    query = Query.get("port")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/",
        external_link_text=f"Pick {PAYLOAD}",
        description=f"Because {PAYLOAD}",
        sort_order=0,
    )
    cache.clear()
    return {"article": article, "interview": interview, "partner": partner}


def reader_addresses(pages):
    article, interview, partner = pages["article"], pages["interview"], pages["partner"]
    return [
        "/en/",
        "/en/news/",
        article.url,
        interview.url,
        "/en/interviews/",
        "/en/partners/",
        partner.url,
        "/en/categories/economics/",
        "/en/countries/br/",
        "/en/search/?q=Novosibirsk",
        "/en/search/?q=port",
        "/en/search/results.json?q=Novosibirsk",
        "/en/search/suggest.json?q=Novosibirsk",
        "/en/feeds/rss/",
        "/en/feeds/news/atom/",
        "/en/feeds/categories/economics/rss/",
        "/en/feeds/countries/br/atom/",
        "/en/news-sitemap.xml",
        f"/api/v2/pages/{article.pk}/",
        f"/api/v2/pages/{interview.pk}/",
        f"/api/v2/pages/{partner.pk}/",
        "/api/v2/pages/?locale=en&type=articles.ArticlePage&fields=*&search=Novosibirsk",
        "/api/v2/categories/?locale=en",
        "/api/v2/countries/?locale=en",
    ]


@pytest.mark.django_db
def test_no_editor_entered_text_becomes_an_executable_element(hostile_newsroom):
    client = Client(raise_request_exception=True)
    executable, silent = {}, []
    for address in reader_addresses(hostile_newsroom):
        response = client.get(address, follow=True)
        assert response.status_code == 200, address
        if MARKER not in response.content.decode():
            silent.append(address)
        for fragment in html_fragments(response):
            if found := dangerous_elements(fragment):
                executable[address] = found

    assert executable == {}
    # Every address did show some of the payload (as text), so each check above looked at it.
    assert silent == []


def test_the_check_finds_an_unescaped_payload():
    assert dangerous_elements(f"<p>{PAYLOAD}</p>")
    assert not dangerous_elements(f"<p>{escape(PAYLOAD)}</p>")
    assert dangerous_elements('<a href=" JavaScript:alert(1)">x</a>')
