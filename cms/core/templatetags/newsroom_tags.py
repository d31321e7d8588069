"""Locale-aware formatting for templates: `{{ page.first_published_at|published }}`."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.core import formatting

register = template.Library()


@register.filter
def published(value):
    return formatting.format_published(value, get_language())


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
    from cms.core.translations import page_in_each_locale

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
    sections = home.get_children().live().in_menu() if home else []
    current_path = getattr(page, "url_path", "") or ""
    return {
        "sections": [(section, current_path.startswith(section.url_path)) for section in sections],
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def alternate_links(context, page=None):
    """<link rel="alternate" hreflang> for each live translation, and x-default (English)."""
    from cms.core.translations import page_in_each_locale

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
