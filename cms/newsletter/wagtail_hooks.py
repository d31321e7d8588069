"""Subscribers in the admin: listed, searched, filtered, exported, unsubscribed on request;
never added or confirmed by hand. Their consent history is shown, never edited."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
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


class SubscriberForm(WagtailAdminModelForm):
    """Editors correct the languages, or unsubscribe a reader who asks; the unsubscribe is
    recorded with their name. Only the reader confirms, with the link we mailed them."""

    status = forms.ChoiceField(label=_("status"), choices=Subscriber.Status.choices)

    class Meta:
        model = Subscriber
        fields = ["locales"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].initial = self.instance.status
        self.order_fields(["status", "locales"])

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in (self.instance.status, Subscriber.Status.UNSUBSCRIBED):
            raise forms.ValidationError(
                _("Only the reader can confirm or subscribe again, with the link we mail them.")
            )
        return status

    def save(self, commit=True):
        subscriber = super().save(commit=commit)
        if commit and self.cleaned_data["status"] == Subscriber.Status.UNSUBSCRIBED:
            subscriber.unsubscribe(user=self.for_user)
        return subscriber


class SubscriberInspectView(InspectView):
    """The subscriber's fields, then their consent history, oldest step first."""

    template_name = "newsletter/admin/inspect_subscriber.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consent_events"] = self.object.consent_events.all()
        return context


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
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

    def get_form_class(self, for_update=False):
        # Editors may correct languages or unsubscribe someone who asks; the address and
        # the consent stay as the reader gave them.
        return SubscriberForm

    def get_index_view_kwargs(self, **kwargs):
        queryset = Subscriber.objects.prefetch_related("locales")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


@hooks.register("register_admin_viewset")
def register_subscribers():
    return SubscriberViewSet()
