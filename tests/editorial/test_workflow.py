"""The newsroom's review chain, walked as each role with the test client."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category

User = get_user_model()


def as_user(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def article_data(title, slug, action=None, **extra):
    data = {
        "title": title,
        "slug": slug,
        "category": Category.objects.get(slug="economics", locale__language_code="en").pk,
        "lead": "Port officials confirmed the new schedule on Tuesday.",
        "country_links": inline_formset([]),
        "author_links": inline_formset([]),
        "body": streamfield([("paragraph", rich_text("<p>The port reopened.</p>"))]),
        "comments": inline_formset([]),
        "notes": inline_formset([]),
        **extra,
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def news_section():
    return ArticleIndexPage.objects.get(locale__language_code="en", slug="news")


def write_article(client, slug, action):
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_section().pk]),
        article_data(f"Harbour story {slug}", slug, action),
    )
    assert response.status_code == 302, (
        getattr(response, "context", {}) and response.context["form"].errors
    )
    return ArticlePage.objects.get(slug=slug, locale__language_code="en")


def act(client, page, action, comment=""):
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = state.current_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )


@pytest.mark.django_db
def test_a_reporter_cannot_publish(client):
    reporter = as_user(client, "reporter")
    page = write_article(reporter, "reporter-tries-to-publish", "action-publish")
    assert not page.live
    assert not Page.objects.live().filter(pk=page.pk).exists()


@pytest.mark.django_db
def test_submit_review_approve_publishes_the_article(client):
    page = write_article(as_user(client, "reporter"), "chain-approved", "action-submit")
    state = WorkflowState.objects.for_instance(page).get()
    assert state.workflow.name == "Editorial review"
    assert state.current_task_state.task.name == "Editor review"
    assert any("editor@newsroom.example" in message.to for message in mail.outbox)

    assert act(as_user(client, "editor"), page, "approve").status_code == 302
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Chief editor approval"
    assert not ArticlePage.objects.get(pk=page.pk).live

    assert act(as_user(client, "chief"), page, "approve").status_code == 302
    assert ArticlePage.objects.get(pk=page.pk).live
    reader = client.get("/en/news/chain-approved/")
    assert reader.status_code == 200


@pytest.mark.django_db
def test_an_editor_cannot_skip_the_chief_editor(client):
    page = write_article(as_user(client, "reporter"), "chain-skip", "action-submit")
    editor = as_user(client, "editor")
    act(editor, page, "approve")
    response = act(editor, page, "approve")
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_a_rejection_returns_the_page_to_its_author_with_the_comment(client):
    page = write_article(as_user(client, "reporter"), "chain-rejected", "action-submit")
    mail.outbox.clear()

    act(as_user(client, "editor"), page, "reject", comment="Please name the second source.")

    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please name the second source."
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert any("reporter@newsroom.example" in message.to for message in mail.outbox)
    # Back with the reporter, who edits and can resubmit.
    edit = as_user(client, "reporter").get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200


@pytest.mark.django_db
def test_a_scheduled_article_goes_live_only_after_its_time(client):
    go_live = timezone.now() + timedelta(hours=2)
    chief = as_user(client, "chief")
    response = chief.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_section().pk]),
        article_data(
            "Embargoed budget story",
            "embargoed-budget",
            "action-publish",
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        ),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="embargoed-budget", locale__language_code="en")

    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert client.get("/en/news/embargoed-budget/").status_code == 404
    assert "Embargoed budget story" not in client.get("/en/search/", {"q": "Embargoed"}).text
    assert "Embargoed budget story" not in client.get("/en/").text

    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=page.pk).live
    assert client.get("/en/news/embargoed-budget/").status_code == 200


@pytest.mark.django_db
def test_roles_reach_only_their_sections():
    from wagtail.models import Page as WagtailPage

    partners_section = WagtailPage.objects.get(locale__language_code="en", slug="partners")
    reporter = User.objects.get(username="reporter")
    partner_manager = User.objects.get(username="partners")
    widget_manager = User.objects.get(username="widgets")

    assert news_section().permissions_for_user(reporter).can_add_subpage()
    assert not news_section().permissions_for_user(reporter).can_publish_subpage()
    assert not partners_section.permissions_for_user(reporter).can_add_subpage()
    assert partners_section.permissions_for_user(partner_manager).can_publish_subpage()
    assert not news_section().permissions_for_user(partner_manager).can_edit()
    assert widget_manager.has_perm("widgets.change_exchangerate")
    assert not news_section().permissions_for_user(widget_manager).can_edit()


@pytest.mark.django_db
def test_the_chain_is_in_the_audit_log_and_on_each_dashboard(client):
    from wagtail.models import PageLogEntry

    page = write_article(as_user(client, "reporter"), "chain-audited", "action-submit")
    reporter_home = client.get("/admin/").text
    assert "Harbour story chain-audited" in reporter_home  # the reporter's own recent edits

    editor_home = as_user(client, "editor").get("/admin/").text
    assert "Awaiting your review" in editor_home and "Harbour story chain-audited" in editor_home
    act(client, page, "approve")
    act(as_user(client, "chief"), page, "approve")

    actions = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp")
        .values_list("action", "user__username")
    )
    assert ("wagtail.create", "reporter") in actions
    assert ("wagtail.workflow.start", "reporter") in actions
    assert ("wagtail.workflow.approve", "editor") in actions
    assert ("wagtail.workflow.approve", "chief") in actions
    assert ("wagtail.publish", "chief") in actions


@pytest.mark.django_db
def test_translations_go_through_the_lighter_review(client):
    russian = ArticlePage.objects.live().filter(locale__language_code="ru").first()
    assert russian.get_workflow().name == "Translation review"
    assert [task.name for task in russian.get_workflow().tasks] == ["Translation check"]
    english = russian.get_translation(russian.get_default_locale().get_default())
    assert english.get_workflow().name == "Editorial review"
