"""The translator's desk on the dashboard: what waits in their languages, newest first,
through a story's whole round (new, in review, sent back, published, out of date)."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.core.stories import story_models
from tests.localization.test_translation_rights import english_story, translated

User = get_user_model()
DASHBOARD = reverse("wagtailadmin_home")
DESK = b'data-pile="new"'


def login(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def pile(client, name):
    """(count, [(title, language, link)]) of one pile of the desk, as the dashboard shows it."""
    html = client.get(DASHBOARD).content.decode()
    section = re.search(rf'data-pile="{name}".*?</section>', html, re.S)
    assert section, f"no {name} pile on the dashboard"
    section = section[0]
    count = int(re.search(r"data-count>(\d+)<", section)[1])
    rows = [
        (unescape(re.sub(r"<[^>]+>", "", title)).strip(), language, link)
        for language, title, link in re.findall(
            r'<tr data-locale="([^"]+)">.*?<div class="title-wrapper">(.*?)</div>.*?'
            r'(?:href|action)="([^"]+)"',
            section,
            re.S,
        )
    ]
    return count, rows


def russian_waiting():
    """What the desk must count as new for Russian, asked independently of it."""
    russian_live = Page.objects.filter(locale__language_code="ru", live=True).values(
        "translation_key"
    )
    return (
        Page.objects.live()
        .filter(locale__language_code="en")
        .type(*story_models())
        .exclude(translation_key__in=russian_live)
        .count()
    )


@pytest.mark.django_db
def test_a_published_story_tops_the_new_pile_of_each_translator_in_their_language(client):
    story = english_story()
    translated(story, "ru")

    count, rows = pile(login(client, "translator-ru"), "new")
    assert count == russian_waiting()
    title, language, link = rows[0]
    assert (title, language) == (story.title, "ru")
    assert link == reverse(
        "wagtailadmin_pages:edit",
        args=[story.get_translation(Locale.objects.get(language_code="ru")).pk],
    )
    assert {row[1] for row in rows} == {"ru"}

    # Amharic has no page yet: the desk offers to start it, in one click (a form, with
    # the CSRF token a browser sends).
    browser = Client(enforce_csrf_checks=True)
    login(browser, "translator-am")
    html = browser.get(DASHBOARD).content.decode()
    _count, rows = pile(browser, "new")
    title, language, start_url = rows[0]
    assert (title, language) == (story.title, "am")
    form = re.search(
        rf'action="{re.escape(start_url)}">.*?name="csrfmiddlewaretoken" value="([^"]+)"',
        html,
        re.S,
    )
    assert form, "the Translate form carries no CSRF token"
    response = browser.post(start_url, {"csrfmiddlewaretoken": form[1]})
    amharic = story.get_translation(Locale.objects.get(language_code="am"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[amharic.pk])
    # ...and nobody starts another language's translation that way.
    ru_start = reverse("translators_desk_start", args=[english_story().pk, "ru"])
    assert login(client, "translator-am").post(ru_start).status_code == 403


@pytest.mark.django_db
def test_a_translation_moves_through_review_sent_back_published_and_out_of_date(
    client, django_capture_on_commit_callbacks
):
    story = english_story()
    _translation, draft = translated(story, "ru")
    translator = login(client, "translator-ru")
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    translator.post(edit_url, {"action": "publish"})
    count, rows = pile(translator, "in_review")
    assert count == 1 and rows[0][0] == draft.title
    assert story.title not in [row[0] for row in pile(translator, "new")[1]]

    draft.refresh_from_db()
    task_state = draft.current_workflow_state.current_task_state
    chief = User.objects.get(username="chief")
    task_state.task.specific.on_action(
        task_state, chief, "reject", comment="Check the port's name"
    )
    html = translator.get(DASHBOARD).content.decode()
    assert pile(translator, "sent_back")[0] == 1
    assert "Check the port&#x27;s name" in html
    assert pile(translator, "in_review")[0] == 0

    translator.post(edit_url, {"action": "publish"})
    draft.refresh_from_db()
    task_state = draft.current_workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, chief, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert pile(translator, "sent_back")[0] == pile(translator, "in_review")[0] == 0

    # The English is corrected and published again: the Russian is out of date.
    story.lead = "Correction: the corridor reopened on Wednesday."
    story.save_revision().publish()
    count, rows = pile(translator, "out_of_date")
    assert count == 1
    assert rows[0][2] == edit_url


@pytest.mark.django_db
def test_each_role_sees_its_own_panels(client):
    assert DESK in login(client, "translator-ru").get(DASHBOARD).content
    assert DESK in login(client, "chief").get(DASHBOARD).content
    editor = login(client, "editor").get(DASHBOARD).content
    assert DESK not in editor
    assert b'id="out-of-date-translations-section"' in editor
    reporter = login(client, "reporter").get(DASHBOARD).content
    assert DESK not in reporter
    assert b"out-of-date-translations" not in reporter


@pytest.mark.django_db
def test_the_desk_asks_the_same_queries_however_many_stories_wait(client):
    translator = login(client, "translator-ru")
    translator.get(DASHBOARD)  # warm the per-process caches (content types, sites)
    with CaptureQueriesContext(connection) as before:
        translator.get(DASHBOARD)
    for _ in range(5):
        translated(english_story(), "ru")
    translator.get(DASHBOARD)  # publishing emptied the caches the first request fills
    with CaptureQueriesContext(connection) as after:
        translator.get(DASHBOARD)
    assert len(after) == len(before)
