"""The pull API's cursor: a story's last publication time and id, the order items come in.

A republished or corrected story moves past the cursor again, so a partner polling with
its last cursor receives the new version.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q

CURSOR = re.compile(r"^(\d{1,19})-(\d{1,10})$")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class BadCursor(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Cursor:
    published_at: datetime
    page_id: int

    @classmethod
    def parse(cls, text):
        match = CURSOR.match(text)
        if not match:
            raise BadCursor(
                "`since` must be a cursor from an earlier response, e.g. 1764000000000000-42"
            )
        microseconds, page_id = int(match[1]), int(match[2])
        try:
            moment = EPOCH + timedelta(microseconds=microseconds)
        except OverflowError:
            raise BadCursor("`since` names a time out of range") from None
        return cls(moment, page_id)

    @classmethod
    def of(cls, page):
        return cls(page.last_published_at, page.pk)

    def __str__(self):
        microseconds = (self.published_at - EPOCH) // timedelta(microseconds=1)
        return f"{microseconds}-{self.page_id}"

    def after(self):
        """The stories that come after this cursor."""
        return Q(last_published_at__gt=self.published_at) | Q(
            last_published_at=self.published_at, pk__gt=self.page_id
        )
