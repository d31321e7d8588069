"""Syndication in the admin: products, partner accounts, API keys and the delivery log."""

from django.forms import modelform_factory
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, ListingButton

from . import views
from .models import ApiKey, DeliveryAttempt, PartnerAccount, Product


class ProductViewSet(ModelViewSet):
    name = "syndication-products"
    model = Product
    icon = "list-ul"
    menu_label = _("Products")
    copy_view_enabled = False
    list_display = ["name", "include_articles", "include_interviews", "created_at"]
    search_fields = ["name", "description"]
    search_backend_name = None


ROTATE_PUSH_SECRET = _("Rotate push secret")


class PartnerAccountIndexView(IndexView):
    rotate_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            url = reverse(self.rotate_url_name, args=[instance.pk])
            buttons.append(ListingButton(ROTATE_PUSH_SECRET, url=url, icon_name="rotate"))
        return buttons


class PartnerAccountEditView(EditView):
    rotate_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("change"):
            url = reverse(self.rotate_url_name, args=[self.object.pk])
            buttons.append(Button(ROTATE_PUSH_SECRET, url=url, icon_name="rotate", priority=40))
        return buttons


class PartnerAccountViewSet(ModelViewSet):
    """Accounts; the push secret is write-only: shown once when issued, then only rotated."""

    name = "syndication-accounts"
    model = PartnerAccount
    icon = "group"
    menu_label = _("Partner accounts")
    add_view_class = views.PartnerAccountCreateView
    edit_view_class = PartnerAccountEditView
    index_view_class = PartnerAccountIndexView
    copy_view_enabled = False
    list_display = ["__str__", BooleanColumn("is_active"), "endpoint_url", "push_format"]
    list_filter = ["is_active", "products"]

    def get_index_view_kwargs(self, **kwargs):
        queryset = PartnerAccount.objects.select_related("partner")
        return super().get_index_view_kwargs(
            queryset=queryset, rotate_url_name=self.get_url_name("rotate"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(rotate_url_name=self.get_url_name("rotate"), **kwargs)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "rotate-push-secret/<int:pk>/",
                views.rotate_push_secret,
                {"viewset": self},
                name="rotate",
            ),
        ]


class ApiKeyIndexView(IndexView):
    rotate_url_name = revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_revoked or not self.user_has_permission("change"):
            return buttons
        for url_name, label, icon in [
            (self.rotate_url_name, _("Rotate"), "rotate"),
            (self.revoke_url_name, _("Revoke"), "cross"),
        ]:
            url = reverse(url_name, args=[instance.pk])
            buttons.append(ListingButton(label, url=url, icon_name=icon, priority=40))
        return buttons


class ApiKeyViewSet(ModelViewSet):
    """Keys are created (and shown once), rotated and revoked; never read or deleted."""

    name = "syndication-keys"
    model = ApiKey
    icon = "key"
    menu_label = _("API keys")
    add_view_class = views.ApiKeyCreateView
    index_view_class = ApiKeyIndexView
    copy_view_enabled = False
    list_display = ["__str__", "account", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["account"]

    def get_form_class(self, for_update=False):
        # The partner a key belongs to never changes: that would hand its access over.
        fields = ["label"] if for_update else ["account", "label"]
        return modelform_factory(ApiKey, form=WagtailAdminModelForm, fields=fields)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=ApiKey.objects.select_related("account__partner"),
            rotate_url_name=self.get_url_name("rotate"),
            revoke_url_name=self.get_url_name("revoke"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("rotate/<int:pk>/", views.rotate_key, {"viewset": self}, name="rotate"),
            path("revoke/<int:pk>/", views.revoke_key, {"viewset": self}, name="revoke"),
        ]


class DeliveryLogIndexView(IndexView):
    resend_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("syndication.change_delivery"):
            url = reverse(self.resend_url_name, args=[instance.pk])
            buttons.append(ListingButton(_("Resend"), url=url, icon_name="resubmit", priority=40))
        return buttons


class DeliveryLogViewSet(ModelViewSet):
    """Each attempt at pushing a story to a partner; read-only, with a resend action."""

    name = "syndication-deliveries"
    model = DeliveryAttempt
    icon = "history"
    menu_label = _("Delivery log")
    index_view_class = DeliveryLogIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = []  # never edited: the policy grants only "view"
    # The first column carries the row's buttons (inspect, resend).
    list_display = [
        "delivery",
        "number",
        "attempted_at",
        "status_code",
        BooleanColumn("succeeded"),
        "error",
    ]
    list_filter = ["succeeded", "delivery__account", "delivery__status"]
    inspect_view_fields = list_display[:4] + ["succeeded", "error"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=DeliveryAttempt.objects.select_related("delivery__account__partner"),
            resend_url_name=self.get_url_name("resend"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("resend/<int:pk>/", views.resend_delivery, {"viewset": self}, name="resend"),
        ]


class SyndicationGroup(ViewSetGroup):
    menu_label = _("Syndication")
    menu_icon = "rss"
    menu_order = 860
    items = [ProductViewSet, PartnerAccountViewSet, ApiKeyViewSet, DeliveryLogViewSet]


@hooks.register("register_admin_viewset")
def register_syndication():
    return SyndicationGroup()
