"""An article's tags are translated in the translation editor, one segment per tag, and
each language's page carries its own language's tags."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from articles.models import ArticlePage
from cms.demo.files import read
from tests.localization.test_drafts_follow_source import (
    as_user,
    offered_texts,
    start_story,
    story_form,
    translate,
)

User = get_user_model()
ENGLISH_TAGS = {"container cranes", "night shift"}
RUSSIAN = {"container cranes": "контейнерные краны", "night shift": "ночная смена"}


def tag_names(page):
    return {tag.name for tag in ArticlePage.objects.get(pk=page.pk).tags.all()}


def russian_of(page):
    return ArticlePage.objects.get(
        translation_key=page.translation_key, locale__language_code="ru"
    )


def russian_translation(page):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ru"
    )


def publish_russian(page, capture):
    with capture(execute=True):  # wagtail-localize publishes once the transaction commits
        russian_translation(page).save_target(user=User.objects.get(username="admin"))
    return russian_of(page)


def set_english_tags(page, names, capture):
    """The English desk changes the tags and publishes; the translation source follows."""
    english = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    english.tags.set(names)
    with capture(execute=True):
        english.save_revision(user=User.objects.get(username="chief")).publish()
    TranslationSource.update_or_create_from_instance(ArticlePage.objects.get(pk=page.pk))


def tag_segments(editor_response):
    """The segments the translation editor shows under the field label "Tags"."""
    props = json.loads(editor_response.context["props"])
    return [segment for segment in props["segments"] if segment["location"]["field"] == "Tags"]


@pytest.fixture
def tagged_story(client, django_capture_on_commit_callbacks):
    """An English article with two tags, published, so every language has its draft."""
    admin = as_user(client, "admin")
    with django_capture_on_commit_callbacks(execute=True):
        story = start_story(admin, "tagged-harbour-story")
        data = story_form(story.slug, "Cranes work through the night.", "action-publish")
        data["tags"] = ", ".join(sorted(ENGLISH_TAGS))
        response = admin.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.live and tag_names(story) == ENGLISH_TAGS
    return story


@pytest.mark.django_db
def test_the_translation_editor_offers_each_tag_as_a_segment_of_its_own(client, tagged_story):
    draft = russian_of(tagged_story)

    editor = as_user(client, "admin").get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))

    assert editor.status_code == 200
    segments = tag_segments(editor)
    assert sorted(segment["source"] for segment in segments) == sorted(ENGLISH_TAGS)
    assert all(segment["contentPath"].startswith("tags.") for segment in segments)


@pytest.mark.django_db
def test_the_russian_page_carries_the_translated_tags_and_the_english_keeps_its_own(
    client, tagged_story, django_capture_on_commit_callbacks
):
    translator = as_user(client, "translator-ru")
    for english, russian in RUSSIAN.items():
        translate(translator, tagged_story, "ru", english, russian)

    russian_page = publish_russian(tagged_story, django_capture_on_commit_callbacks)

    assert russian_page.live
    assert tag_names(russian_page) == set(RUSSIAN.values())
    assert tag_names(tagged_story) == ENGLISH_TAGS
    # What readers, search, the API and partners read is the Russian page's own tags.
    assert set(russian_page.tag_names) == set(RUSSIAN.values())
    assert set(RUSSIAN.values()) <= set(russian_page.keywords)
    assert "#ночная смена" in client.get(russian_page.url).text
    api = client.get(f"/api/v2/pages/{russian_page.pk}/").json()
    assert api["tags"] == sorted(RUSSIAN.values())
    section = russian_page.get_parent()
    russian_tag = russian_page.tags.get(name="ночная смена")
    assert russian_page.title in client.get(section.url, {"tag": russian_tag.slug}).text
    english_tag = tagged_story.tags.get(name="night shift")
    assert russian_page.title not in client.get(section.url, {"tag": english_tag.slug}).text


@pytest.mark.django_db
def test_a_tag_nobody_translated_keeps_its_english_name(
    client, tagged_story, django_capture_on_commit_callbacks
):
    translate(as_user(client, "translator-ru"), tagged_story, "ru", "night shift", "ночная смена")

    russian_page = publish_russian(tagged_story, django_capture_on_commit_callbacks)

    assert tag_names(russian_page) == {"ночная смена", "container cranes"}


@pytest.mark.django_db
def test_changed_english_tags_keep_the_translated_ones_and_offer_the_new_one(
    client, tagged_story, django_capture_on_commit_callbacks
):
    translator = as_user(client, "translator-ru")
    for english, russian in RUSSIAN.items():
        translate(translator, tagged_story, "ru", english, russian)
    publish_russian(tagged_story, django_capture_on_commit_callbacks)

    set_english_tags(
        tagged_story, ["dock workers", "container cranes"], django_capture_on_commit_callbacks
    )
    russian_page = publish_russian(tagged_story, django_capture_on_commit_callbacks)

    offered = offered_texts(tagged_story)
    assert "dock workers" in offered and "night shift" not in offered
    # The kept tag keeps its translation; the new one waits for the translator.
    assert tag_names(russian_page) == {"контейнерные краны", "dock workers"}

    translate(translator, tagged_story, "ru", "dock workers", "докеры")
    russian_page = publish_russian(tagged_story, django_capture_on_commit_callbacks)
    assert tag_names(russian_page) == {"контейнерные краны", "докеры"}
    assert tag_names(tagged_story) == {"dock workers", "container cranes"}


@pytest.mark.django_db
def test_an_english_article_left_without_tags_leaves_its_translation_none(
    client, tagged_story, django_capture_on_commit_callbacks
):
    translator = as_user(client, "translator-ru")
    for english, russian in RUSSIAN.items():
        translate(translator, tagged_story, "ru", english, russian)
    publish_russian(tagged_story, django_capture_on_commit_callbacks)

    set_english_tags(tagged_story, [], django_capture_on_commit_callbacks)
    russian_page = publish_russian(tagged_story, django_capture_on_commit_callbacks)

    assert tag_names(russian_page) == set()


@pytest.mark.django_db
def test_the_demo_translates_tags_through_the_translation_editor(
    django_capture_on_commit_callbacks,
):
    item = next(item for item in read("articles.json") if item.get("translate"))
    english = ArticlePage.objects.get(slug=item["slug"], locale__language_code="en")
    expected = read("translations/ru.json")["articles"][item["slug"]]["tags"]
    russian_page = english.get_translation(Locale.objects.get(language_code="ru"))
    assert tag_names(russian_page) == set(expected)

    # The Russian names are stored as translations of the tag segments, so saving the
    # translation again from the editor's segments keeps them.
    source = russian_translation(english).source
    tag_strings = StringSegment.objects.filter(source=source, context__path__startswith="tags.")
    assert sorted(segment.string.data for segment in tag_strings) == sorted(item["tags"])
    assert tag_names(publish_russian(english, django_capture_on_commit_callbacks)) == set(expected)
