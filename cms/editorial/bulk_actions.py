"""Page bulk actions that reach every translation of the selected pages, in all locales.

Each extends Wagtail's own bulk action, so pages are unpublished, published and deleted
through the normal page actions and the audit log records every one of them.
"""

from django.shortcuts import get_list_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import Page

from .roles import may_delete_pages


class WithTranslationsMixin:
    """Widens the selection to every translation; splits off pages the action cannot touch."""

    @classmethod
    def get_queryset(cls, model, object_ids):
        selected = get_list_or_404(model, pk__in=object_ids)
        selected_ids = {page.pk for page in selected}
        position = {}
        for page in selected:
            position.setdefault(page.translation_key, len(position))
        pages = Page.objects.filter(translation_key__in=position).select_related("locale")
        # Each selected page first, then its translations by language.
        return sorted(
            pages,
            key=lambda page: (
                position[page.translation_key],
                page.pk not in selected_ids,
                page.locale.language_code,
            ),
        )

    def applies_to(self, page):
        """Whether the action has anything to do on this page (unpublishing a draft has not)."""
        return True

    def get_actionable_objects(self):
        object_ids = self.request.GET.getlist("id")
        if "all" in object_ids:
            object_ids = self.get_all_objects_in_listing_query(self.request.GET.get("childOf"))
        actionable, no_access, not_applicable = [], [], []
        for page in self.get_queryset(self.model, object_ids):
            if not self.applies_to(page):
                not_applicable.append(page)
            elif not self.check_perm(page):
                no_access.append(page)
            else:
                actionable.append(page)
        return actionable, {
            "items_with_no_access": no_access,
            "items_not_applicable": not_applicable,
        }

    def object_context(self, page):
        return {**super().object_context(page), "locale": page.locale}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["items_with_no_access"]:
            entry["locale"] = entry["item"].locale
        return context


class UnpublishWithTranslationsBulkAction(WithTranslationsMixin, UnpublishBulkAction):
    display_name = _("Unpublish with translations")
    action_type = "unpublish-with-translations"
    aria_label = _("Unpublish selected pages and all their translations")
    template_name = "editorial/bulk_actions/confirm_unpublish_with_translations.html"
    action_priority = 55

    def applies_to(self, page):
        return page.live


class PublishWithTranslationsBulkAction(WithTranslationsMixin, PublishBulkAction):
    display_name = _("Publish with translations")
    action_type = "publish-with-translations"
    aria_label = _("Publish selected pages and all their translations")
    template_name = "editorial/bulk_actions/confirm_publish_with_translations.html"
    action_priority = 45


class DeleteWithTranslationsBulkAction(WithTranslationsMixin, DeleteBulkAction):
    display_name = _("Delete with translations")
    action_type = "delete-with-translations"
    aria_label = _("Delete selected pages and all their translations")
    template_name = "editorial/bulk_actions/confirm_delete_with_translations.html"
    action_priority = 35

    def check_perm(self, page):
        # Listed as out of reach on the confirmation; wagtail_hooks.py refuses the POST.
        return may_delete_pages(self.request.user) and super().check_perm(page)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        num_parent_objects, num_child_objects = 0, 0
        for page in objects:
            # Gone already if an ancestor was deleted earlier in the same run.
            if not Page.objects.filter(pk=page.pk).exists():
                continue
            num_parent_objects += 1
            num_child_objects += page.get_descendant_count()
            page.delete(user=user)
        return num_parent_objects, num_child_objects
