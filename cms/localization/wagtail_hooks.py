from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import tasks, views

# django-tasks enqueues at once; jobs must see the committed page, so wait for the commit.


@hooks.register("after_create_page")
def draft_translations_of_new_page(request, page):
    page_id, user_id = page.pk, request.user.pk
    transaction.on_commit(lambda: tasks.create_translation_drafts.enqueue(page_id, user_id))


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


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=700
    )
