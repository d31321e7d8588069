"""{% byline story %}: "By Anna Petrova, Ivan Sokolov", each name linked to its author page."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from cms.bylines.addresses import AuthorPages
from cms.bylines.names import list_separator

register = template.Library()


@register.simple_tag(takes_context=True)
def byline(context, story, links=True):
    """The story's byline in the reader's language; "" when the network signs it."""
    authors = story.authors
    if not authors:
        return ""
    pages = AuthorPages(context.get("request"))
    names = [
        format_html('<a href="{}">{}</a>', path, author.name)
        if links and (path := pages.path(author))
        else conditional_escape(author.name)
        for author in authors
    ]
    separator = conditional_escape(list_separator())
    sentence = ngettext("By %(names)s", "By %(names)s", len(authors))
    return mark_safe(conditional_escape(sentence) % {"names": separator.join(names)})


@register.filter
def link_host(url):
    """A social link as readers recognise it: "mastodon.social", not the whole address."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
