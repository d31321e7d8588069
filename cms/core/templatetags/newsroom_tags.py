"""Tags of the reader's pages: locale formatting, language links, breadcrumbs, sharing."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.caching import reader_facts
from cms.caching.routing import ancestors_for
from cms.core import formatting
from cms.core.translations import page_in_each_locale

register = template.Library()


@register.filter
def published(value):
    return formatting.format_published(value, get_language())


@register.filter
def machine_readable(value):
    """For <time datetime>: ISO 8601 to the second (HTML allows at most milliseconds)."""
    return value.replace(microsecond=0).isoformat() if value else ""


@register.filter
def day(value):
    return formatting.format_day(value, get_language())


@register.filter
def duration(seconds):
    return formatting.format_duration(seconds, get_language())


@register.filter
def number(value, digits=None):
    return formatting.format_number(value, get_language(), digits)


@register.inclusion_tag("core/includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in every locale, or to that locale's home where it has none."""
    return {
        "links": page_in_each_locale(
            page, context.get("request"), context.get("locale_route", "")
        ),
        "current": get_language(),
    }


@register.inclusion_tag("core/includes/section_nav.html", takes_context=True)
def section_nav(context, page=None):
    """The sections of the reader's home page that editors put in menus."""
    home = context.get("home")
    sections = reader_facts.menu_sections(home) if home else []
    current_path = getattr(page, "url_path", "") or ""
    return {
        "sections": [(section, current_path.startswith(section.url_path)) for section in sections],
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def alternate_links(context, page=None):
    """<link rel="alternate" hreflang> for each live translation, and x-default (English)."""
    request = context.get("request")
    if request is None:
        return ""
    links = page_in_each_locale(page, request, context.get("locale_route", ""))
    translations = [link for link in links if link["is_translation"]]
    if not translations:
        return ""
    default = next((link for link in translations if link["code"] == settings.LANGUAGE_CODE), None)
    tags = [
        format_html(
            '<link rel="alternate" hreflang="{}" href="{}">',
            link["code"],
            request.build_absolute_uri(link["url"]),
        )
        for link in translations
    ]
    if default is not None:
        tags.append(
            format_html(
                '<link rel="alternate" hreflang="x-default" href="{}">',
                request.build_absolute_uri(default["url"]),
            )
        )
    return mark_safe("\n".join(tags))


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, route_title=""):
    """The trail from the locale's home page down to this page, or to a route of it."""
    from wagtail.models import Page

    request = context.get("request")
    ancestors = ancestors_for(request, page)
    if ancestors is None:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gt=1)
        ancestors = ancestors.only("id", "title", "depth", "path", "url_path")
    trail = [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]
    # The page as rendered, not as stored: a preview shows its draft, unsaved or not.
    trail.append({"title": page.title, "url": page.get_url(request) or request.path})
    trail[0]["title"] = _("Home")  # the locale's root: its title is the site's name
    if route_title:
        trail.append({"title": route_title, "url": request.path})
    return {"trail": trail}


# Each network's own address for sharing a link: no script of theirs on our pages.
SHARE_ADDRESSES = [
    ("email", "mailto:?subject={title}&body={url}"),
    ("X", "https://x.com/intent/tweet?text={title}&url={url}"),
    ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("Telegram", "https://t.me/share/url?url={url}&text={title}"),
    ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
]


@register.inclusion_tag("core/includes/share_links.html", takes_context=True)
def share_links(context, page):
    """Plain links that share the page's absolute address and title."""
    request = context["request"]
    url = quote(request.build_absolute_uri(page.get_url(request)), safe="")
    title = quote(page.title, safe="")
    links = [
        {
            "network": network,
            "label": _("Share by email")
            if network == "email"
            else _("Share on %(network)s") % {"network": network},
            "href": address.format(url=url, title=title),
        }
        for network, address in SHARE_ADDRESSES
    ]
    return {"links": links}
