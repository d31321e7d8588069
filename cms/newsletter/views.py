"""The newsletter's public pages: subscribe, check your inbox, confirm, unsubscribe.

No CSRF tokens here, on purpose. The subscribe box is on every page and pages are
cached for anonymous readers, so a token would tie a cached page to one visitor's
cookie. Instead the subscribe and confirm posts are refused when the browser says
another site's page sent them (cms/core/cross_site.py); the attempts are rate-limited,
and a subscription only mails a confirmation link to the address's owner (double
opt-in). The unsubscribe link is authorised by its signed token alone: mail clients
post one-click unsubscribes (RFC 8058) from wherever they run, with no token at all.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from cms.core.cross_site import from_another_site

from . import subscriptions
from .forms import SubscribeForm, language_choices
from .models import Subscriber
from .throttle import over_limit
from .tokens import BadLink, ExpiredLink, read_unsubscribe


def refuse_other_sites(view):
    """403 for a post that a page of another site made the reader's browser send."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method == "POST" and from_another_site(request):
            return render(request, "newsletter/other_site.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


@csrf_exempt
@refuse_other_sites
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        form = SubscribeForm(initial={"languages": [get_language()]})
        return render(request, "newsletter/subscribe.html", {"newsletter_form": form})
    if over_limit(request):
        response = render(request, "newsletter/rate_limited.html", status=429)
        response["Retry-After"] = str(settings.NEWSLETTER_SUBSCRIBE_LIMIT[1])
        return response
    form = SubscribeForm(request.POST)
    if form.is_robot():
        return redirect("newsletter_thanks")  # what a person sees; nothing is stored
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"newsletter_form": form}, status=400)
    data = form.cleaned_data
    subscriptions.subscribe(data["email"], data["languages"], get_language())
    return redirect("newsletter_thanks")


@require_GET
def thanks(request):
    days = max(1, settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400)
    return render(request, "newsletter/thanks.html", {"max_age_days": days})


def bad_link(request, action, expired=False):
    context = {"action": action, "expired": expired}
    return render(request, "newsletter/bad_link.html", context, status=410 if expired else 400)


@csrf_exempt
@never_cache
@refuse_other_sites
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links do not subscribe."""
    try:
        if request.method == "POST":
            subscriber = subscriptions.confirm(token)
            return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
        subscriber, asked = subscriptions.confirmation(token)
    except ExpiredLink:
        return bad_link(request, "confirm", expired=True)
    except BadLink:
        return bad_link(request, "confirm")
    names = dict(language_choices())
    languages = [(code, names[code]) for code in asked.languages if code in names]
    context = {"subscriber": subscriber, "languages": languages}
    return render(request, "newsletter/confirm.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a button; POST (the button, or a mail client's one-click) unsubscribes."""
    try:
        if request.method == "POST":
            subscriptions.unsubscribe(token)
            return render(request, "newsletter/unsubscribed.html")
        subscriber = Subscriber.objects.filter(key=read_unsubscribe(token)).first()
    except BadLink:
        return bad_link(request, "unsubscribe")
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
