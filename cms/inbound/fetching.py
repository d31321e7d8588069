"""Downloading a partner's feed: through the outbound guard, bounded in time and size.

Redirects are followed, each hop's address checked: a feed may never lead to an internal one.
"""

from cms.core import outbound

TIMEOUT_SECONDS = 15
MAX_BYTES = 5 * 1024 * 1024  # a feed is a few hundred kilobytes; more is not a feed
USER_AGENT = "NetworkNews-inbound/1"


class FeedFetchError(Exception):
    """The feed could not be downloaded."""


def download(url, timeout=TIMEOUT_SECONDS):
    try:
        with outbound.get(url, headers={"User-Agent": USER_AGENT}, timeout=timeout) as reply:
            if not 200 <= reply.status < 300:
                raise FeedFetchError(f"{url} could not be fetched: HTTP {reply.status}")
            return reply.read(MAX_BYTES)
    except outbound.TooLarge:
        raise FeedFetchError(f"{url} is larger than {MAX_BYTES} bytes") from None
    except outbound.OutboundError as error:
        raise FeedFetchError(f"{url} could not be fetched: {error}") from error
