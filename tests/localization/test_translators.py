"""Translators work through wagtail-localize, each in their own language only."""

import pytest
from django.contrib.auth import get_user_model
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from articles.models import ArticlePage
from cms.localization.status import translation_status

User = get_user_model()


def login(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def untranslated_english_article(language="ru"):
    return (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .exclude(
            translation_key__in=Page.objects.filter(locale__language_code=language).values(
                "translation_key"
            )
        )
        .order_by("pk")
        .first()
    )


def approve(chief, page):
    """The chief editor's "Approve" on the page's review task, as the dashboard offers it."""
    task_state = page.current_workflow_state.current_task_state
    response = chief.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302), response.content[:500]


def start_translation(client, page, language):
    """An editor asks for a translation, as the admin's Translate button does."""
    locale = Locale.objects.get(language_code=language)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return page.get_translation(locale)


def translate_segments(client, translation_page, texts):
    """Type a translation into each segment of the translation editor."""
    translation = Translation.objects.get(
        source__object_id=translation_page.translation_key,
        target_locale=translation_page.locale,
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string"
    ):
        value = texts.get(segment.string.data, segment.string.data)
        url = reverse(
            "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
        )
        response = client.put(
            url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT
        )
        assert response.status_code in (200, 201), response.content
    return translation


@pytest.mark.django_db
def test_russian_translator_translates_and_publishes_an_english_article(
    client, django_capture_on_commit_callbacks
):
    source = untranslated_english_article("ru")
    draft = start_translation(login(client, "admin"), source, "ru")
    assert not draft.live, "a started translation is a draft, not English copy on /ru/"

    translator = login(client, "translator-ru")
    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]

    russian_title = "Новый заголовок статьи на русском"
    translate_segments(translator, draft, {source.title: russian_title})
    response = translator.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"}
    )
    assert response.status_code == 302
    submitted = ArticlePage.objects.get(pk=draft.pk)
    assert not submitted.live, "a translator's work goes live through Translation review"

    with django_capture_on_commit_callbacks(execute=True):
        approve(login(client, "chief"), submitted)
    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.live and published.title == russian_title
    reader = client.get(published.url)
    assert reader.status_code == 200 and russian_title in reader.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_russian_translator_cannot_touch_pages_of_another_locale(client, language):
    page = ArticlePage.objects.live().filter(locale__language_code=language).first()
    translator = login(client, "translator-ru")

    edit = translator.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    publish = translator.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
    )

    assert edit.status_code == 302 and edit["Location"] == "/admin/"
    assert publish.status_code == 302 and publish["Location"] == "/admin/"
    assert Page.objects.get(pk=page.pk).latest_revision_id == page.latest_revision_id


@pytest.mark.django_db
def test_russian_translator_cannot_type_into_an_arabic_translation(client):
    arabic = ArticlePage.objects.live().filter(locale__language_code="ar").first()
    translation = Translation.objects.get(
        source__object_id=arabic.translation_key, target_locale=arabic.locale
    )
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])

    response = login(client, "translator-ru").put(
        url, encode_multipart(BOUNDARY, {"value": "взлом"}), content_type=MULTIPART_CONTENT
    )

    assert response.status_code == 403


@pytest.mark.django_db
def test_editing_the_source_marks_the_translation_out_of_date_until_synced(
    client, django_capture_on_commit_callbacks
):
    russian = ArticlePage.objects.live().filter(locale__language_code="ru").first()
    source = russian.get_translation(Locale.objects.get(language_code="en"))

    def ru_state():
        status = next(s for s in translation_status() if s.locale.language_code == "ru")
        for state in ("translated", "out_of_date", "missing"):
            if status.pages(state).filter(pk=source.pk).exists():
                return state

    assert ru_state() == "translated"

    source.title = f"{source.title} (updated)"
    source.save_revision().publish()
    assert ru_state() == "out_of_date"

    # Sync the source into the translation, then the translator finishes and publishes.
    editor = login(client, "admin")
    translation_source = TranslationSource.objects.get_for_instance(source)
    response = editor.post(
        reverse("wagtail_localize:update_translations", args=[translation_source.pk]), {}
    )
    assert response.status_code == 302
    translator = login(client, "translator-ru")
    translate_segments(translator, russian, {source.title: f"{russian.title} (обновлено)"})
    translator.post(reverse("wagtailadmin_pages:edit", args=[russian.pk]), {"action": "publish"})
    assert ru_state() == "out_of_date"  # submitted, not yet approved
    with django_capture_on_commit_callbacks(execute=True):
        approve(login(client, "chief"), ArticlePage.objects.get(pk=russian.pk))

    assert ru_state() == "translated"
    assert ArticlePage.objects.get(pk=russian.pk).title.endswith("(обновлено)")


@pytest.mark.django_db
def test_a_new_category_is_translated_through_the_translation_editor(client):
    from cms.taxonomy.models import Category

    english = Locale.objects.get(language_code="en")
    russian_locale = Locale.objects.get(language_code="ru")
    health = Category.objects.create(name="Health", slug="health", locale=english)
    editor = login(client, "admin")

    response = editor.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["taxonomy", "category", health.pk],
        ),
        {"locales": [russian_locale.pk]},
    )
    assert response.status_code == 302
    russian = health.get_translation(russian_locale)

    edit_url = reverse("wagtailsnippets_taxonomy_category:edit", args=[russian.pk])
    assert "wagtail_localize/admin/edit_translation.html" in [
        t.name for t in editor.get(edit_url).templates
    ]
    translate_segments(editor, russian, {"Health": "Здоровье"})
    editor.post(edit_url, {"action": "publish"})

    russian.refresh_from_db()
    assert russian.name == "Здоровье"
    assert russian.slug == "health"  # the address part stays shared by all languages
