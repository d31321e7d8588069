"""The full text of stories for partners' feeds, built for many stories in fixed queries.

Blocks are rendered from their stored (raw) values with the choosers' objects fetched
once for the whole feed, and the rich text of every story is expanded in one pass, so a
feed of 50 stories costs what a feed of 5 does. Links and pictures are absolute, since
the text is read away from the site.
"""

import re

from django.db.models import Q
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter
from wagtailmedia.models import get_media_model

from cms.core import story_body

from .stories import FEED_RENDITION, published

STORY_SEPARATOR = "<!-- newsroom:next-story -->"
RELATIVE_URL = re.compile(r'(\s(?:href|src|poster)=")(/(?!/)[^"]*)"')


def chosen_ids(parts, part_type, attribute):
    """The ids the parts of one type point at (pictures, videos, stories), None left out."""
    return {getattr(part, attribute) for part in parts if isinstance(part, part_type)} - {None}


class LocalizedPages:
    """Chosen pages resolved to their live translation in the feed's locale, in bulk."""

    def __init__(self, request, locale):
        self.request, self.locale, self.found = request, locale, {}

    def resolve(self, ids):
        missing = {int(pk) for pk in ids if str(pk).isdigit()} - set(self.found)
        if not missing:
            return
        chosen = dict(Page.objects.filter(pk__in=missing).values_list("pk", "translation_key"))
        candidates = published(Page.objects.filter(translation_key__in=chosen.values())).filter(
            Q(pk__in=missing) | Q(locale=self.locale)
        )
        by_key = {}
        for page in candidates:
            # The reader's language first, else the page itself, as Page.localized does.
            if page.locale_id == self.locale.pk or page.translation_key not in by_key:
                by_key[page.translation_key] = page
        for pk in missing:
            self.found[pk] = by_key.get(chosen.get(pk))

    def get(self, pk):
        return self.found.get(int(pk)) if str(pk).isdigit() else None

    def url(self, page):
        """The absolute address of a resolved page, or None for none or one not routable."""
        url = page.get_url(self.request) if page else None
        return self.request.build_absolute_uri(url) if url else None

    def link_tags(self, attrs_list):
        """A rich text link rule: `<a linktype="page" id="3">` becomes an absolute link."""
        self.resolve(attrs.get("id") for attrs in attrs_list)
        urls = (self.url(self.get(attrs.get("id"))) for attrs in attrs_list)
        return [format_html('<a href="{}">', url) if url else "<a>" for url in urls]


class StoryContent:
    """Renders the full text of many stories; `html(story)` gives one story's."""

    def __init__(self, request, locale, stories):
        self.request = request
        self.pages = LocalizedPages(request, locale)
        self.parts = {story.pk: list(story.body_parts()) for story in stories}
        parts = [part for story_parts in self.parts.values() for part in story_parts]
        self.pages.resolve(chosen_ids(parts, story_body.StoryLink, "page_id"))
        # Every picture of every story, the heroes with those in the text, in one query.
        heroes = {story.hero_image_id for story in stories} - {None}
        images = get_image_model().objects.prefetch_renditions(FEED_RENDITION)
        self.images = images.in_bulk(chosen_ids(parts, story_body.Picture, "image_id") | heroes)
        videos = chosen_ids(parts, story_body.Video, "media_id")
        self.videos = get_media_model().objects.in_bulk(videos)
        drafts = STORY_SEPARATOR.join(self.story_html(story) for story in stories)
        expanded = self.expand(drafts).split(STORY_SEPARATOR) if stories else []
        self.by_story = dict(zip([story.pk for story in stories], expanded, strict=True))

    def html(self, story):
        return mark_safe(self.by_story[story.pk])

    def hero(self, story):
        """The story's hero picture, with its feed rendition, or None."""
        return self.images.get(story.hero_image_id)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def expand(self, html):
        """Rich text links and embeds of every story at once, then relative URLs made absolute."""
        link_rules = {
            name: handler.expand_db_attributes_many
            for name, handler in features.get_link_types().items()
        }
        link_rules["page"] = self.pages.link_tags
        embed_rules = {
            name: handler.expand_db_attributes_many
            for name, handler in features.get_embed_types().items()
        }
        rewrite = MultiRuleRewriter(
            [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
        )
        html = rewrite(html)
        return RELATIVE_URL.sub(lambda m: f'{m[1]}{self.absolute(m[2])}"', html)

    def story_html(self, story):
        html = [format_html("<p>{}</p>", story.lead)]
        html.extend(self.part_html(part) for part in story.opening_parts())
        html.append(self.figure(self.hero(story), story.hero_caption, story.photo_credit))
        html.extend(self.part_html(part) for part in self.parts[story.pk])
        return "".join(str(part) for part in html if part)

    def figure(self, image, caption="", credit=""):
        rendition = feed_rendition(image)
        if rendition is None:
            return ""
        credit = _("Photo: %(credit)s") % {"credit": credit} if credit else ""
        text = " ".join(part for part in (caption, credit) if part)
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="">{}</figure>',
            self.absolute(rendition.url),
            rendition.width,
            rendition.height,
            format_html("<figcaption>{}</figcaption>", text) if text else "",
        )

    def part_html(self, part):
        if isinstance(part, story_body.Paragraph):
            # Expanded later with every other story's rich text, in one pass.
            return mark_safe(part.html)
        if isinstance(part, story_body.Question | story_body.Speaker):
            return format_html("<p><strong>{}</strong></p>", part.text)
        if isinstance(part, story_body.Quote):
            footer = (
                format_html("<footer>{}</footer>", part.attribution) if part.attribution else ""
            )
            return format_html("<blockquote><p>{}</p>{}</blockquote>", part.text, footer)
        if isinstance(part, story_body.Picture):
            return self.figure(self.images.get(part.image_id), part.caption, part.credit)
        if isinstance(part, story_body.Embed) and part.url:
            return format_html('<p><a href="{}">{}</a></p>', part.url, part.caption or part.url)
        if isinstance(part, story_body.Video):
            url = part.url or getattr(self.videos.get(part.media_id), "url", "")
            return format_html('<video controls src="{}"></video>', url) if url else ""
        if isinstance(part, story_body.StoryLink):
            return self.related_link(part)
        return ""

    def related_link(self, link):
        page = self.pages.get(link.page_id)
        url = self.pages.url(page) or link.url
        if not url:
            return ""
        title = link.title or (page.title if page else url)
        return format_html('<p>{} <a href="{}">{}</a></p>', _("Read also"), url, title)


def feed_rendition(image):
    """The feed's rendition of an image, or None when there is no image or its file is lost."""
    if image is None:
        return None
    try:
        return image.get_rendition(FEED_RENDITION)
    except SourceImageIOError:
        return None


def rendition_size(rendition):
    try:
        return rendition.file.size
    except (OSError, ValueError):
        return 0
