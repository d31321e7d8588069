"""The newsroom's dashboard: each role's own work first, in Wagtail's own panels.

- Reviewers (editors, chief editors) open on Wagtail's "Awaiting your review".
- Those whose stories go through review (reporters, editors) then see what was sent
  back to them with the reviewer's comment, their drafts nobody has seen yet, and their
  stories in review.
- Translators keep their desk (cms/localization) first; the desk already lists what they
  submitted, so Wagtail's "in a workflow" panel would only repeat it.
- No site summary (see arrange_summary).

Stories are written in English; a translation's draft belongs on its translator's desk, so
"your drafts" and "sent back" list English pages only. Each panel costs the same few
queries however big the archive: the database counts, and rows are cut to a few.
"""

from django.conf import settings
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    LockedPagesPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page, WorkflowState, get_default_page_content_type
from wagtail.permissions import page_permission_policy

from .awaiting_review import AwaitingReviewPanel

ROWS_PER_PANEL = 8

# Lower comes first. Wagtail's own: in a workflow 210, awaiting review 220, recent edits
# 250, locked 300; the translator's desk and the stale widgets 90 (cms/localization,
# cms/widgets), a chief's desk 230, the editors' out-of-date translations 95.
AWAITING_REVIEW_ORDER = 10
SENT_BACK_ORDER = 60
DRAFTS_ORDER = 70
IN_REVIEW_ORDER = 80


def _page_states():
    return WorkflowState.objects.filter(base_content_type_id=get_default_page_content_type().pk)


def _is_the_page():
    # WorkflowState.object_id is text; PostgreSQL compares it with a page id only when cast.
    return Cast(OuterRef("object_id"), output_field=IntegerField())


def unsubmitted_drafts(user):
    """The user's English pages that never went live and are in no review, newest first."""
    in_review = _page_states().filter(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    return (
        Page.objects.filter(
            owner=user,
            live=False,
            first_published_at__isnull=True,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(Exists(in_review))
        .annotate_approved_schedule()
        .filter(_approved_schedule=False)  # approved, waiting for its "go live" time
        .order_by("-latest_revision_created_at", "-pk")
    )


def sent_back_to(user):
    """Reviews of the user's English pages (they own them or submitted them) that ended in
    a request for changes, the newest first."""
    english_page = Page.objects.filter(
        pk=_is_the_page(), locale__language_code=settings.LANGUAGE_CODE
    )
    return (
        _page_states()
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .filter(Exists(english_page))
        .filter(Q(requested_by=user) | Exists(english_page.filter(owner=user)))
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at", "-pk")
    )


def newest_rows(queryset):
    """A panel's rows and how many there are in all, counted by the database only when the
    rows fill the panel."""
    rows = list(queryset[:ROWS_PER_PANEL])
    return rows, len(rows) if len(rows) < ROWS_PER_PANEL else queryset.count()


class YourDraftsPanel(Component):
    name = "your_drafts"
    order = DRAFTS_ORDER
    template_name = "editorial/dashboard/your_drafts.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows, count = newest_rows(unsubmitted_drafts(self.user))
        return {"drafts": rows, "count": count, "request": parent_context["request"]}


class SentBackPanel(Component):
    name = "sent_back"
    order = SENT_BACK_ORDER
    template_name = "editorial/dashboard/sent_back.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows, count = newest_rows(sent_back_to(self.user))
        pages = Page.objects.in_bulk([int(state.object_id) for state in rows])
        for state in rows:
            state.story = pages.get(int(state.object_id))
        return {
            "states": [state for state in rows if state.story is not None],
            "count": count,
            "request": parent_context["request"],
        }


class InReviewPanel(UserObjectsInWorkflowModerationPanel):
    """Wagtail's "in a workflow" panel, less the pages sent back (SentBackPanel has them,
    with the reviewer's comment)."""

    order = IN_REVIEW_ORDER

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["workflow_states"] = [
            state
            for state in context["workflow_states"]
            if state.status == WorkflowState.STATUS_IN_PROGRESS
        ]
        return context


def writes_for_review(user):
    """Reporters and editors: they write, and what they write goes through review. Chief
    editors and administrators publish their own pages, which find them in Wagtail's
    "Your most recent edits"."""
    return page_permission_policy.user_has_permission(
        user, "add"
    ) and not page_permission_policy.user_has_permission(user, "publish")


def arrange_panels(request, panels):
    """Put each role's work first and take away what does not serve it (see the module)."""
    user = request.user
    writer = writes_for_review(user)
    locks = page_permission_policy.user_has_permission(user, "lock")
    arranged = []
    for panel in panels:
        if isinstance(panel, WorkflowObjectsToModeratePanel):
            panel = AwaitingReviewPanel(order=AWAITING_REVIEW_ORDER)
        elif isinstance(panel, UserObjectsInWorkflowModerationPanel):
            if not writer:
                continue
            panel = InReviewPanel()
        elif isinstance(panel, LockedPagesPanel) and not locks:
            continue  # only pages the user locked: none without the right to lock
        arranged.append(panel)
    if writer:
        arranged += [SentBackPanel(user), YourDraftsPanel(user)]
    panels[:] = arranged


def arrange_summary(summary_items):
    """No site summary: its counts (every page, picture, document and recording of the
    site) are numbers nobody in the newsroom acts on, its links are the sidebar's, and
    counting a tree of 20,000 stories per language is the dearest query of the page."""
    summary_items.clear()
