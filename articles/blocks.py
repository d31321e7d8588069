"""The body of an article: text, pictures, video, quotes, links, and the live widgets."""

from wagtail import blocks

from cms.core.blocks import (
    PARAGRAPH_FEATURES,
    EmbedVideoBlock,
    ImageBlock,
    QuoteBlock,
    RelatedLinkBlock,
    VideoBlock,
)
from cms.widgets.blocks import ExchangeRatesBlock, WeatherBlock


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
