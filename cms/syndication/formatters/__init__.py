"""The delivery formats of a syndicated story, each behind one interface (base.Formatter)."""

from .base import Formatter, UnknownFormat
from .feeds import AtomFormatter, RssFormatter
from .newsml import NewsmlFormatter
from .ninjs import NinjsFormatter
from .wagtail_api import WagtailApiFormatter

FORMATS: dict[str, Formatter] = {
    formatter.name: formatter
    for formatter in (
        NinjsFormatter(),
        NewsmlFormatter(),
        RssFormatter(),
        AtomFormatter(),
        WagtailApiFormatter(),
    )
}


def get_formatter(name: str) -> Formatter:
    try:
        return FORMATS[name]
    except KeyError:
        valid = ", ".join(sorted(FORMATS))
        raise UnknownFormat(f"unknown format {name!r}; choose one of: {valid}") from None


__all__ = ["FORMATS", "Formatter", "UnknownFormat", "get_formatter"]
