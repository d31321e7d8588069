"""Subscribers in the admin: listed, searched, filtered, exported; never added by hand."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Subscriber

# Characters that make a spreadsheet read a cell as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_START) else value


class SubscriberIndexView(IndexView):
    # XLSX cells are written as text by Wagtail already; CSV needs the guard.
    custom_field_preprocess = {"email": {"csv": spreadsheet_safe}}


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    index_view_class = SubscriberIndexView
    name = "newsletter-subscribers"
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    menu_order = 850
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    list_display = [
        "email",
        "status",
        Column("language_codes", label=_("languages")),
        "confirmed_at",
        "created_at",
    ]
    list_filter = ["status", "locales"]
    search_fields = ["email"]
    search_backend_name = None  # the email column, through the database
    list_export = [
        "email",
        "get_status_display",
        "language_codes",
        "language",
        "consent_version",
        "consented_at",
        "confirmed_at",
        "unsubscribed_at",
        "created_at",
    ]
    export_headings = {
        "get_status_display": capfirst(_("status")),
        "language_codes": capfirst(_("languages")),
    }
    export_filename = "newsletter-subscribers"
    # Editors may correct languages or unsubscribe someone who asks; the address and the
    # consent stay as the reader gave them.
    form_fields = ["status", "locales"]

    def get_index_view_kwargs(self, **kwargs):
        queryset = Subscriber.objects.prefetch_related("locales")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


@hooks.register("register_admin_viewset")
def register_subscribers():
    return SubscriberViewSet()
