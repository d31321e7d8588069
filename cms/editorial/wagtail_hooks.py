from django.urls import reverse
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction

from cms.core.admin_access import forbidden

from . import dashboard
from .bulk_actions import (
    DeleteWithTranslationsBulkAction,
    PublishWithTranslationsBulkAction,
    UnpublishWithTranslationsBulkAction,
)
from .explorer import story_page_viewsets
from .listing import article_listing_viewset
from .review_messages import newsroom_page_viewset
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


@hooks.register("register_admin_viewset")
def register_story_section_explorers():
    return story_page_viewsets()


@hooks.register("register_admin_viewset")
def register_page_views_that_say_where_a_review_went():
    # Takes the place of Wagtail's base page viewset, registered at order -1 to allow it.
    return newsroom_page_viewset


# After the other apps' hooks (order 0), which add their panels: all are arranged at once.
@hooks.register("construct_homepage_panels", order=10)
def arrange_dashboard_per_role(request, panels):
    dashboard.arrange_panels(request, panels)


@hooks.register("construct_homepage_summary_items", order=10)
def no_site_summary(request, summary_items):
    dashboard.arrange_summary(summary_items)


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
