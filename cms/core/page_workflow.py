"""Which review workflow a page goes through, found in one query and kept on the page.

Wagtail answers `has_workflow` with a query over the page's ancestors and `get_workflow`
with up to four (the page's own link, the ancestors, the nearest one's link, its
workflow); the edit view asks six times while drawing its action menu. Here the nearest
active workflow on the page or above it comes in one query over the ancestors' paths
(no tree walk), read once per page object; `has_workflow` is whether there is one, as in
Wagtail.
"""

from django.conf import settings
from wagtail.models import WorkflowPage

UNREAD = object()


def nearest_workflow(page):
    """The active workflow assigned to `page` or its nearest ancestor, or None."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    link = (
        WorkflowPage.objects.filter(page__path__in=paths, workflow__active=True)
        .select_related("workflow")
        .order_by("-page__depth")
        .first()
    )
    return link.workflow if link else None


class NearestWorkflowMixin:
    """For every page class: its workflow read once per page object (see above). A page
    object lives for one request; assigning a workflow elsewhere is seen by the next."""

    def get_workflow(self):
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        workflow = self.__dict__.get("_nearest_workflow", UNREAD)
        if workflow is UNREAD:
            workflow = self.__dict__["_nearest_workflow"] = nearest_workflow(self)
        return workflow

    @property
    def has_workflow(self):
        return self.get_workflow() is not None
