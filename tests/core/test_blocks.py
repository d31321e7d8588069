"""Every body block renders through its template, with the values editors give it."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from articles.blocks import StoryBodyBlock
from articles.models import ArticlePage
from cms.core.blocks import (
    EmbedVideoBlock,
    ImageBlock,
    QuoteBlock,
    RelatedLinkBlock,
)
from interviews.blocks import QuestionAnswerBlock


def render(block, value):
    return block.render(block.to_python(value) if isinstance(value, dict) else value)


def test_quote_block_renders_text_and_attribution():
    html = render(QuoteBlock(), {"text": "Trains leave on time.", "attribution": "Operator"})
    assert "<blockquote" in html and "Trains leave on time." in html and "Operator" in html


def test_quote_block_escapes_editor_markup():
    html = render(QuoteBlock(), {"text": "<script>alert(1)</script>", "attribution": ""})
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_paragraph_renders_rich_text():
    html = StoryBodyBlock().child_blocks["paragraph"].render(RichText("<p>Hello <b>world</b></p>"))
    assert "<b>world</b>" in html


@pytest.mark.django_db
def test_image_block_renders_picture_caption_and_credit():
    image = get_image_model().objects.first()
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "caption": "Harbour cranes", "credit": "iStock"})
    html = block.render(value)
    assert "<picture" in html and "Harbour cranes" in html and "Photo: iStock" in html


@pytest.mark.django_db
def test_related_link_block_points_to_the_story_in_the_reader_language():
    from django.utils import translation

    article = ArticlePage.objects.filter(
        locale__language_code="en", slug="novosibirsk-rail-container-hub"
    ).get()
    russian = article.get_translation(article.locale.__class__.objects.get(language_code="ru"))
    block = RelatedLinkBlock()
    value = block.to_python({"page": article.pk, "url": "", "title": ""})
    with translation.override("ru"):
        html = block.render(value)
    assert russian.url in html and russian.title in html


def test_related_link_needs_a_page_or_an_address():
    from wagtail.blocks import StructBlockValidationError

    block = RelatedLinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "", "title": "Nothing"}))


@pytest.mark.django_db
def test_embed_block_renders_stored_embed_without_network():
    url = "https://video.example/watch/42"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html='<iframe src="https://video.example/e/42"></iframe>',
        provider_name="Example video",
    )
    block = EmbedVideoBlock()
    html = block.render(block.to_python({"embed": url, "caption": "Press conference"}))
    assert "https://video.example/e/42" in html and "Press conference" in html


def test_question_answer_block_renders_both_parts():
    block = QuestionAnswerBlock()
    html = block.render(block.to_python({"question": "How long?", "answer": "<p>Two days.</p>"}))
    assert "How long?" in html and "Two days." in html


@pytest.mark.parametrize(
    "block",
    [ImageBlock(), QuoteBlock(), EmbedVideoBlock(), RelatedLinkBlock(), QuestionAnswerBlock()],
)
def test_every_struct_block_declares_icon_template_and_preview(block):
    assert block.meta.icon
    assert block.meta.template
    assert block.meta.preview_value
