"""StreamField blocks that story bodies are built from (articles/blocks.py puts them together).

Each says what parts it holds for the one walk over a story's body (story_body.py).
"""

from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock

from cms.caching import reader_facts
from cms.privacy import is_private

from . import story_body
from .stories import story_models

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=255)
    credit = blocks.CharBlock(required=False, max_length=120, help_text=_("e.g. iStock"))

    class Meta:
        icon = "image"
        template = "core/blocks/image_block.html"
        preview_value = {"caption": "Container cranes at dusk", "credit": "iStock"}
        label = _("Image")

    def story_parts(self, value):
        return [
            story_body.Picture(
                value.get("image"), value.get("caption") or "", value.get("credit") or ""
            )
        ]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"
        preview_value = {
            "text": "Every week the trains leave on time, and customers notice.",
            "attribution": "Terminal operator",
        }
        label = _("Quote")

    def story_parts(self, value):
        return [story_body.Quote(value.get("text") or "", value.get("attribution") or "")]


class EmbedVideoBlock(blocks.StructBlock):
    """An external video or post; its oEmbed answer is stored so pages render offline."""

    embed = EmbedBlock(help_text=_("Address of a video or post, e.g. a YouTube link."))
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "core/blocks/embed_block.html"
        preview_value = {"caption": "Interview recording"}
        label = _("Embed")

    def story_parts(self, value):
        return [story_body.Embed(value.get("embed") or "", value.get("caption") or "")]


class VideoBlock(blocks.StructBlock):
    """A video file uploaded to the media library."""

    video = VideoChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "core/blocks/video_block.html"
        preview_value = {"caption": "Recorded in the studio"}
        label = _("Video")

    def story_parts(self, value):
        return [story_body.Video(value.get("video"), value.get("caption") or "")]


class StoryChooserBlock(blocks.PageChooserBlock):
    """Chooses one of our stories, of any story type (stories.py)."""

    @cached_property
    def target_models(self):
        return story_models()


class RelatedLinkBlock(blocks.StructBlock):
    """A link to another story of ours, or to an outside page when no page is chosen."""

    page = StoryChooserBlock(required=False)
    url = blocks.URLBlock(required=False)
    title = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "link"
        template = "core/blocks/related_link_block.html"
        preview_value = {"url": "https://example.org/report", "title": "The full report"}
        label = _("Related link")

    def story_parts(self, value):
        return [
            story_body.StoryLink(
                value.get("page"), value.get("url") or "", value.get("title") or ""
            )
        ]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["target"] = _in_reader_language(value.get("page"))
        return context

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or give an address.")]}
            )
        return value


def _in_reader_language(page):
    """The chosen story's live translation in the reader's language, else the story itself.

    A translated body already points at its own locale's story: no locale lookup then.
    """
    if page is None or not page.live or is_private(page):
        return None  # readers are never led to, nor shown the title of, a page they cannot see
    locale = reader_facts.locales().get(get_language())
    if locale is None or page.locale_id == locale.pk:
        return page
    return reader_facts.translations_of(page).get(locale.pk, page)
