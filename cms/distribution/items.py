"""One story version as it leaves the site, built for many stories in fixed queries.

The public feeds (feeds.py) and every partner format, pull and push
(cms/syndication/formatters/) render from a StoryItem, so all agree on a story's identity
(one GUID), version, full text, categories and credit.

The GUID is `urn:uuid:` and a UUID 5 of the story's translation key and language: stable
through renames, moves and corrections, distinct for each language of a story, and the
same in every format. The public feeds carried it first, to the most readers; partner
formats, which said `urn:newsroom:<key>:<language>` until 2026-12, carry it too.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from html import unescape
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.bylines.addresses import AuthorPages
from cms.bylines.names import names_of
from cms.core.stories import story_models

from .content import StoryContent, feed_rendition, rendition_size
from .stories import published

BLOCK_END = re.compile(r"</(p|h\d|li|blockquote|figure|figcaption|footer)>", re.IGNORECASE)
SPACES = re.compile(r"[ \t\r\f\v]+")
BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class ItemImage:
    url: str  # absolute address of the feeds' rendition
    width: int
    height: int
    caption: str
    credit: str
    size: int  # bytes, for an enclosure


@dataclass(frozen=True)
class ItemNote:
    kind: str  # "correction" | "update"
    date: datetime
    text: str


@dataclass(frozen=True)
class ItemAuthor:
    name: str  # as written in the story's language
    slug: str
    kind: str  # "person" | "organisation" (an agency credit)
    role: str
    url: str  # absolute address of their author page


@dataclass(frozen=True)
class StoryItem:
    guid: str
    version: int
    page_id: int
    page_type: str  # "articles.ArticlePage", as Wagtail's API names it
    language: str
    kind: str  # the story type's story_kind: "article", "interview"
    url: str
    title: str
    lead: str
    body_html: str
    first_published_at: datetime
    modified_at: datetime
    category: tuple[str, str] | None
    countries: tuple[tuple[str, str], ...]
    image: ItemImage | None
    byline: str  # the authors' names; else the type's own byline, or the network's name
    authors: tuple[ItemAuthor, ...]  # who signs the story, in order; () when the network does
    notes: tuple[ItemNote, ...]
    credit: str  # the network's name in the story's language: the feeds' author
    credit_line: str  # "Source: Network News", where partners reprint it
    story: object = field(compare=False, repr=False)

    @cached_property
    def body_text(self):
        """The full text as plain text (ninjs carries it; the public feeds never ask)."""
        return plain_text(self.body_html)

    @cached_property
    def tags(self):
        """The story's free keywords (None for a type without them). Read only by the
        formats that carry them: the public feeds never ask, and fetch no tags."""
        names = self.story.tag_names
        return tuple(names) if names is not None else None

    @property
    def categories(self):
        """The category's name, then the countries', as feeds list them."""
        names = [self.category[1]] if self.category else []
        return names + [name for _code, name in self.countries]


class PartnerRequest(HttpRequest):
    """A request standing for a partner reading at `base_url`, for code that builds absolute
    links from a request (page URLs, the feeds' full text) when no request is at hand (the
    push job). Its host is ours to name, so it is not checked against ALLOWED_HOSTS."""

    def __init__(self, base_url):
        super().__init__()
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base_url must be an absolute http(s) address, not {base_url!r}")
        self._partner_scheme, self._partner_host = parts.scheme, parts.netloc
        self._partner_port = str(parts.port or (443 if parts.scheme == "https" else 80))
        self.path = self.path_info = "/"
        self.META = {"SERVER_NAME": parts.hostname, "SERVER_PORT": self._partner_port}

    def _get_scheme(self):
        return self._partner_scheme

    def get_host(self):
        return self._partner_host

    def get_port(self):
        return self._partner_port


def network_name(language_code):
    with translation.override(language_code):
        return _("Network News")


def credit_line(language_code):
    """The network's attribution in a language: "Source: Network News"."""
    with translation.override(language_code):
        return _("Source: %(site)s") % {"site": network_name(language_code)}


def guid_for(page):
    return uuid.uuid5(page.translation_key, page.locale.language_code).urn


def plain_text(html):
    """Readable text of the full text: one paragraph a line, entities decoded."""
    text = unescape(strip_tags(BLOCK_END.sub(lambda m: m[0] + "\n\n", html)))
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fetch_stories(pages):
    """The live stories among `pages`, specific, with what items read; one query set a type."""
    ids = [page.pk for page in pages]
    content_types = dict(Page.objects.filter(pk__in=ids).values_list("pk", "content_type"))
    found = {}
    for model in story_models():
        content_type = ContentType.objects.get_for_model(model).pk
        model_ids = [pk for pk in ids if content_types.get(pk) == content_type]
        if model_ids:
            queryset = published(model.objects.filter(pk__in=model_ids))
            queryset = model.outbound_queryset(queryset, keywords=True)
            found.update((story.pk, story) for story in queryset)
    return [found[pk] for pk in ids if pk in found]


def items_for_pages(pages, *, base_url):
    """StoryItems of the live stories among `pages`, in their order, as a partner reading at
    `base_url` receives them.

    Queries: a fixed number per story type and per language, whatever the number of pages.
    """
    request = PartnerRequest(base_url)
    stories = fetch_stories(pages)
    items = {}
    for locale in {story.locale for story in stories}:
        in_locale = [story for story in stories if story.locale_id == locale.pk]
        items.update((item.page_id, item) for item in items_for(request, locale, in_locale))
    return [items[story.pk] for story in stories]


def items_for(request, locale, stories):
    """StoryItems of stories of one locale (fetched with their `outbound_queryset`)."""
    with translation.override(locale.language_code):
        content = StoryContent(request, locale, stories)
    author_pages = AuthorPages(request)
    return [build_item(story, request, content, author_pages) for story in stories]


def build_item(story, request, content, author_pages):
    language = story.locale.language_code
    network = network_name(language)
    notes = tuple(ItemNote(note.kind, note.noted_at, note.text) for note in story.dated_notes)
    authors = tuple(
        ItemAuthor(author.name, author.slug, author.kind, author.role, author_pages.url(author))
        for author in story.authors
    )
    return StoryItem(
        guid=guid_for(story),
        version=story.version,
        page_id=story.pk,
        page_type=story._meta.label,
        language=language,
        kind=story.story_kind,
        url=request.build_absolute_uri(story.get_url(request)),
        title=story.title,
        lead=story.lead,
        body_html=str(content.html(story)),
        first_published_at=story.first_published_at,
        modified_at=story.modified_at,
        category=(story.category.slug, story.category.name) if story.category else None,
        countries=tuple((country.code, country.name) for country in story.countries),
        image=item_image(request, story, content),
        byline=names_of(authors, language) or story.outbound_byline() or network,
        authors=authors,
        notes=notes,
        credit=network,
        credit_line=credit_line(language),
        story=story,
    )


def item_image(request, story, content):
    rendition = feed_rendition(content.hero(story))
    if rendition is None:
        return None
    return ItemImage(
        url=request.build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        caption=story.hero_caption,
        credit=story.photo_credit,
        size=rendition_size(rendition),
    )
