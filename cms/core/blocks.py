"""StreamField blocks shared by every story page (articles, interviews)."""

from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import VideoChooserBlock

from cms.caching import facts
from cms.caching.restrictions import is_private
from cms.widgets.blocks import ExchangeRatesBlock, WeatherBlock

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


class EmbedVideoBlock(blocks.StructBlock):
    """An external video or post; its oEmbed answer is stored so pages render offline."""

    embed = EmbedBlock(help_text=_("Address of a video or post, e.g. a YouTube link."))
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "core/blocks/embed_block.html"
        preview_value = {"caption": "Interview recording"}
        label = _("Embed")


class VideoBlock(blocks.StructBlock):
    """A video file uploaded to the media library."""

    video = VideoChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "media"
        template = "core/blocks/video_block.html"
        preview_value = {"caption": "Recorded in the studio"}
        label = _("Video")


class RelatedLinkBlock(blocks.StructBlock):
    """A link to another story of ours, or to an outside page when no page is chosen."""

    page = blocks.PageChooserBlock(
        required=False, page_type=["articles.ArticlePage", "interviews.InterviewPage"]
    )
    url = blocks.URLBlock(required=False)
    title = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "link"
        template = "core/blocks/related_link_block.html"
        preview_value = {"url": "https://example.org/report", "title": "The full report"}
        label = _("Related link")

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
    locale = facts.locales().get(get_language())
    if locale is None or page.locale_id == locale.pk:
        return page
    return facts.translations_of(page).get(locale.pk, page)


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, icon="pilcrow", template="core/blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedVideoBlock()
    video = VideoBlock()
    related_link = RelatedLinkBlock()
    exchange_rates = ExchangeRatesBlock()
    weather = WeatherBlock()


def story_text(stream):
    """The readable words of a body stream: paragraphs and quotes, without markup."""
    parts = []
    for block in stream:
        if block.block_type == "paragraph":
            parts.append(strip_tags(block.value.source))
        elif block.block_type == "quote":
            parts.append(block.value["text"])
    return " ".join(parts)
