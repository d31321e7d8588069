"""Linked drafts appear when the English story is submitted or published, follow it from
then on, and go with it when it is deleted before it ever went live."""

import pytest
from django.contrib.auth import get_user_model
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category

User = get_user_model()
OTHER_LANGUAGES = {"ru", "pt", "zh-hans", "hi", "ar", "fa", "am"}


def as_user(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def story_form(slug, paragraph, action=None, lead="Port officials confirmed it on Tuesday."):
    data = {
        "title": f"Harbour story {slug}",
        "slug": slug,
        "category": Category.objects.get(slug="economics", locale__language_code="en").pk,
        "lead": lead,
        "photo_credit": "Harbour Photo Agency",
        "country_links": inline_formset([]),
        "author_links": inline_formset([]),
        "body": streamfield([("paragraph", rich_text(f"<p>{paragraph}</p>"))]),
        "comments": inline_formset([]),
        "notes": inline_formset([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def start_story(client, slug, paragraph="The port reopened."):
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news.pk]),
        story_form(slug, paragraph),
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(slug=slug, locale__language_code="en")


def edit_story(client, page, paragraph, action=None, **fields):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        story_form(page.slug, paragraph, action, **fields),
    )
    assert response.status_code == 302, response.content[:2000]


def submitted_story(client, capture, slug, paragraph):
    """A reporter's story, started then submitted for review, with its jobs run."""
    reporter = as_user(client, "reporter")
    with capture(execute=True):
        story = start_story(reporter, slug)
        edit_story(reporter, story, paragraph, "action-submit")
    return story


def drafts_of(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def offered_texts(page, language="ru"):
    """What the translation editor offers the translator: the source's segments."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language
    )
    return {
        segment.string.data
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string"
        )
    }


def draft_in(page, language="ru"):
    draft = page.get_translation(Locale.objects.get(language_code=language))
    return ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()


def translate(client, page, language, source_text, translated_text):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language
    )
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart(BOUNDARY, {"value": translated_text}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code in (200, 201), response.content


@pytest.mark.django_db
def test_a_story_gets_drafts_when_submitted_not_when_started(
    client, django_capture_on_commit_callbacks
):
    reporter = as_user(client, "reporter")
    with django_capture_on_commit_callbacks(execute=True):
        story = start_story(reporter, "drafts-on-submit")
        edit_story(reporter, story, "Cranes work through the night.")
    assert not drafts_of(story).exists()  # autosaves and drafts leave nothing behind

    with django_capture_on_commit_callbacks(execute=True):
        edit_story(reporter, story, "Cranes work through the night.", "action-submit")

    assert {page.locale.language_code for page in drafts_of(story)} == OTHER_LANGUAGES
    assert not any(page.live for page in drafts_of(story))
    # The drafts and the translation editor hold the story as submitted, not its first save.
    assert "Cranes work through the night." in offered_texts(story)
    assert "The port reopened." not in offered_texts(story)
    assert "Cranes work through the night." in str(draft_in(story).body)
    assert "Harbour Photo Agency" in offered_texts(story)  # the credit is translated too


@pytest.mark.django_db
def test_every_save_of_the_english_reaches_the_untranslated_drafts_keeping_translations(
    client, django_capture_on_commit_callbacks
):
    story = submitted_story(
        client, django_capture_on_commit_callbacks, "drafts-follow", "First version of the body."
    )
    translate(as_user(client, "translator-ru"), story, "ru", story.title, "Портовая история")

    # The editor reviewing it rewrites the body and the lead.
    with django_capture_on_commit_callbacks(execute=True):
        edit_story(
            as_user(client, "editor"), story, "Second version of the body.", lead="New lead."
        )

    offered = offered_texts(story)
    assert "Second version of the body." in offered and "New lead." in offered
    assert "First version of the body." not in offered
    russian = draft_in(story)
    assert russian.title == "Портовая история"  # what the translator did is kept
    assert "Second version of the body." in str(russian.body)
    assert russian.lead == "New lead."


@pytest.mark.django_db
def test_a_published_translation_stays_as_published_and_is_offered_the_change(
    client, django_capture_on_commit_callbacks
):
    russian = ArticlePage.objects.live().filter(locale__language_code="ru").first()
    english = russian.get_translation(Locale.objects.get(language_code="en")).specific
    published_lead = russian.lead
    source = TranslationSource.objects.get_for_instance(english)
    assert source is not None

    english.lead = "A lead the English desk corrected."
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision(user=User.objects.get(username="chief")).publish()

    assert "A lead the English desk corrected." in offered_texts(english)
    assert ArticlePage.objects.get(pk=russian.pk).lead == published_lead
    assert not ArticlePage.objects.get(pk=russian.pk).has_unpublished_changes


@pytest.mark.django_db
def test_deleting_a_story_that_never_went_live_takes_its_untouched_drafts(
    client, django_capture_on_commit_callbacks
):
    story = submitted_story(
        client, django_capture_on_commit_callbacks, "abandoned-story", "Nobody will read this."
    )
    translate(as_user(client, "translator-ru"), story, "ru", story.title, "Брошенная история")
    assert drafts_of(story).count() == len(OTHER_LANGUAGES)

    chief = as_user(client, "chief")
    response = chief.post(reverse("wagtailadmin_pages:delete", args=[story.pk]))
    assert response.status_code == 302

    left = Page.objects.filter(translation_key=story.translation_key)
    # The Russian draft has a translator's work in it: it stays, for them to decide.
    assert [page.locale.language_code for page in left] == ["ru"]
