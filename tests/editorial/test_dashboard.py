"""Each role's dashboard: its own work first, in Wagtail's panels, and within its query budget.

A reporter has written four stories: one still a draft, one waiting for an editor, one
waiting for a chief editor, one sent back by the editor with a comment. Every role opens
/admin/ on that newsroom.
"""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.taxonomy.models import Category
from tests.editorial.test_review_messages import submitted_story
from tests.editorial.test_workflow import User, act, as_user, news_section
from tests.factories import make_article
from tests.localization.test_admin_query_budgets import add_english_stories

DASHBOARD = reverse("wagtailadmin_home")
HEADING = re.compile(r'<h2 class="w-panel__heading[^"]*"[^>]*>(.*?)</h2>', re.S)
BUDGET = 30
MORE_STORIES = 20


def headings(html):
    """The panels' headings, top to bottom, as a reader sees them."""
    return [unescape(re.sub(r"<[^>]+>", "", heading)).strip() for heading in HEADING.findall(html)]


def panel(html, panel_id):
    found = re.search(rf'id="{panel_id}-section".*?</section>', html, re.S)
    assert found, f"no {panel_id} panel"
    return found[0]


def unsubmitted_draft(owner):
    """A story saved and never submitted, as Wagtail's add view leaves it."""
    page = make_article(
        news_section(),
        title="Harbour story dash-draft",
        category=Category.objects.get(slug="economics", locale__language_code="en"),
        live=False,
    )
    page.owner, page.first_published_at = owner, None
    page.save()
    page.save_revision(user=owner)
    return page


@pytest.fixture
def reporters_stories(client):
    reporter = as_user(client, "reporter")
    stories = {
        "draft": unsubmitted_draft(User.objects.get(username="reporter")),
        "with_editor": submitted_story(reporter, "dash-with-editor"),
        "with_chief": submitted_story(reporter, "dash-with-chief"),
        "sent_back": submitted_story(reporter, "dash-sent-back"),
    }
    act(as_user(client, "editor"), stories["with_chief"], "approve")
    act(as_user(client, "editor"), stories["sent_back"], "reject", comment="Name your source.")
    client.logout()
    return stories


def dashboard_of(client, username):
    response = as_user(client, username).get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_reporter_sees_what_came_back_then_their_drafts_then_what_is_in_review(
    client, reporters_stories
):
    html = dashboard_of(client, "reporter")
    assert headings(html)[:3] == [
        "Sent back to you",
        "Your drafts",
        "Your pages and snippets in a workflow",
    ]
    sent_back = panel(html, "sent-back")
    assert "Harbour story dash-sent-back" in sent_back
    assert "editor asks:" in sent_back and "Name your source." in sent_back
    assert "Editor review" in sent_back
    edit = reverse("wagtailadmin_pages:edit", args=[reporters_stories["sent_back"].pk])
    assert f'href="{edit}"' in sent_back

    drafts = panel(html, "your-drafts")
    assert "Harbour story dash-draft" in drafts
    assert (
        f'href="{reverse("wagtailadmin_pages:edit", args=[reporters_stories["draft"].pk])}"'
        in (drafts)
    )
    assert "dash-with-editor" not in drafts and "dash-sent-back" not in drafts

    in_review = panel(html, "objects-in-workflow")
    assert "Harbour story dash-with-editor" in in_review
    assert "Harbour story dash-with-chief" in in_review
    assert "dash-sent-back" not in in_review  # it is in "Sent back to you", with the comment
    assert 'class="w-summary' not in html  # no site-wide counts


@pytest.mark.django_db
def test_reviewers_open_on_what_awaits_their_review(client, reporters_stories):
    editor = dashboard_of(client, "editor")
    assert headings(editor)[0] == "Awaiting your review"
    awaiting = panel(editor, "awaiting-review")
    assert "Harbour story dash-with-editor" in awaiting
    assert "dash-with-chief" not in awaiting and "dash-draft" not in awaiting

    chief = dashboard_of(client, "chief")
    assert headings(chief)[:2] == ["Awaiting your review", "Your translation desk"]
    awaiting = panel(chief, "awaiting-review")
    # Chief editors may take either step; the one at their own step shows its first tick.
    assert "Harbour story dash-with-chief" in awaiting
    assert "Editor review: Approved" in awaiting
    assert "Chief editor approval: In progress" in awaiting
    # Chief editors publish their own stories: no "sent back" nor "drafts" for them.
    assert "Sent back to you" not in headings(chief) and "Your drafts" not in headings(chief)

    admin = dashboard_of(client, "admin")
    assert headings(admin)[0] == "Awaiting your review"


@pytest.mark.django_db
def test_a_translator_opens_on_their_desk_and_widget_warnings_reach_only_widget_managers(
    client, reporters_stories
):
    translator = dashboard_of(client, "translator-ru")
    assert headings(translator) and headings(translator)[0] == "Your translation desk"
    assert "Awaiting your review" not in headings(translator)

    stale_panel = 'id="stale-widget-sources-section"'
    assert stale_panel in dashboard_of(client, "widgets")
    assert stale_panel in dashboard_of(client, "admin")
    for username in ("reporter", "editor", "chief", "translator-ru", "partners"):
        assert stale_panel not in dashboard_of(client, username), username


@pytest.mark.django_db
def test_the_widget_managers_refresh_button_carries_its_csrf_token(client):
    html = dashboard_of(client, "widgets")
    form = re.search(
        r'<form method="post" action="/admin/widgets/refresh/">.*?</form>', html, re.S
    )
    assert form and 'name="csrfmiddlewaretoken"' in form[0]


def counted(client, username):
    client.get(DASHBOARD)  # warm the per-process caches (content types, sites)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "username", ["reporter", "editor", "chief", "translator-ru", "widgets", "partners", "admin"]
)
def test_each_roles_dashboard_stays_within_budget_however_big_the_archive(
    client, reporters_stories, username
):
    viewer = as_user(client, username)
    before = counted(viewer, username)
    assert before <= BUDGET, f"{username}: {before} queries"

    add_english_stories(MORE_STORIES)
    assert counted(viewer, username) == before


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["reporter", "editor", "chief", "widgets", "admin"])
def test_every_dashboard_panel_is_drawn_as_wagtails_and_no_avatar_leaves_the_site(
    client, username
):
    html = dashboard_of(client, username)

    # Each panel is a Wagtail panel, its heading inside it (not a heading of our own).
    panels = re.findall(r'<section class="w-panel[^>]*>', html)
    assert all(re.search(r'id="[\w-]+-section"', panel) for panel in panels)
    assert "w-panel__heading w-h3" not in html
    # Wagtail's default avatar: no editor's address hash goes to a third party.
    assert "gravatar.com" not in html
