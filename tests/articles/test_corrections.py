"""Dated corrections and updates on a published article: readers, JSON-LD, feeds, partners."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, TranslationSource

from articles.models import ArticleNote
from cms.core.formatting import format_published
from cms.distribution.items import items_for_pages
from tests.core.test_structured_data import Head
from tests.distribution.conftest import add_article

pytestmark = pytest.mark.django_db
BASE_URL = "https://news.example.org"


def add_note(article, kind, text, noted_at):
    """As an editor does: the note added to the latest revision, which is then published."""
    page = article.get_latest_revision_as_object()
    page.notes.add(ArticleNote(kind=kind, text=text, noted_at=noted_at))
    page.save_revision().publish()
    return type(article).objects.get(pk=article.pk)


def test_readers_see_a_dated_correction_in_english(client):
    noted_at = timezone.now() - timedelta(minutes=5)
    article = add_article("en", title="Port reopens")
    add_note(article, "correction", "An earlier version misnamed the port.", noted_at)

    html = client.get(article.url).content.decode()

    assert 'class="story-note story-note--correction"' in html
    assert "<strong>Correction</strong>" in html
    assert "An earlier version misnamed the port." in html
    with translation.override("en"):
        assert format_published(noted_at, "en") in html


def test_readers_see_an_update_in_arabic_with_its_localized_date(client):
    noted_at = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    article = add_article("ar", title="افتتاح الميناء")
    add_note(article, "update", "أضيفت تصريحات وزير النقل.", noted_at)

    html = client.get(article.url).content.decode()

    assert "أضيفت تصريحات وزير النقل." in html
    with translation.override("ar"):
        assert f"<strong>{ArticleNote(kind='update').get_kind_display()}</strong>" in html
        assert "Update" not in html.split('class="story-notes"')[1].split("</section>")[0]
    # The date as the Arabic site writes dates: day first, with its AM marker.
    assert format_published(noted_at, "ar") in html
    assert format_published(noted_at, "ar") != format_published(noted_at, "en")


def test_an_article_without_notes_shows_no_box(client):
    article = add_article("en")
    assert 'class="story-notes"' not in client.get(article.url).content.decode()


def test_json_ld_date_modified_is_the_latest_note(client):
    article = add_article("en")
    later = timezone.now() + timedelta(hours=2)
    add_note(article, "update", "Figures for March added.", later)

    news_article = Head(client.get(article.url).content.decode()).of_type("NewsArticle")

    assert news_article["dateModified"] == later.isoformat()
    assert news_article["datePublished"] != news_article["dateModified"]


def test_the_feed_entry_is_updated_at_the_latest_note(client):
    article = add_article("en")
    later = timezone.now() + timedelta(hours=3)
    add_note(article, "correction", "The minister's name is now spelt right.", later)

    feed = feedparser.parse(client.get("/en/feeds/atom/").content)
    [entry] = [e for e in feed.entries if e.link.endswith(article.url)]

    assert entry.updated_parsed[:5] == later.astimezone(UTC).timetuple()[:5]


def test_each_note_makes_a_new_version_of_the_same_item():
    article = add_article("en")
    [first] = items_for_pages([article], base_url=BASE_URL)
    now = timezone.now()

    article = add_note(article, "correction", "A date was wrong.", now + timedelta(minutes=1))
    [second] = items_for_pages([article], base_url=BASE_URL)
    article = add_note(article, "update", "Reactions added.", now + timedelta(minutes=2))
    [third] = items_for_pages([article], base_url=BASE_URL)

    assert first.guid == second.guid == third.guid
    assert (first.version, second.version, third.version) == (1, 2, 3)
    assert third.modified_at == now + timedelta(minutes=2)
    assert [note.kind for note in third.notes] == ["correction", "update"]
    assert article.version == 3 and article.modified_at == third.modified_at


def test_a_notes_text_is_offered_to_translators():
    article = add_article("en")
    article = add_note(article, "correction", "The bridge is 40 metres long.", timezone.now())

    source, _created = TranslationSource.get_or_create_from_instance(article)

    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert "The bridge is 40 metres long." in set(texts)


def test_an_editor_adds_a_correction_in_the_admin_and_publishes_it(admin_client, client):
    article = add_article("en", title="Tram line opens")
    form = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert "Corrections and updates" in form.content.decode()

    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "lead": article.lead,
            "category": article.category_id,
            "country_links": inline_formset([]),
            "author_links": inline_formset([]),
            "body": streamfield([("paragraph", rich_text("<p>Trams every ten minutes.</p>"))]),
            "comments": inline_formset([]),
            "notes": inline_formset(
                [
                    {
                        "kind": "correction",
                        "noted_at": "2026-11-25 10:15",
                        "text": "The line has 12 stops, not 14.",
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/{article.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    article.refresh_from_db()
    assert article.version == 2
    assert "The line has 12 stops, not 14." in client.get(article.url).content.decode()
