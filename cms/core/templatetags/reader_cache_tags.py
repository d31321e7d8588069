"""Reader HTML kept in the cache under the reader facts' generation (cms/caching/reader_facts.py).

`{% story_cards %}` and `{% story_card %}` give story cards, a listing's read in one round
trip; `{% reader_key as key %}` gives what a `{% cache %}` fragment of a reader's page
varies on. A card shows its story's title, date, category, byline, duration, lead and hero
picture, and links to the story and to its category under the reader's home page. Pages,
categories, countries and images all move the generation when they change
(cms/core/purge.py), so the key carries it, and with it everything else the HTML
depends on: the language (dates and digits), the site the reader asked for (addresses are
relative to it), the reader's home page, the template, and a card's variant.
"""

import hashlib

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from cms.caching import reader_facts

register = template.Library()

CARD_TEMPLATE = "core/includes/story_card.html"


@register.simple_tag(takes_context=True)
def story_cards(context, stories, eager_first=False, **variant):
    """The cards of a listing, as `{% include %}` of the card for each story would give them.

    `eager_first` fetches the first card's picture at once (a listing's likely largest
    image); `featured`, `show_lead` and `heading_level` apply to every card.
    """
    # Stories known by their ids alone (cms/core/related.py) are read only for a missing card.
    pks = getattr(stories, "pks", None)
    if pks is None:
        stories = list(stories or [])
        pks = [story.pk for story in stories]
    variants = [_variant(variant, eager=eager_first and n == 0) for n in range(len(pks))]
    request = context.get("request")
    if getattr(request, "is_preview", False):  # an editor's draft is never kept
        return mark_safe("".join(_render(context, zip(stories, variants, strict=False))))
    reader = _reader_key(context, request, _template_digest(_card_template(context)))
    keys = [f"{reader}:{_variant_key(v)}:{pk}" for pk, v in zip(pks, variants, strict=True)]
    kept = cache.get_many(keys)
    missing = [n for n, key in enumerate(keys) if key not in kept]
    if missing:
        found = {story.pk: story for story in stories}
        missing = [n for n in missing if pks[n] in found]
        rendered = _render(context, [(found[pks[n]], variants[n]) for n in missing])
        fresh = {keys[n]: html for n, html in zip(missing, rendered, strict=True)}
        cache.set_many(fresh, reader_facts.TIMEOUT)
        kept.update(fresh)
    return mark_safe("".join(kept[key] for key in keys if key in kept))


@register.simple_tag(takes_context=True)
def reader_key(context):
    """For `{% cache %}`: a fragment made only of what the generation covers (listings of
    pages, their cards) is the same for every reader of one language, site and home page."""
    request = context.get("request")
    key = _reader_key(context, request, _template_digest(context.template))
    # An editor's preview keeps its own fragments, never read by readers.
    return f"{key}:preview" if getattr(request, "is_preview", False) else key


@register.simple_tag(takes_context=True)
def story_card(context, story, **variant):
    """One card, e.g. the home page's top story."""
    return story_cards(context, [story], **variant)


def _variant(options, eager=False):
    return {
        "featured": bool(options.get("featured")),
        "eager": bool(options.get("eager", eager)),
        "show_lead": bool(options.get("show_lead")),
        "heading_level": options.get("heading_level"),
    }


def _variant_key(variant):
    flags = "".join(str(int(variant[name])) for name in ("featured", "eager", "show_lead"))
    return f"{flags}{variant['heading_level'] or ''}"


def _reader_key(context, request, template_digest):
    site = Site.find_for_request(request) if request is not None else None
    home = context.get("home")
    parts = (reader_facts.generation(), template_digest, get_language(), getattr(site, "pk", ""))
    return ":".join(str(part) for part in ("reader", *parts, getattr(home, "pk", "")))


def _card_template(context):
    return context.template.engine.get_template(CARD_TEMPLATE)


def _template_digest(template):
    # A release that changes the template starts with none of its old HTML.
    return hashlib.sha256(template.source.encode()).hexdigest()[:12]


def _render(context, cards):
    """The HTML of each (story, variant)."""
    card = _card_template(context)
    rendered = []
    for story, variant in cards:
        # As {% include %} renders it: the page's context (request, home) with the story.
        with context.push(story=story, **variant):
            rendered.append(card.render(context))
    return rendered
