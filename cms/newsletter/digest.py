"""The weekly digest of one language: the week's live articles of that locale."""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from articles.models import ArticlePage
from cms.bylines.names import names_of
from cms.bylines.reading import with_bylines
from cms.core.formatting import format_day, format_published
from home.models import HomePage

from .emails import site_root_url

WEEK = re.compile(r"(\d{4})-W(\d{2})")


def week_start(week):
    """Monday 00:00 UTC of an ISO week written "2026-W47"; ValueError if it is not one."""
    match = WEEK.fullmatch(week or "")
    if not match:
        raise ValueError(f"{week!r} is not an ISO week such as 2026-W47")
    monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    return datetime.combine(monday, time.min, tzinfo=UTC)


def week_of(moment):
    year, number, _weekday = moment.astimezone(UTC).isocalendar()
    return f"{year}-W{number:02d}"


def previous_week(now=None):
    """The last complete ISO week: the one beat's Monday run sends."""
    return week_of((now or timezone.now()) - timedelta(days=7))


def week_articles(locale, week):
    """Live, public, unexpired articles of the locale first published in the ISO week (UTC).

    Scheduled (embargoed) articles are not live until the scheduler publishes them.
    """
    start = week_start(week)
    return (
        ArticlePage.objects.live()
        .public()
        .filter(locale=locale, first_published_at__gte=start)
        .filter(first_published_at__lt=start + timedelta(days=7))
        .exclude(expire_at__lte=timezone.now())
    )


def has_stories(language, week):
    locale = Locale.objects.filter(language_code=language).first()
    return locale is not None and week_articles(locale, week).exists()


@dataclass(frozen=True)
class DigestStory:
    title: str
    lead: str
    url: str
    published: str
    category: str
    byline: str = ""  # its authors' names; "" when the network signs it
    author_count: int = 0


@dataclass(frozen=True)
class Digest:
    """What every subscriber of one language gets for one week; rendered per subscriber."""

    language: str
    week: str
    site_name: str
    home_url: str
    root_url: str
    first_day: str
    last_day: str
    stories: list = field(default_factory=list)


def build_digest(language, week):
    """The digest, or None when the language published nothing that week."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    articles = list(
        with_bylines(week_articles(locale, week))
        .select_related("category")
        .order_by("-first_published_at", "-pk")
    )
    if not articles:
        return None
    root_url = site_root_url()
    home = HomePage.objects.live().filter(locale=locale).first()
    start = week_start(week)
    return Digest(
        language=language,
        week=week,
        site_name=home.title if home else "Network News",
        home_url=home.get_full_url() if home else root_url,
        root_url=root_url,
        first_day=format_day(start.date(), language),
        last_day=format_day((start + timedelta(days=6)).date(), language),
        stories=[
            DigestStory(
                title=article.title,
                lead=article.lead,
                url=article.get_full_url(),
                published=format_published(article.first_published_at, language),
                category=article.category.name if article.category else "",
                byline=names_of(article.authors, language),
                author_count=len(article.authors),
            )
            for article in articles
        ],
    )
