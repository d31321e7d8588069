"""`{% exchange_rates %}` and `{% weather %}`: cached per language until the data changes."""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.widgets.rendering import rates_for_display, weather_for_display
from cms.widgets.signals import cache_version

register = template.Library()

FRAGMENT_SECONDS = 600  # staleness notes depend on the clock, so cached fragments age out


def _cached_fragment(name, build):
    language = get_language()
    key = f"widgets:{name}:{language}:{cache_version()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(f"widgets/{name}.html", {"items": build(language)})
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # rendered by our own template, with autoescaping


@register.simple_tag
def exchange_rates():
    return _cached_fragment("exchange_rates", rates_for_display)


@register.simple_tag
def weather():
    return _cached_fragment("weather", weather_for_display)
