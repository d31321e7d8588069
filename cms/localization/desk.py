"""A translator's desk: the stories waiting for them in their languages, newest first.

Four piles, each counted and its newest rows listed, one click from the translation editor:
- new: an English story is live and the language has no live translation, nor one in review;
- out of date: the English was published again after the translation last was;
- in review: submitted, waiting for a chief editor;
- sent back: a chief editor asked for changes, with their comment.

The queries do not grow with the archive: counts are done by the database, rows are cut
to a few per pile, and review states are read only for pages in a workflow.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowState

from cms.caching import reader_facts
from cms.core.stories import story_models

NEW, OUT_OF_DATE, IN_REVIEW, SENT_BACK = "new", "out_of_date", "in_review", "sent_back"
ROWS_PER_PILE = 8


@dataclass
class DeskRow:
    title: str
    locale: Locale
    when: object
    url: str
    comment: str = ""
    reviewer: object = None
    # A story with no page yet in the language is started by a form (a POST), not a link.
    start: bool = False


@dataclass
class Pile:
    name: str
    count: int = 0
    rows: list = field(default_factory=list)


def translators_desk(locales):
    """The four piles for these locales (a translator's, or every language for a chief)."""
    piles = {name: Pile(name) for name in (NEW, OUT_OF_DATE, IN_REVIEW, SENT_BACK)}
    in_workflow = _active_states(locales)
    for state in in_workflow.values():
        pile = piles[
            SENT_BACK if state.status == WorkflowState.STATUS_NEEDS_CHANGES else IN_REVIEW
        ]
        pile.count += 1
        pile.rows.append(_review_row(state))
    # Every language at once, so that a chief editor's desk (seven languages) asks no more
    # queries than a translator's.
    reviewed_ids = list(in_workflow)
    taken, stale = _count_translations(locales, reviewed_ids)
    piles[OUT_OF_DATE].count += stale
    _fill_new(piles[NEW], locales, taken)
    _fill_waiting_translations(piles, locales, reviewed_ids)
    for pile in piles.values():
        pile.rows = sorted(pile.rows, key=lambda row: row.when, reverse=True)[:ROWS_PER_PILE]
    return list(piles.values())


def _english_stories():
    # By the locale's id (kept among the reader facts), not a join on its code: the
    # database can then read English pages along an index on the locale.
    english = reader_facts.locales()[settings.LANGUAGE_CODE]
    return Page.objects.live().filter(locale_id=english.pk).type(*story_models())


def _translations(locales):
    """The pages of these locales that translate a live English story."""
    return Page.objects.filter(
        locale__in=locales, translation_key__in=_english_stories().values("translation_key")
    )


def _source(field):
    """The live English story a translated page comes from: one of its fields."""
    return Subquery(
        _english_stories().filter(translation_key=OuterRef("translation_key")).values(field)[:1]
    )


def _fill_new(pile, locales, taken):
    """Live English stories with, in a language, no live page and none in review: either a
    draft waiting there (a link to it: _fill_waiting_translations) or no page yet (a form
    that starts one)."""
    stories = _english_stories()
    # Each story waits in every language but those where it is live or in review: the
    # languages times the stories, less the pages that take a place (a language holds one
    # page of a story), counted in plain COUNTs rather than one per story.
    pile.count += len(locales) * stories.count() - taken
    _fill_not_started(pile, locales, stories)


def _fill_not_started(pile, locales, stories):
    # The newest stories missing from some language hold the newest (story, language)
    # pairs: one row per language they are missing from.
    pages_there = (
        Page.objects.filter(translation_key=OuterRef("translation_key"), locale__in=locales)
        .order_by()  # the page tree's ordering would split the count by path
        .values("translation_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    missing = list(
        stories.annotate(pages_there=Coalesce(Subquery(pages_there), 0))
        .filter(pages_there__lt=len(locales))
        .order_by("-last_published_at", "-pk")
        .only("pk", "title", "translation_key", "last_published_at")[:ROWS_PER_PILE]
    )
    present = set(
        Page.objects.filter(
            translation_key__in=[story.translation_key for story in missing], locale__in=locales
        ).values_list("translation_key", "locale_id")
    )
    for story in missing:
        for locale in locales:
            if (story.translation_key, locale.pk) in present:
                continue
            pile.rows.append(
                DeskRow(
                    title=story.title,
                    locale=locale,
                    when=story.last_published_at,
                    url=reverse("translators_desk_start", args=[story.pk, locale.language_code]),
                    start=True,
                )
            )


def _count_translations(locales, reviewed_ids):
    """In one pass over the translations of live English stories in these languages: how
    many take a story's place there (live, or in review), and how many of the live ones
    outside review were published before their English source last was (out of date)."""
    translations = _translations(locales).filter(Q(live=True) | Q(pk__in=reviewed_ids))
    counts = translations.aggregate(
        taken=Count("pk"),
        # Compared with the source only for the rows the key filter found: in an archive
        # with stories of its own in each language, comparing every live page with its
        # (absent) English source took half a second at 20,000 per locale.
        stale=Count(
            "pk",
            filter=Q(live=True, last_published_at__lt=_source("last_published_at"))
            & ~Q(pk__in=reviewed_ids),
        ),
    )
    return counts["taken"], counts["stale"]


def _fill_waiting_translations(piles, locales, reviewed_ids):
    """The newest rows of two piles in one query over the translations of live English
    stories outside review: drafts (new: the story's title, until translated) and live
    pages published before their source last was (out of date), newest source first."""
    waiting = (
        _translations(locales)
        .exclude(pk__in=reviewed_ids)
        .annotate(source_title=_source("title"), source_published_at=_source("last_published_at"))
        .filter(Q(live=False) | Q(last_published_at__lt=F("source_published_at")))
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=F("live"),
                order_by=[F("source_published_at").desc(), F("pk").desc()],
            )
        )
        .filter(place__lte=ROWS_PER_PILE)
        .select_related("locale")
        .only("pk", "title", "live", "locale")
    )
    for page in waiting:
        piles[OUT_OF_DATE if page.live else NEW].rows.append(
            DeskRow(
                title=page.title if page.live else page.source_title,
                locale=page.locale,
                when=page.source_published_at,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
        )


def _active_states(locales):
    """The workflows in progress or sent back on pages of these locales, by page id."""
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type__app_label="wagtailcore", base_content_type__model="page")
        .select_related("current_task_state__finished_by", "workflow")
    )
    by_page = {int(state.object_id): state for state in states}
    pages = Page.objects.filter(pk__in=by_page, locale__in=locales).select_related("locale")
    found = {}
    for page in pages:
        state = by_page[page.pk]
        state.content_object = page  # spares one query per row
        found[page.pk] = state
    return found


def _review_row(state):
    page = state.content_object
    task = state.current_task_state
    sent_back = task is not None and task.status == TaskState.STATUS_REJECTED
    return DeskRow(
        title=page.title,
        locale=page.locale,
        when=(task.finished_at if sent_back else state.created_at) or state.created_at,
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        comment=task.comment if sent_back else "",
        reviewer=task.finished_by if sent_back else None,
    )
