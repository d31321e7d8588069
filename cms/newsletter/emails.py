"""The newsletter's emails, each as text and HTML in the reader's language.

Every email carries its one-click unsubscribe link, in the body and in the
List-Unsubscribe headers (RFC 2369, RFC 8058).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Site

from .tokens import confirmation_token, unsubscribe_token


def site_root_url():
    """The public site's address, as pages' own full URLs use it."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(name, language, root_url, **kwargs):
    with translation.override(language):
        return root_url + reverse(name, kwargs=kwargs)


def unsubscribe_url(subscriber, language, root_url):
    return absolute_url(
        "newsletter_unsubscribe", language, root_url, token=unsubscribe_token(subscriber)
    )


def build_email(template, subject, context, to, language, connection=None):
    """A text and HTML email rendered from newsletter/email/<template>.{txt,html}."""
    root_url = context["root_url"]
    context["unsubscribe_url"] = unsubscribe_url(context["subscriber"], language, root_url)
    context["language"] = language
    context["direction"] = "rtl" if get_language_info(language)["bidi"] else "ltr"
    with translation.override(language):
        text = render_to_string(f"newsletter/email/{template}.txt", context)
        html = render_to_string(f"newsletter/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[to],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_email(subscriber, languages, language, consent_version, consented_at, last_event):
    root_url = site_root_url()
    token = confirmation_token(subscriber, languages, consent_version, consented_at, last_event)
    with translation.override(language):
        subject = _("Confirm your subscription to the Network News newsletter")
        names = [get_language_info(code)["name_local"] for code in languages]
    context = {
        "subscriber": subscriber,
        "root_url": root_url,
        "confirm_url": absolute_url("newsletter_confirm", language, root_url, token=token),
        "languages": names,
        "max_age_days": settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400,
    }
    return build_email("confirm", subject, context, subscriber.email, language)


def digest_email(subscriber, digest, connection=None):
    with translation.override(digest.language):
        subject = _("%(site)s this week: %(first_day)s – %(last_day)s") % {
            "site": digest.site_name,
            "first_day": digest.first_day,
            "last_day": digest.last_day,
        }
    context = {"subscriber": subscriber, "digest": digest, "root_url": digest.root_url}
    return build_email(
        "digest", subject, context, subscriber.email, digest.language, connection=connection
    )
