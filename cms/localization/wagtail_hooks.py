from django.db import transaction
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import edit_translation

from . import review, tasks, translation_views, views
from .desk import translators_desk
from .roles import status_report_locales, target_locales_for, translation_locales
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


@hooks.register("before_edit_page", order=-1)
def translations_go_to_review(request, page):
    """The translation editor of a reviewed user submits where it would publish (review.py).
    Runs before wagtail-localize's own hook, which answers the others."""
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    permissions = review.reviewed_permissions(page, request.user)
    if permissions is None:
        return None
    if request.method == "POST":
        if request.POST.get("action") == "publish":
            return review.submit_for_review(request, translation, page, permissions.review)
        return None
    page.permissions_for_user = lambda user: permissions
    return edit_translation(request, translation, page)


@hooks.register("register_admin_urls")
def translation_status_urls():
    return [
        path(
            "translators-desk/start/<int:page_id>/<str:language_code>/",
            translation_views.start_from_desk,
            name="translators_desk_start",
        ),
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


class TranslatorsDeskPanel(Component):
    """Dashboard panel of those who translate: their languages' stories to translate,
    out of date, in review and sent back (desk.py)."""

    name = "translators_desk"
    order = 90
    template_name = "localization/translators_desk.html"

    def __init__(self, locales, every_language=False):
        self.locales = locales
        # A chief editor, who translates into every language, reviews first: Wagtail's
        # "Awaiting your review" (order 220) comes before their desk.
        if every_language:
            self.order = 230

    def get_context_data(self, parent_context):
        # The "Translate" buttons are forms: they need the request's CSRF token.
        return {
            "piles": translators_desk(self.locales),
            "request": parent_context["request"],
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_panels(request, panels):
    # Translators and chief editors get their desk; editors, who read the status report
    # without translating, the count of what is out of date in each language.
    own = translation_locales(request.user)
    if own:
        locales = target_locales_for(request.user)
        panels.append(
            TranslatorsDeskPanel(
                [locale for locale in locales if locale.pk in own],
                every_language=len(own) == len(locales),
            )
        )
        return
    locale_ids = status_report_locales(request.user)
    if locale_ids:
        panels.append(OutOfDateTranslationsPanel(locale_ids))
