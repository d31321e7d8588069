"""SQLite ranks the newest matches of a common word; pages past them go on with the rest."""

import pytest
from django.db import connection
from wagtail.models import Locale

from search.engines import base as engine_base
from search.engines import database_engine
from search.engines.base import SearchRequest

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the window is SQLite's"),
]
PER_PAGE = 2


def walk(query, sort="relevance"):
    """Every page of the English results, two at a time, past the end by one page."""
    english = Locale.objects.get(language_code="en")
    engine, ids, offset = database_engine(), [], 0
    while True:
        request = SearchRequest(
            text=query, languages=((english.pk, "en"),), sort=sort, offset=offset, limit=PER_PAGE
        )
        hits = engine.search(request)
        ids += hits.page_ids
        if not hits.page_ids:
            return hits.total, ids
        offset += PER_PAGE


@pytest.mark.parametrize("window", [1, 3, 4])
@pytest.mark.parametrize("query", ["port", "China"])
def test_every_match_is_listed_once_when_the_window_is_smaller_than_the_matches(
    monkeypatch, query, window
):
    total, by_date = walk(query, sort="date")
    monkeypatch.setattr(engine_base, "RANK_WINDOW", window)

    ranked_total, ranked = walk(query)

    assert total > window + PER_PAGE, "the matches must go on past the window"
    assert ranked_total == total
    assert len(ranked) == len(set(ranked)) == total
    assert set(ranked) == set(by_date)


def test_the_window_holds_the_newest_matches_of_the_language_and_comes_first(monkeypatch):
    _total, by_date = walk("China", sort="date")
    monkeypatch.setattr(engine_base, "RANK_WINDOW", 3)

    _ranked_total, ranked = walk("China")

    # Page ids grow as pages are created: the window is the three newest English matches.
    assert set(ranked[:3]) == set(sorted(by_date, reverse=True)[:3])
