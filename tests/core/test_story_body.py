"""One walk over a story's body: reading time, search, feeds and partners read its parts."""

import pytest
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from cms.core import story_body
from cms.distribution.items import items_for_pages
from interviews.models import InterviewPage
from search.documents import build_document
from tests.distribution.conftest import add_article, parse_feed

EVERY_BLOCK = {
    "Paraword": "searchable, read, copied",
    "Quoteword": "searchable, read, copied",
    "Attribword": "searchable, copied",
    "Captionword": "searchable, copied",
    "Creditword": "copied",
    "Embedword": "searchable, copied",
    "Linkword": "copied",
}


def body_with_every_block():
    image = get_image_model().objects.first()
    return [
        ("paragraph", RichText("<p>Paraword on the <b>quay</b>.</p>")),
        ("quote", {"text": "Quoteword said twice.", "attribution": "Attribword"}),
        ("image", {"image": image, "caption": "Captionword", "credit": "Creditword"}),
        (
            "embed",
            {"embed": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "caption": "Embedword"},
        ),
        ("related_link", {"page": None, "url": "https://example.org/r", "title": "Linkword"}),
        ("exchange_rates", None),
    ]


@pytest.mark.django_db
def test_every_reader_of_an_article_body_reads_the_same_blocks(client):
    article = add_article("en", title="Every block", body=body_with_every_block())
    article = type(article).objects.get(pk=article.pk)

    searchable = build_document(article)[0].body
    read = story_body.reading_text(article.body)
    feed = next(
        e for e in parse_feed(client, "/en/feeds/rss/").entries if e.title == "Every block"
    )
    copied = feed.content[0].value
    [item] = items_for_pages([article], base_url="https://partner.example")

    for word, readers in EVERY_BLOCK.items():
        assert (word in searchable) == ("searchable" in readers), word
        assert (word in read) == ("read" in readers), word
        assert (word in copied) == ("copied" in readers), word
        assert (word in item.body_html) == ("copied" in readers), word
    assert "<b>" not in searchable and "<b>" not in read
    assert (
        "<blockquote><p>Quoteword said twice.</p><footer>Attribword</footer></blockquote>"
        in copied
    )
    assert "Read also" in copied and 'href="https://example.org/r"' in copied
    assert article.reading_time >= 1


class FactBoxBlock(blocks.StructBlock):
    """A block the site does not have yet: it says what it holds, and nothing else changes."""

    fact = blocks.TextBlock()
    source = blocks.CharBlock()

    def story_parts(self, value):
        return [story_body.Quote(value["fact"], value["source"])]


def test_a_new_block_is_read_by_every_reader_through_its_parts():
    stream_block = blocks.StreamBlock(
        [("fact_box", FactBoxBlock()), ("paragraph", blocks.RichTextBlock())]
    )
    stream = stream_block.to_python(
        [
            {"type": "fact_box", "value": {"fact": "Factword", "source": "Sourceword"}},
            {"type": "paragraph", "value": "<p>Plainword</p>"},
        ]
    )

    assert list(story_body.parts(stream)) == [
        story_body.Quote("Factword", "Sourceword"),
        story_body.Paragraph("<p>Plainword</p>"),
    ]
    assert story_body.searchable_text(stream) == "Factword Sourceword Plainword"
    assert story_body.reading_text(stream) == "Factword Plainword"


@pytest.mark.django_db
def test_an_interview_transcript_reaches_search_and_the_feeds_question_by_question(client):
    interview = InterviewPage.objects.live().filter(locale__language_code="en").first()
    interview.transcript = [
        ("question_answer", {"question": "Askword?", "answer": RichText("<p>Answerword.</p>")})
    ]
    interview.save_revision().publish()

    document = build_document(InterviewPage.objects.get(pk=interview.pk))[0]
    [item] = items_for_pages([interview], base_url="https://partner.example")

    assert "Askword?" in document.body and "Answerword." in document.body
    assert "<p><strong>Askword?</strong></p><p>Answerword.</p>" in item.body_html
    assert interview.full_byline in item.body_html
