"""The review chains pages go through before they are published."""

from django.conf import settings
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from cms.core.stories import story_sections

from .roles import CHIEF_EDITORS, EDITORS

EDITORIAL_REVIEW = "Editorial review"
TRANSLATION_REVIEW = "Translation review"
# Wagtail's installer puts this one on the root of the tree (home and partner pages fall
# under it) with its "Moderators" group, which cms/editorial/roles.py removes.
STOCK_APPROVAL = "Moderators approval"


def _task(name, groups):
    task, _ = GroupApprovalTask.objects.get_or_create(name=name)
    task.groups.set(groups)
    return task


def _workflow(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def setup_workflows(groups):
    """A reporter submits, an editor reviews, a chief editor approves: on every news and
    interviews section in English; translations get one check by a chief editor, and so
    does the rest of the tree (home and partner pages) through Wagtail's own workflow."""
    review = _workflow(
        EDITORIAL_REVIEW,
        [
            _task("Editor review", [groups[EDITORS], groups[CHIEF_EDITORS]]),
            _task("Chief editor approval", [groups[CHIEF_EDITORS]]),
        ],
    )
    translation = _workflow(
        TRANSLATION_REVIEW, [_task("Translation check", [groups[CHIEF_EDITORS]])]
    )
    for task in GroupApprovalTask.objects.filter(name=STOCK_APPROVAL):
        task.groups.set([groups[CHIEF_EDITORS]])
    for section in story_sections():
        source = section.locale.language_code == settings.LANGUAGE_CODE
        WorkflowPage.objects.update_or_create(
            page=section, defaults={"workflow": review if source else translation}
        )
    return review, translation
