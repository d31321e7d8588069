"""Wagtail's "Awaiting your review" panel, in the same few queries however many pages wait.

Wagtail's own asks one query per workflow task to find the pages (four here), then a few
more per page (its task, the reviewer's groups, the steps of its workflow). This one finds
them in one query and reads tasks and steps once for all rows; it renders with Wagtail's
own template, so it looks and acts the same (the approve and request-changes actions too).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Revision, TaskState, WorkflowTask


@dataclass
class WorkflowStep:
    """A task of the page's workflow, with how far the page got in it (the ticks)."""

    name: str
    status: str
    status_display: str


def reviewable_task_states(user):
    """The tasks in progress this user may approve. Every task of the newsroom's workflows
    is a group approval (cms/editorial/workflows.py and Wagtail's stock one), so the rule
    is theirs: members of its groups, and administrators."""
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__active=True)
    if user.is_superuser:
        return states
    return states.filter(
        task_id__in=GroupApprovalTask.objects.filter(groups__user=user).values("pk")
    )


def workflow_steps(workflow_states):
    """For each workflow state (by id), its workflow's tasks with their latest status."""
    steps = (
        WorkflowTask.objects.filter(
            workflow_id__in={state.workflow_id for state in workflow_states}
        )
        .select_related("task")
        .order_by("sort_order")
    )
    latest = {}
    for state_id, task_id, status in (
        TaskState.objects.filter(workflow_state__in=workflow_states)
        .order_by("started_at", "pk")
        .values_list("workflow_state_id", "task_id", "status")
    ):
        latest[state_id, task_id] = status
    labels = dict(TaskState.STATUS_CHOICES)
    return {
        state.pk: [
            WorkflowStep(
                name=step.task.name,
                status=latest.get((state.pk, step.task_id)),
                status_display=labels.get(latest.get((state.pk, step.task_id)), _("Not started")),
            )
            for step in steps
            if step.workflow_id == state.workflow_id
        ]
        for state in workflow_states
    }


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    def __init__(self, order):
        self.order = order

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {
            "states": [],
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }
        task_states = [
            state
            for state in reviewable_task_states(request.user)
            .select_related("task", "revision", "revision__user", "workflow_state")
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
            .order_by("-started_at")
            # A page deleted since leaves its revision pointing nowhere.
            if state.revision.content_object is not None
        ]
        tasks = GroupApprovalTask.objects.in_bulk({state.task_id for state in task_states})
        steps = workflow_steps([state.workflow_state for state in task_states])
        # A group approval offers the same actions on every page to one reviewer.
        actions = {}
        for state in task_states:
            page = state.revision.content_object
            if state.task_id not in actions:
                actions[state.task_id] = tasks[state.task_id].get_actions(page, request.user)
            context["states"].append(
                {
                    "obj": page,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": page.live_revision_id,
                    "task_state": state,
                    "actions": actions[state.task_id],
                    "workflow_tasks": steps[state.workflow_state_id],
                    "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                    "workflow_preview_url_name": "wagtailadmin_pages:workflow_preview"
                    if page.is_previewable
                    else None,
                    "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
                }
            )
        return context
