"""Downloading a partner's feed, as the widgets' providers download: bounded in time."""

import requests

TIMEOUT_SECONDS = 15
MAX_BYTES = 5 * 1024 * 1024  # a feed is a few hundred kilobytes; more is not a feed


class FeedFetchError(Exception):
    """The feed could not be downloaded."""


def download(url, timeout=TIMEOUT_SECONDS):
    try:
        with requests.get(
            url, timeout=timeout, stream=True, headers={"User-Agent": "NetworkNews-inbound/1"}
        ) as response:
            response.raise_for_status()
            content = b""
            for chunk in response.iter_content(64 * 1024):
                content += chunk
                if len(content) > MAX_BYTES:
                    raise FeedFetchError(f"{url} is larger than {MAX_BYTES} bytes")
    except requests.RequestException as error:
        raise FeedFetchError(f"{url} could not be fetched: {error}") from error
    return content
