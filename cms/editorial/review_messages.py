"""What a reviewer is told after acting on a page's review: where the page went.

Wagtail says "Page 'X' has been updated." after an approval in the page editor and
nothing at all after one from the dashboard; a reviewer wants to know whether the story
went on to the next reviewer, went live, or went back to its author.
"""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.utils.timestamps import render_timestamp

from .edit_reads import EditViewReadsMixin
from .explorer_filters import NewsroomPageFilterSet


def review_outcome(page, task_state):
    """The sentence for a reviewer who has just acted on `task_state` of `page`, or None
    when the task is still open (the action did not happen) or ended some other way."""
    task_state = TaskState.objects.select_related(
        "workflow_state__requested_by",
        "workflow_state__current_task_state__task",
    ).get(pk=task_state.pk)
    workflow_state = task_state.workflow_state
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        return _sent_back(title, task_state, workflow_state.requested_by)
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("Approved: “%(title)s” goes on to %(task)s.") % {
            "title": title,
            "task": workflow_state.current_task_state.task.name,
        }
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        return _approved_at_the_end(page, title)
    return None


def _sent_back(title, task_state, author):
    names = {"title": title, "author": get_user_display_name(author)}
    if task_state.comment:
        return _("Sent back: “%(title)s” returns to %(author)s with your comment.") % names
    return _("Sent back: “%(title)s” returns to %(author)s.") % names


def _approved_at_the_end(page, title):
    # The last approval publishes the revision; one with a future "go live" time is only
    # scheduled, and the page stays as it was until then.
    scheduled = Page.objects.get(pk=page.pk).scheduled_revision
    if scheduled is not None:
        return _("Approved: “%(title)s” goes live on %(date)s.") % {
            "title": title,
            "date": render_timestamp(scheduled.approved_go_live_at),
        }
    return _("Published: “%(title)s” is live.") % {"title": title}


class ReviewedEditView(EditViewReadsMixin, EditView):
    def add_save_confirmation_message(self):
        if self.action_name != "perform_workflow_action":
            return super().add_save_confirmation_message()
        outcome = review_outcome(self.page, self.page_task_state_acted_on)
        if outcome is None:
            return super().add_save_confirmation_message()
        messages.success(self.request, outcome)

    def perform_workflow_action(self):
        # The page's current task moves on once acted on: keep the one the reviewer saw.
        self.page_task_state_acted_on = self.page.current_workflow_task_state
        return super().perform_workflow_action()


class ReviewedWorkflowActionView(WorkflowActionView):
    """The dashboard's "Approve" and "Request changes", which Wagtail answers silently."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        outcome = review_outcome(self.object, self.task_state)
        if outcome is not None:
            messages.success(request, outcome)
        return response


class NewsroomPageViewSet(PageViewSet):
    """Wagtail's page views for every page type, but for the two that act on reviews and
    the explorer's filters (explorer_filters.py). Wagtail registers its own at hook order
    -1 so that a project's takes its place."""

    edit_view_class = ReviewedEditView
    workflow_action_view_class = ReviewedWorkflowActionView
    filterset_class = NewsroomPageFilterSet


newsroom_page_viewset = NewsroomPageViewSet()
