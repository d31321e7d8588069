"""What a home page shows readers at a given moment: its picks that still hold, the newest
stories in the other slots and in the latest news, and its banner.

A pick holds while its story is a live public story of the page's language and its time
has not passed; otherwise its slot shows the newest article not shown elsewhere on the
page. No story shows twice: picked stories leave the latest news and the interviews.
Every story type is read in one query (plus its pictures), picks and newest together,
however old the picked story is.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from articles.models import ArticlePage
from cms import privacy
from cms.core.listing import live_stories, with_story_relations
from cms.core.stories import story_models
from interviews.models import InterviewPage

from .front_page import FRONT_PAGE_SLOTS

LATEST_NEWS = 12
INTERVIEWS = 4


@dataclass
class Banner:
    text: str
    page: object = None  # a live public page of the home page's language, or
    url: str = ""  # an address


@dataclass
class FrontPage:
    top_story: object
    more_top_stories: list
    latest_news: list
    interviews: list
    banner: Banner | None
    # When a pick or the banner shown now runs out: the page is kept no longer than that.
    changes_at: datetime | None

    @property
    def story_ids(self):
        """The articles shown, in order, as a key for the page's cached fragments: a pick
        running out changes them (and which interviews are left to list) with nothing
        published to purge the fragments."""
        stories = [self.top_story, *self.more_top_stories, *self.latest_news]
        return "-".join(str(story.pk) for story in stories if story is not None)


def shown_on_front_page(home, now):
    # Read with the home page by readers' requests (FrontPageMixin.reader_queryset); a
    # previewed draft holds its own in memory.
    picks = list(home.front_page_picks.all())[:FRONT_PAGE_SLOTS]
    in_force = [pick for pick in picks if pick.until is None or pick.until > now]
    picked_ids = list(dict.fromkeys(pick.story_id for pick in in_force))
    slots = [pick.story_id if pick in in_force else None for pick in picks]
    slots += [None] * (FRONT_PAGE_SLOTS - len(picks))
    listings = _listings(home.locale_id, picked_ids)
    found = {story.pk: story for story in listings[ArticlePage] if story.pk in picked_ids}
    for model, listing in listings.items():
        if model is not ArticlePage and set(picked_ids) - set(found):
            # Read now only when it may hold a pick: otherwise in the cached fragment, if
            # at all (the interviews).
            listings[model] = listing = list(listing)
            found.update((story.pk, story) for story in listing if story.pk in picked_ids)
    newest = iter([story for story in listings[ArticlePage] if story.pk not in picked_ids])
    filled = []
    for pk in slots:
        story = found.get(pk) if pk not in {story.pk for story in filled} else None
        if (story := story or next(newest, None)) is not None:
            filled.append(story)
    interviews = listings[InterviewPage]
    if isinstance(interviews, list):
        interviews = [story for story in interviews if story.pk not in picked_ids]
    banner = _banner(home, now)
    expiries = [pick.until for pick in in_force if pick.until is not None]
    if banner is not None and home.banner_until is not None:
        expiries.append(home.banner_until)
    return FrontPage(
        top_story=filled[0] if filled else None,
        more_top_stories=filled[1:],
        latest_news=list(newest)[:LATEST_NEWS],
        interviews=interviews[:INTERVIEWS],
        banner=banner,
        changes_at=min(expiries, default=None),
    )


def _listings(locale_id, picked_ids):
    """{story type: its live public stories of the locale that are picked, or among its
    newest not picked (as many as the page shows of that type)}, newest first, with what
    their cards show. Articles are read; the others are queries yet to run."""
    newest_shown = {ArticlePage: FRONT_PAGE_SLOTS + LATEST_NEWS, InterviewPage: INTERVIEWS}
    listings = {}
    for model in story_models():
        stories = live_stories(model, locale_id)
        newest = stories.exclude(pk__in=picked_ids)[: newest_shown.get(model, 0)]
        if picked_ids:
            stories = stories.filter(Q(pk__in=picked_ids) | Q(pk__in=newest.values("pk")))
        else:
            stories = newest
        listings[model] = with_story_relations(stories)
    listings[ArticlePage] = list(listings[ArticlePage])
    return listings


def _banner(home, now):
    if not home.banner_text or (home.banner_until is not None and home.banner_until <= now):
        return None
    page = home.banner_page if home.banner_page_id else None
    if page is not None and (not page.live or privacy.is_private(page)):
        page = None  # taken down since: the banner still says its line, without the link
    return Banner(home.banner_text, page=page, url=home.banner_url)
