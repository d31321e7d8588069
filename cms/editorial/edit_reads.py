"""What the page editor reads twice, or once per row, read once.

Wagtail's edit view reads the page's record, then the page as its latest revision left
it (another object), and asks each for its latest and live revisions: the header asks the
record, the status panel the other. The second object takes the record's when they are
the same revisions.

Its language switcher lists the page's translations the user may edit, asking for each
its tree path and its workflow state again (two queries a language, fourteen on a news
section): here they come with the list.
"""

from django.urls import reverse
from wagtail.models import Page


def share_revisions(record, page):
    """Give `page` the revisions `record` has read, where they are the same rows."""
    if page is record:
        return
    latest = Page.latest_revision.is_cached(record) and record.latest_revision
    if latest and page.latest_revision_id == latest.pk:
        page.latest_revision = latest
    same = page.live_revision_id is not None and page.live_revision_id == page.latest_revision_id
    if same and Page.latest_revision.is_cached(page):
        page.live_revision = page.latest_revision


class EditViewReadsMixin:
    """For the page edit view (see above)."""

    def get_object(self):
        page = super().get_object()
        share_revisions(self.real_page_record, page)
        return page

    def get_translations(self):
        # What the permission check reads of each: its path (the rights above it), its
        # owner and its workflow's current task (who may edit while it is in review).
        translations = (
            self.page.get_translations()
            .only("id", "locale", "depth", "path", "owner")
            .select_related("locale")
            .prefetch_workflow_states()
        )
        user = self.request.user
        return [
            {
                "locale": translation.locale,
                "url": reverse("wagtailadmin_pages:edit", args=[translation.pk]),
            }
            for translation in translations
            if translation.permissions_for_user(user).can_edit()
        ]
