"""Who may translate into which language: every role × every translating action × three
languages (Cyrillic, Ethiopic, right-to-left), each judged by what it changed.

A translator of a language and the chief editors start a translation into it, update it
from the source, machine-translate it, exchange PO files and submit it; nobody else, and a
translator touches no other language. Translators submit to review; chief editors publish.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category
from tests.factories import make_article

User = get_user_model()
LANGUAGES = ["ru", "am", "ar"]
ROLES = ["reporter", "editor", "chief", "translator-ru", "translator-am", "translator-ar"]
# wagtail-localize's offline translator: it covers every language (ours stop short of some).
OFFLINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def may_translate(role, language):
    return role == "chief" or role == f"translator-{language}"


def english_story():
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    economics = Category.objects.get(slug="economics", locale=news.locale)
    return make_article(news, category=economics, title="Grain corridor reopens after talks")


def translated(story, language):
    """The story with a linked draft in `language`, made as the newsroom's code makes them."""
    locale = Locale.objects.get(language_code=language)
    TranslationCreator(None, [locale]).create_translations(story)
    translation = Translation.objects.get(
        source__object_id=story.translation_key, target_locale=locale
    )
    return translation, ArticlePage.objects.get(pk=story.get_translation(locale).pk)


def has_translations(translation):
    return StringTranslation.objects.filter(
        translation_of__in=StringSegment.objects.filter(source=translation.source).values(
            "string"
        ),
        locale=translation.target_locale,
    ).exists()


def start(client, language):
    story = english_story()
    locale = Locale.objects.get(language_code=language)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code < 500
    return story.has_translation(locale)


def update(client, language):
    story = english_story()
    translation, _draft = translated(story, language)
    story.lead = "Ships left the port at dawn."
    story.save_revision().publish()
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]), {}
    )
    assert response.status_code < 500
    return StringSegment.objects.filter(
        source=translation.source, string__data="Ships left the port at dawn."
    ).exists()


def machine_translate(client, language):
    translation, draft = translated(english_story(), language)
    client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_pages:edit", args=[draft.pk])},
    )
    return has_translations(translation)


def download_po(client, language):
    translation, _draft = translated(english_story(), language)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    return response.status_code == 200 and b"Grain corridor reopens" in response.content


def upload_po(client, language):
    translation, draft = translated(english_story(), language)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"[{language}] {entry.msgid}"
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {
            "file": _po_file(po),
            "next": reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        },
    )
    return has_translations(translation)


def _po_file(po):
    return SimpleUploadedFile("translation.po", str(po).encode(), content_type="text/x-gettext")


def submit(client, language):
    translation, draft = translated(english_story(), language)
    client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"})

    def went_live_or_to_review():  # asked once the transaction committed
        draft.refresh_from_db()
        return draft.live or draft.workflow_in_progress

    return went_live_or_to_review


ACTIONS = [start, update, machine_translate, download_po, upload_po, submit]


@pytest.mark.django_db
@pytest.mark.parametrize("action", ACTIONS, ids=[action.__name__ for action in ACTIONS])
@pytest.mark.parametrize("role", ROLES)
def test_only_the_languages_translators_and_the_chief_editors_translate(
    client, settings, django_capture_on_commit_callbacks, role, action
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = OFFLINE_TRANSLATOR
    client.force_login(User.objects.get(username=role))
    done = set()
    for language in LANGUAGES:
        # wagtail-localize publishes a translation once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            outcome = action(client, language)
        if outcome() if callable(outcome) else outcome:
            done.add(language)
    assert done == {language for language in LANGUAGES if may_translate(role, language)}


@pytest.mark.django_db
def test_a_translators_submission_waits_for_review_while_a_chief_editor_publishes(
    client, django_capture_on_commit_callbacks
):
    translation, draft = translated(english_story(), "ru")
    client.force_login(User.objects.get(username="translator-ru"))
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    page = client.get(edit_url)
    assert b"Submit to Translation review" in page.content  # the editor's primary button

    response = client.post(edit_url, {"action": "publish"}, follow=True)
    draft.refresh_from_db()
    assert not draft.live
    state = draft.current_workflow_state
    assert state.workflow.name == "Translation review"
    assert state.requested_by.username == "translator-ru"
    assert "submitted to Translation review" in response.content.decode()

    client.force_login(User.objects.get(username="chief"))
    assert b"Submit to Translation review" not in client.get(edit_url).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    draft.refresh_from_db()
    assert draft.live


@pytest.mark.django_db
def test_a_translator_sent_back_resubmits_the_same_review(client):
    translation, draft = translated(english_story(), "ru")
    translator = User.objects.get(username="translator-ru")
    client.force_login(translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.post(edit_url, {"action": "publish"})
    draft.refresh_from_db()
    state = draft.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state, User.objects.get(username="chief"), "reject", comment="Headline too long"
    )
    state.refresh_from_db()
    assert state.status == state.STATUS_NEEDS_CHANGES

    client.post(edit_url, {"action": "publish"})
    state.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS  # resumed, not a second workflow
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["reporter", "editor", "translator-ru"])
def test_no_role_but_the_chief_editors_publishes_a_translation_by_update(client, role):
    """ "Publish immediately" of the update form is not offered to those who are reviewed."""
    story = english_story()
    translation, draft = translated(story, "ru")
    client.force_login(User.objects.get(username=role))
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    client.post(url, {"publish_translations": "on"})
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.parametrize(
    "address",
    [
        "/admin/localize/submit/page/1/",
        "/admin/localize/submit/snippet/taxonomy/category/1/",
        "/admin/localize/update/1/",
        "/admin/localize/page/1/convert_to_alias/",
    ],
)
def test_wagtail_localizes_addresses_are_answered_by_the_newsrooms_views(address):
    # Whatever order the apps' admin hooks load in (a module importing wagtail-localize's
    # hooks early once put its own views, which let a translator start any language, first).
    from django.urls import resolve

    assert resolve(address).func.__module__ == "cms.localization.translation_views"
