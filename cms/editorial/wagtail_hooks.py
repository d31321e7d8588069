from django.urls import reverse
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction

from cms.core.admin_access import forbidden

from .bulk_actions import (
    DeleteWithTranslationsBulkAction,
    PublishWithTranslationsBulkAction,
    UnpublishWithTranslationsBulkAction,
)
from .listing import article_listing_viewset
from .roles import may_delete_pages

for bulk_action in (
    UnpublishWithTranslationsBulkAction,
    PublishWithTranslationsBulkAction,
    DeleteWithTranslationsBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return article_listing_viewset


# Only chief editors delete pages (cms/editorial/roles.py): Wagtail would also let anyone
# who may edit a draft, or publish a page, delete it. Wagtail has already checked the tree.


@hooks.register("before_delete_page")
def refuse_deletion_to_all_but_chief_editors(request, page):
    if not may_delete_pages(request.user):
        return forbidden(request)


@hooks.register("before_bulk_action")
def refuse_bulk_deletion_to_all_but_chief_editors(request, action_type, objects, action):
    if isinstance(action, DeleteBulkAction) and not may_delete_pages(request.user):
        return forbidden(request)


@hooks.register("construct_page_listing_buttons")
def hide_delete_button_from_all_but_chief_editors(buttons, page, user, context=None):
    if may_delete_pages(user):
        return
    delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])

    def deletes(button):
        return (getattr(button, "url", None) or "").split("?")[0] == delete_url

    buttons[:] = [button for button in buttons if not deletes(button)]
    for button in buttons:
        # The row's "More" menu holds the delete entry; it is built once, then cached.
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if not deletes(b)]
