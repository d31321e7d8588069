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
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowState

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
    for locale in locales:
        reviewed_keys = [
            state.content_object.translation_key
            for state in in_workflow.values()
            if state.content_object.locale_id == locale.pk
        ]
        _fill_new(piles[NEW], locale, reviewed_keys)
        _fill_out_of_date(piles[OUT_OF_DATE], locale, reviewed_keys)
    # Each locale gave its newest rows: the pile keeps the newest of all of them.
    for pile in piles.values():
        pile.rows = sorted(pile.rows, key=lambda row: row.when, reverse=True)[:ROWS_PER_PILE]
    return list(piles.values())


def _english_stories():
    return (
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .type(*story_models())
    )


def _fill_new(pile, locale, reviewed_keys):
    live_there = Page.objects.filter(locale=locale, live=True).values("translation_key")
    waiting = (
        _english_stories()
        .exclude(translation_key__in=live_there)
        .exclude(translation_key__in=reviewed_keys)
    )
    pile.count += waiting.count()
    sources = list(
        waiting.order_by("-last_published_at", "-pk").only(
            "id", "title", "translation_key", "last_published_at"
        )[:ROWS_PER_PILE]
    )
    drafts = dict(
        Page.objects.filter(
            locale=locale, translation_key__in=[page.translation_key for page in sources]
        ).values_list("translation_key", "pk")
    )
    for source in sources:
        draft = drafts.get(source.translation_key)
        pile.rows.append(
            DeskRow(
                title=source.title,
                locale=locale,
                when=source.last_published_at,
                url=reverse("wagtailadmin_pages:edit", args=[draft])
                if draft
                else reverse("translators_desk_start", args=[source.pk, locale.language_code]),
                start=draft is None,
            )
        )


def _fill_out_of_date(pile, locale, reviewed_keys):
    translation = Page.objects.filter(
        locale=locale, live=True, translation_key=OuterRef("translation_key")
    )
    stale = (
        _english_stories()
        .exclude(translation_key__in=reviewed_keys)
        .annotate(
            translated_at=Subquery(translation.values("last_published_at")[:1]),
            translation_id=Subquery(translation.values("pk")[:1]),
            translated_title=Subquery(translation.values("title")[:1]),
        )
        .filter(translated_at__lt=F("last_published_at"))
    )
    pile.count += stale.count()
    for source in stale.order_by("-last_published_at", "-pk")[:ROWS_PER_PILE]:
        pile.rows.append(
            DeskRow(
                title=source.translated_title,
                locale=locale,
                when=source.last_published_at,
                url=reverse("wagtailadmin_pages:edit", args=[source.translation_id]),
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
