"""One syndicated story as partners receive it, built for many stories in fixed queries.

Every delivery format (cms/syndication/formatters/) renders from a SyndicationItem, so
the formats agree on the identity, version, full text and credit of a story.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from html import unescape
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page

from articles.models import ArticlePage
from cms.distribution.content import StoryContent, feed_rendition
from cms.distribution.stories import published
from cms.taxonomy.models import country_links_with_countries
from interviews.models import InterviewPage

KINDS = {ArticlePage: "article", InterviewPage: "interview"}
RELATIONS = {
    ArticlePage: {"select": [], "prefetch": ["tags", "notes"]},
    InterviewPage: {"select": ["video_file"], "prefetch": []},
}
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


@dataclass(frozen=True)
class ItemNote:
    kind: str  # "correction" | "update"
    date: datetime
    text: str


@dataclass(frozen=True)
class SyndicationItem:
    guid: str
    version: int
    page_id: int
    language: str
    kind: str
    url: str
    title: str
    lead: str
    body_html: str
    body_text: str
    first_published_at: datetime
    modified_at: datetime
    category: tuple[str, str] | None
    countries: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    image: ItemImage | None
    byline: str
    notes: tuple[ItemNote, ...]
    credit_line: str


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


def credit_line(language_code):
    """The network's attribution in a language: "Source: Network News"."""
    with translation.override(language_code):
        return _("Source: %(site)s") % {"site": _("Network News")}


def guid_for(page):
    return f"urn:newsroom:{page.translation_key}:{page.locale.language_code}"


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
    for model, relations in RELATIONS.items():
        content_type = ContentType.objects.get_for_model(model).pk
        model_ids = [pk for pk in ids if content_types.get(pk) == content_type]
        if not model_ids:
            continue
        queryset = (
            published(model.objects.filter(pk__in=model_ids))
            .select_related("category", "locale", *relations["select"])
            .prefetch_related(country_links_with_countries(), *relations["prefetch"])
        )
        found.update((story.pk, story) for story in queryset)
    return [found[pk] for pk in ids if pk in found]


def items_for_pages(pages, *, base_url):
    """SyndicationItems of the live articles and interviews among `pages`, in their order.

    Queries: a fixed number per page type and per language, whatever the number of pages.
    """
    request = PartnerRequest(base_url)
    stories = fetch_stories(pages)
    contents = {}
    for locale in {story.locale for story in stories}:
        in_locale = [story for story in stories if story.locale_id == locale.pk]
        with translation.override(locale.language_code):
            contents[locale.pk] = StoryContent(request, locale, in_locale)
    return [build_item(story, request, contents[story.locale_id]) for story in stories]


def build_item(story, request, content):
    language = story.locale.language_code
    body_html = str(content.html(story))
    notes = tuple(
        ItemNote(note.kind, note.noted_at, note.text) for note in getattr(story, "dated_notes", ())
    )
    return SyndicationItem(
        guid=guid_for(story),
        version=1 + len(notes),
        page_id=story.pk,
        language=language,
        kind=KINDS[type(story)],
        url=request.build_absolute_uri(story.get_url(request)),
        title=story.title,
        lead=story.lead,
        body_html=body_html,
        body_text=plain_text(body_html),
        first_published_at=story.first_published_at,
        modified_at=story.modified_at,
        category=(story.category.slug, story.category.name) if story.category else None,
        countries=tuple((country.code, country.name) for country in story.countries),
        tags=tuple(tag.name for tag in story.tags.all()) if hasattr(story, "tags") else (),
        image=item_image(request, story, content),
        byline=byline(story, language),
        notes=notes,
        credit_line=credit_line(language),
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
    )


def byline(story, language):
    # An interview names who speaks; the site shows no personal bylines, so an article is
    # signed by the network.
    if isinstance(story, InterviewPage):
        return story.full_byline
    with translation.override(language):
        return _("Network News")
