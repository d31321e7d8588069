"""Admin views beyond Wagtail's generic ones: a key or a push secret shown once, rotate,
revoke, resend."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.admin.views.generic import CreateView

from . import push
from .models import ApiKey, DeliveryAttempt, PartnerAccount, new_push_secret
from .tasks import enqueue_delivery


def key_issued(request, key, raw_key, index_url):
    """The one page that shows a key in full; nothing may keep a copy of it."""
    context = {"key": key, "raw_key": raw_key}
    return _shown_once(request, "key_issued.html", _("New API key"), index_url, context)


def push_secret_issued(request, account, secret, index_url):
    """The one page that shows a push secret; it is never rendered anywhere else."""
    title = _("Push secret of %(partner)s") % {"partner": account}
    context = {"account": account, "secret": secret}
    return _shown_once(request, "push_secret_issued.html", title, index_url, context)


def _shown_once(request, template, title, index_url, context):
    # Neither the browser nor a proxy may keep the page that holds a credential.
    response = TemplateResponse(
        request,
        f"syndication/admin/{template}",
        {
            **context,
            "index_url": index_url,
            "page_title": title,
            "header_title": title,
            "header_icon": "key",
        },
    )
    add_never_cache_headers(response)
    return response


class PartnerAccountCreateView(CreateView):
    """A new account gets a push secret, shown to the partner manager who added it, once."""

    def save_instance(self):
        self.push_secret = self.form.instance.push_secret = new_push_secret()
        return super().save_instance()

    def save_action(self):
        return push_secret_issued(
            self.request, self.object, self.push_secret, reverse(self.index_url_name)
        )


class ApiKeyCreateView(CreateView):
    def save_instance(self):
        self.raw_key = self.form.instance.generate()
        return super().save_instance()

    def save_action(self):
        return key_issued(self.request, self.object, self.raw_key, reverse(self.index_url_name))


def confirm(request, *, title, message, button_label, cancel_url, serious=False):
    return TemplateResponse(
        request,
        "syndication/admin/confirm.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "key",
            "message": message,
            "button_label": button_label,
            "action_url": request.get_full_path(),
            "cancel_url": cancel_url,
            "serious": serious,
        },
    )


def require(request, policy, action):
    if not policy.user_has_permission(request.user, action):
        raise PermissionDenied


def rotate_key(request, pk, viewset):
    require(request, viewset.permission_policy, "change")
    key = get_object_or_404(ApiKey.objects.select_related("account__partner"), pk=pk)
    index_url = viewset.get_url_name("index")
    if key.is_revoked:
        messages.error(request, _("A revoked key cannot be rotated; add a new key instead."))
        return redirect(index_url)
    if request.method == "POST":
        successor, raw_key = key.rotate()
        return key_issued(request, successor, raw_key, redirect(index_url).url)
    return confirm(
        request,
        title=_("Rotate API key %(key)s") % {"key": key},
        message=_(
            "The partner gets a new key and this one stops working at once. "
            "Give the new key to the partner before they need it."
        ),
        button_label=_("Rotate"),
        cancel_url=redirect(index_url).url,
    )


def revoke_key(request, pk, viewset):
    require(request, viewset.permission_policy, "change")
    key = get_object_or_404(ApiKey.objects.select_related("account__partner"), pk=pk)
    index_url = viewset.get_url_name("index")
    if request.method == "POST":
        key.revoke()
        messages.success(request, _("API key %(key)s revoked.") % {"key": key})
        return redirect(index_url)
    return confirm(
        request,
        title=_("Revoke API key %(key)s") % {"key": key},
        message=_("Requests with this key will be refused from now on. This cannot be undone."),
        button_label=_("Revoke"),
        cancel_url=redirect(index_url).url,
        serious=True,
    )


def rotate_push_secret(request, pk, viewset):
    require(request, viewset.permission_policy, "change")
    account = get_object_or_404(PartnerAccount.objects.select_related("partner"), pk=pk)
    index_url = redirect(viewset.get_url_name("index")).url
    if request.method == "POST":
        return push_secret_issued(request, account, account.rotate_push_secret(), index_url)
    return confirm(
        request,
        title=_("Rotate the push secret of %(partner)s") % {"partner": account},
        message=_(
            "Pushes are signed with the new secret from now on, and the partner's check "
            "refuses them until they have it. The current secret cannot be shown again."
        ),
        button_label=_("Rotate"),
        cancel_url=index_url,
    )


def resend_delivery(request, pk, viewset):
    if not request.user.has_perm("syndication.change_delivery"):
        raise PermissionDenied
    attempt = get_object_or_404(
        DeliveryAttempt.objects.select_related("delivery__account__partner", "delivery__page"),
        pk=pk,
    )
    index_url = redirect(viewset.get_url_name("index")).url
    if request.method == "POST":
        delivery = push.resend(attempt.delivery)
        if delivery is None:
            messages.error(request, _("The story is no longer live: there is nothing to resend."))
        else:
            enqueue_delivery(delivery.pk)
            messages.success(
                request,
                _("%(item)s is being sent to %(partner)s again.")
                % {"item": delivery.guid, "partner": delivery.account},
            )
        return redirect(index_url)
    return confirm(
        request,
        title=_("Resend %(item)s") % {"item": attempt.delivery.guid},
        message=_("The story is sent to %(partner)s again, as it is now, as a new delivery.")
        % {"partner": attempt.delivery.account},
        button_label=_("Resend"),
        cancel_url=index_url,
    )
