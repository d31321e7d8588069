"""Who may delete a newsroom page: chief editors only, on top of Wagtail's tree rules.

Wagtail lets anyone who may edit a draft, or publish a page, delete it; a newsroom asks
them to unpublish instead. Deleting needs `wagtailcore.delete_page`, a permission Wagtail
itself never checks, which only the chief editors' group holds (cms/editorial/roles.py).
Every page type answers through this tester, so each button that leads to deletion (the
listing's, the page header's "⋮" menu, the bulk actions) is shown only to those who may;
the delete views refuse the others as well (cms/editorial/wagtail_hooks.py).
"""

from wagtail.models import PagePermissionTester

DELETE_PAGES = "wagtailcore.delete_page"


class NewsroomPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        return self.user.has_perm(DELETE_PAGES) and super().can_delete(ignore_bulk=ignore_bulk)


class ChiefEditorsDeleteMixin:
    """For every page class: its permissions answered by NewsroomPagePermissionTester."""

    def permissions_for_user(self, user):
        return NewsroomPagePermissionTester(user, self)
