"""What every delivery format does: render one item, or many as one document."""

from typing import Protocol

from cms.distribution.items import StoryItem


class UnknownFormat(ValueError):
    """A format name we do not deliver."""


class Formatter(Protocol):
    name: str
    media_type: str

    def render_item(self, item: StoryItem) -> bytes: ...

    def render_items(self, items: list[StoryItem], *, title: str, url: str) -> bytes: ...


def iso(value):
    """RFC 3339 with the offset, as ninjs and NewsML-G2 both ask: 2026-05-01T09:30:00+00:00."""
    return value.isoformat(timespec="seconds")
