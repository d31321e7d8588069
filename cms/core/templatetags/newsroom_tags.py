"""Locale-aware formatting for templates: `{{ page.first_published_at|published }}`."""

from django import template
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
        "links": page_in_each_locale(page, context.get("request")),
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
