"""After acting on a review, the reviewer is told where the story went, not that it "has
been updated": on from the dashboard (a plain POST, or the modal's XHR) or the editor."""

import json

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset

from articles.models import ArticlePage
from tests.editorial.test_workflow import article_data, as_user, news_section

DASHBOARD = reverse("wagtailadmin_home")


def story_data(slug, action=None, **extra):
    # An empty bylines inline (cms/bylines) too: the network signs the story.
    return article_data(
        f"Harbour story {slug}", slug, action, author_links=inline_formset([]), **extra
    )


def submitted_story(client, slug):
    """A story a reporter writes in the admin and submits for review."""
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_section().pk]),
        story_data(slug, "action-submit"),
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(slug=slug, locale__language_code="en")


def task_state_of(page):
    return WorkflowState.objects.for_instance(page).get(status="in_progress").current_task_state


def from_dashboard(client, page, action, comment="", modal=False):
    """The dashboard's action on the page's current task; the page the reviewer lands on."""
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state_of(page).pk]
    )
    data = {"comment": comment, "next": DASHBOARD}
    if not modal:
        return client.post(url, data, follow=True).content.decode()
    answer = client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})
    assert json.loads(answer.content)["step"] == "success"
    return client.get(DASHBOARD).content.decode()


@pytest.mark.django_db
def test_approvals_from_the_dashboard_say_where_the_story_went(client):
    page = submitted_story(as_user(client, "reporter"), "msg-approved")

    landed = from_dashboard(as_user(client, "editor"), page, "approve")
    assert "Approved: “Harbour story msg-approved” goes on to Chief editor approval." in landed
    assert "has been updated" not in landed

    landed = from_dashboard(as_user(client, "chief"), page, "approve", modal=True)
    assert "Published: “Harbour story msg-approved” is live." in landed
    assert ArticlePage.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_a_request_for_changes_says_who_gets_the_story_back(client):
    page = submitted_story(as_user(client, "reporter"), "msg-rejected")
    landed = from_dashboard(
        as_user(client, "editor"), page, "reject", comment="Name your source.", modal=True
    )
    assert "Sent back: “Harbour story msg-rejected” returns to reporter with your comment." in (
        landed
    )

    page = submitted_story(as_user(client, "reporter"), "msg-resubmitted")
    landed = from_dashboard(as_user(client, "editor"), page, "reject")
    assert "Sent back: “Harbour story msg-resubmitted” returns to reporter." in landed


@pytest.mark.django_db
def test_an_approval_in_the_page_editor_says_where_the_story_went(client):
    page = submitted_story(as_user(client, "reporter"), "msg-in-editor")
    editor = as_user(client, "editor")
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        story_data(
            "msg-in-editor",
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
        follow=True,
    )
    html = response.content.decode()
    assert "Approved: “Harbour story msg-in-editor” goes on to Chief editor approval." in html
    assert "has been updated" not in html
    # A plain save still says what Wagtail says.
    response = as_user(client, "chief").post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        story_data("msg-in-editor"),
        follow=True,
    )
    assert "has been updated" in response.content.decode()
