from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import tasks, views
from .roles import status_report_locales
from .status import translation_status

# django-tasks enqueues at once; jobs must see the committed page, so wait for the commit.


@hooks.register("after_edit_page")
def translations_follow_a_saved_page(request, page):
    # A draft saved in the editor: the translations offer it (once they exist).
    page_id, user_id = page.pk, request.user.pk
    transaction.on_commit(lambda: tasks.follow_source.enqueue(page_id, user_id))


@hooks.register("after_move_page")
def move_translations_with_page(request, page):
    page_id, user_id = page.pk, request.user.pk
    transaction.on_commit(lambda: tasks.move_translations.enqueue(page_id, user_id))


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [
        path("translation-status/", views.status_overview, name="translation_status"),
        path(
            "translation-status/<str:language_code>/",
            views.status_of_locale,
            name="translation_status_locale",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_read_status(request.user)


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=700
    )


class OutOfDateTranslationsPanel(Component):
    """Dashboard panel: per language, how many live translations lag behind the English."""

    name = "out_of_date_translations"
    order = 95
    template_name = "localization/out_of_date_panel.html"

    def __init__(self, locale_ids):
        self.locale_ids = locale_ids

    def get_context_data(self, parent_context):
        statuses = [s for s in translation_status(self.locale_ids) if s.out_of_date]
        return {"statuses": statuses}


@hooks.register("construct_homepage_panels")
def add_out_of_date_translations_panel(request, panels):
    # For the readers of the translation status report, their languages only.
    locale_ids = status_report_locales(request.user)
    if locale_ids:
        panels.append(OutOfDateTranslationsPanel(locale_ids))
