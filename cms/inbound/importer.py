"""Importing partners' feeds: each new entry becomes a draft article crediting its source.

A feed that cannot be fetched or parsed is logged, noted on the feed and skipped; the other
feeds are imported all the same.
"""

import hashlib
import logging
from dataclasses import dataclass, field

import feedparser
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from articles.models import ArticlePage
from cms.taxonomy.models import Category

from .fetching import FeedFetchError, download
from .models import ImportedEntry, PartnerFeed
from .section import NoHomePage, partners_section

logger = logging.getLogger(__name__)
TEXT_BLOCKS = ["p", "h1", "h2", "h3", "h4", "li", "blockquote"]
LEAD_LENGTH = 500
TITLE_LENGTH = 255


class FeedUnusable(Exception):
    """The feed was fetched but holds no entries we can read."""


@dataclass
class FeedReport:
    feed: PartnerFeed
    imported: list = field(default_factory=list)  # the draft pages created
    skipped: int = 0  # entries imported before
    error: str = ""


def import_partner_feeds(feeds=None):
    """Import every active feed (or the given ones); one FeedReport a feed."""
    if feeds is None:
        feeds = PartnerFeed.objects.filter(is_active=True).select_related("partner", "locale")
    return [import_feed(feed) for feed in feeds]


def import_feed(feed):
    report = FeedReport(feed)
    try:
        entries = read_entries(download(feed.url))
        section = partners_section(feed.locale)
    except (FeedFetchError, FeedUnusable, NoHomePage) as error:
        report.error = str(error)
        logger.warning("Partner feed %s (%s) skipped: %s", feed.pk, feed.url, error)
    else:
        known = set(feed.entries.values_list("entry_key", flat=True))
        for entry in entries:
            key = entry_key(entry)
            if key in known:
                report.skipped += 1
                continue
            page = import_entry(feed, section, entry, key)
            if page is None:
                report.skipped += 1
            else:
                report.imported.append(page)
            known.add(key)
    feed.last_fetched_at = timezone.now()
    feed.last_error = report.error
    feed.save(update_fields=["last_fetched_at", "last_error"])
    return report


def read_entries(payload):
    parsed = feedparser.parse(payload)
    entries = [entry for entry in parsed.entries if entry.get("title") or entry.get("link")]
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.bozo else "no entries"
        raise FeedUnusable(f"the feed could not be read: {reason}")
    return entries


def entry_key(entry):
    """The entry's guid, else its link, else a digest of its title: stable across fetches."""
    key = entry.get("id") or entry.get("link")
    if not key:
        key = "sha256:" + hashlib.sha256(entry.get("title", "").encode()).hexdigest()
    return key[:500]


def import_entry(feed, section, entry, key):
    """A draft article from the entry, recorded so it is never imported again; None when
    another run recorded it first."""
    try:
        with transaction.atomic():
            record = ImportedEntry.objects.create(
                feed=feed, entry_key=key, link=entry.get("link", "")[:1000]
            )
            page = draft_article(feed, section, entry)
            record.page = page
            record.save(update_fields=["page"])
    except IntegrityError:
        return None
    except ValidationError as error:
        # Left unrecorded, so the next run tries again once the cause is fixed.
        logger.warning("Partner feed %s: entry %s not imported: %s", feed.pk, key, error)
        return None
    return page


def draft_article(feed, section, entry):
    title = Truncator(plain(entry.get("title", "")) or entry.get("link", "")).chars(TITLE_LENGTH)
    paragraphs = text_blocks(entry_html(entry))
    lead = Truncator(plain(entry.get("summary", "")) or title).chars(LEAD_LENGTH)
    base_slug = slugify(title, allow_unicode=True)[:80] or "partner-story"
    page = ArticlePage(
        title=title,
        slug=find_available_slug(section, base_slug),
        lead=lead,
        locale=feed.locale,
        category=matching_category(feed, entry) or feed.category,
        body=[("paragraph", RichText(credit(feed, entry) + "".join(paragraphs)))],
        live=False,
    )
    section.add_child(instance=page)
    page.save_revision()
    return page


def matching_category(feed, entry):
    """Our category of the feed's language named as one of the entry's own, if any."""
    names = {tag.get("term", "").strip().casefold() for tag in entry.get("tags", [])} - {""}
    if not names:
        return None
    categories = Category.objects.filter(locale_id=feed.locale_id)
    return next((c for c in categories if {c.name.casefold(), c.slug} & names), None)


def credit(feed, entry):
    """The lead line naming the partner and linking its original."""
    with translation.override(feed.locale.language_code):
        source = _("Source: %(partner)s") % {"partner": feed.partner.title}
    link = entry.get("link", "")
    if link.lower().startswith(("http://", "https://")):
        return str(format_html('<p><b>{}</b> — <a href="{}">{}</a></p>', source, link, link))
    return str(format_html("<p><b>{}</b></p>", source))


def entry_html(entry):
    contents = entry.get("content") or []
    return contents[0].get("value", "") if contents else entry.get("summary", "")


def text_blocks(html):
    """The entry's text as plain paragraphs: a partner's markup (scripts, styles, frames)
    never reaches our pages, only its words."""
    soup = BeautifulSoup(html or "", "html.parser")
    blocks = soup.find_all(TEXT_BLOCKS)
    texts = [block.get_text(" ", strip=True) for block in blocks if not block.find(TEXT_BLOCKS)]
    if not blocks:
        texts = [line.strip() for line in soup.get_text("\n").splitlines()]
    return [str(format_html("<p>{}</p>", text)) for text in texts if text]


def plain(html):
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())
