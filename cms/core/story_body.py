"""One walk over a story's body: the parts that reading time, search and the feeds read.

A story's body (an article's body, an interview's transcript) is a StreamField. `parts()`
reads its stored JSON, block by block, and asks each block what parts it holds
(`story_parts(value)`); Wagtail's rich text is a Paragraph. Reading the stored values
skips converting images, pages and embeds, which costs queries. Everything that reads a
story's body goes through here, so a new block is one `story_parts` method: reading time
(`reading_text`), the search text (`searchable_text`), the feeds' and partners' full
text (cms/distribution/content.py). A block with no `story_parts` (the live rates and
weather) holds nothing a copy of the story keeps.
"""

from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail import blocks


@dataclass(frozen=True)
class Paragraph:
    html: str  # rich text as stored: links and embeds not yet expanded

    def words(self):
        return [strip_tags(self.html)]


@dataclass(frozen=True)
class Question:
    """A line said with emphasis: an interviewer's question."""

    text: str

    def words(self):
        return [strip_tags(self.text)]


@dataclass(frozen=True)
class Speaker:
    """Who speaks in an interview: "Name, role, organisation"."""

    text: str

    def words(self):
        return [self.text]


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""

    def words(self):
        return [strip_tags(self.text), strip_tags(self.attribution)]


@dataclass(frozen=True)
class Picture:
    image_id: int | None
    caption: str = ""
    credit: str = ""

    def words(self):
        return [strip_tags(self.caption)]


@dataclass(frozen=True)
class Embed:
    """A video or post elsewhere, by its address."""

    url: str
    caption: str = ""

    def words(self):
        return [strip_tags(self.caption)]


@dataclass(frozen=True)
class Video:
    """A video file: one of the media library's (`media_id`), or at a known `url`."""

    media_id: int | None = None
    caption: str = ""
    url: str = ""

    def words(self):
        return [strip_tags(self.caption)]


@dataclass(frozen=True)
class StoryLink:
    """ "Read also": one of our stories (`page_id`), else an outside address."""

    page_id: int | None
    url: str = ""
    title: str = ""

    def words(self):
        return []


def parts(stream):
    """The parts of a StreamField value, in order, read from its stored JSON."""
    if not stream:
        return
    child_blocks = stream.stream_block.child_blocks
    for stored in stream.raw_data:
        block = child_blocks.get(stored["type"])
        if isinstance(block, blocks.RichTextBlock):
            yield Paragraph(stored["value"] or "")
        elif hasattr(block, "story_parts"):
            yield from block.story_parts(stored["value"] or {})


def reading_text(stream):
    """The words a reader reads through: paragraphs and quotes, without markup."""
    texts = []
    for part in parts(stream):
        if isinstance(part, Paragraph):
            texts.append(strip_tags(part.html))
        elif isinstance(part, Quote):
            texts.append(part.text)
    return " ".join(texts)


def searchable_text(stream):
    """Every word of the body search should find: text, quotes, questions, captions."""
    return " ".join(word for part in parts(stream) for word in part.words() if word)
