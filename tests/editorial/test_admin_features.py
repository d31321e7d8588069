"""Locking, revisions, previews, dashboard panels and the audit log, as editors use them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageLogEntry

from articles.models import ArticlePage
from tests.editorial.test_workflow import article_data

User = get_user_model()


def as_user(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def article(language="en"):
    return ArticlePage.objects.live().get(
        locale__language_code=language, slug="novosibirsk-rail-container-hub"
    )


@pytest.mark.django_db
def test_a_page_locked_by_the_chief_editor_cannot_be_saved_by_a_reporter(client):
    page = article()
    chief = as_user(client, "chief")
    assert chief.post(reverse("wagtailadmin_pages:lock", args=[page.pk])).status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by.username == "chief"

    reporter = as_user(client, "reporter")
    before = page.latest_revision_id
    response = reporter.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        article_data("Changed by the reporter", page.slug, "action-submit"),
    )
    assert response.status_code in (200, 302, 403)
    assert ArticlePage.objects.get(pk=page.pk).latest_revision_id == before
    assert PageLogEntry.objects.filter(page=page, action="wagtail.lock").exists()


@pytest.mark.django_db
def test_revisions_can_be_compared(client):
    page = article()
    first = page.latest_revision
    page.title = f"{page.title} (corrected)"
    second = page.save_revision()
    chief = as_user(client, "chief")

    response = chief.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    )

    assert response.status_code == 200
    assert "(corrected)" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_a_draft_previews_in_its_language(client, language):
    page = article(language)
    page.title = f"{page.title} DRAFT-{language}"
    page.save_revision()

    response = as_user(client, "admin").get(
        reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    )

    assert response.status_code == 200
    assert f"DRAFT-{language}" in response.text
    assert f'<html lang="{language}"' in response.text
    # Readers still see the published version.
    assert f"DRAFT-{language}" not in client.get(page.url).text


@pytest.mark.django_db
def test_editing_shows_the_comments_panel(client):
    response = as_user(client, "editor").get(
        reverse("wagtailadmin_pages:edit", args=[article().pk])
    )
    assert response.status_code == 200
    assert "comments" in response.context["form"].formsets


@pytest.mark.django_db
def test_dashboard_shows_out_of_date_translations(client):
    source = article()
    source.save_revision().publish()

    html = as_user(client, "editor").get("/admin/").text

    panel = html[html.index('id="out-of-date-translations-section"') :]
    assert 'data-locale="ru"' in panel and "translation-status/ru/?state=out_of_date" in panel
