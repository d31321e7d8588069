"""A listing's last page costs what its first costs (issue #9): the page's ids come from the
story listing index alone, its rows are read by id, and the total is remembered until a
page changes, so no page counts the archive again."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model

from articles.models import ArticlePage
from cms.core.listing import section_stories
from cms.core.pagination import IndexedPaginator
from cms.demo.bulk_pages import add_live_children
from cms.taxonomy.models import Category, Country, PageCountry
from tests.factories import make_article, make_section

INDEX = "newsroom_story_listing_idx"
ARCHIVE_SIZE = 300


@pytest.fixture
def archive(home_pages):
    """An English section of ARCHIVE_SIZE live articles inserted in bulk, as generate_newsroom
    inserts them. All look alike (one image, a category, a country), so every page of them
    needs the same queries; every two share a publication time, so pages split ties by id."""
    home = home_pages["en"]
    section = make_section(home)
    categories = list(Category.objects.filter(locale=home.locale).order_by("slug")[:2])
    country = Country.objects.get(code="BR", locale=home.locale)
    image = get_image_model().objects.first()
    newest = timezone.now() - timedelta(days=1)
    articles = [
        ArticlePage(
            title=f"Archive story {number}",
            slug=f"archive-story-{number}",
            lead="A story from the archive.",
            locale=home.locale,
            first_published_at=newest - timedelta(hours=number // 2),
            category=categories[number % 2],
            hero_image=image,
            body=[],
        )
        for number in range(ARCHIVE_SIZE)
    ]
    add_live_children(section, articles)
    PageCountry.objects.bulk_create(
        PageCountry(page_id=article.id, country=country, locale=home.locale)
        for article in articles
    )
    return section


def english_category():
    return Category.objects.filter(locale__language_code="en").order_by("slug").first()


def newest_first(section, **filters):
    stories = ArticlePage.objects.live().child_of(section).filter(**filters)
    return list(stories.order_by("-first_published_at", "-pk").values_list("pk", flat=True))


def last_page_number(total):
    return -(-total // settings.NEWSROOM_PAGE_SIZE)


def fetch(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params)
    return response


def listed(response):
    return [story.pk for story in response.context["page_of_results"]]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    return [query["sql"] for query in queries]


@pytest.mark.django_db
def test_every_page_costs_the_queries_of_the_first(client, archive):
    fetch(client, archive.url)  # a serving process has its facts and the total by now
    last = last_page_number(ARCHIVE_SIZE)
    numbers = (2, last // 2, last)

    # A page's first visit reads its rows to make the cards, later ones only its ids.
    first_visit = {
        number: len(queries_for(client, f"{archive.url}?page={number}")) for number in numbers
    }
    again = {
        number: len(queries_for(client, f"{archive.url}?page={number}"))
        for number in (1, *numbers, 10**9)
    }

    assert len(set(first_visit.values())) == 1, first_visit
    assert len(set(again.values())) == 1, again
    assert again[1] < first_visit[2]
    for sql in queries_for(client, f"{archive.url}?page={last}"):
        assert "COUNT(" not in sql.upper(), sql
        # Its ids are remembered too: the deep OFFSET is walked once per generation.
        assert "OFFSET" not in sql.upper(), sql


@pytest.mark.django_db
def test_pages_list_every_live_story_once_newest_first(client, archive):
    draft = make_article(
        archive, category=english_category(), live=False, published=timezone.now()
    )
    expected = newest_first(archive)
    listed_in_order = []
    for number in range(1, last_page_number(len(expected)) + 1):
        response = fetch(client, archive.url, page=number)
        assert response.context["page_of_results"].paginator.count == ARCHIVE_SIZE
        listed_in_order += listed(response)

    assert listed_in_order == expected
    assert draft.pk not in listed_in_order
    last = fetch(client, archive.url, page=last_page_number(ARCHIVE_SIZE))
    assert f'href="/en/{archive.slug}/archive-story-{ARCHIVE_SIZE - 1}/"' in last.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "shown"), [("abc", "first"), ("1e9999", "first"), ("0", "last"), ("-1", "last")]
)
def test_page_numbers_out_of_range_show_the_first_or_last_page(client, archive, page, shown):
    last = last_page_number(ARCHIVE_SIZE)

    response = fetch(client, archive.url, page=page)

    assert response.context["page_of_results"].number == (1 if shown == "first" else last)


@pytest.mark.django_db
def test_huge_page_number_shows_the_oldest_stories(client, archive):
    response = fetch(client, archive.url, page=str(10**30))

    assert listed(response) == newest_first(archive)[-len(listed(response)) :]
    assert "archive-story-0/" not in response.text


@pytest.mark.django_db
def test_each_filter_has_its_own_total(client, archive):
    category = Category.objects.get(pk=ArticlePage.objects.get(slug="archive-story-0").category_id)
    fetch(client, archive.url)

    response = fetch(client, archive.url, category=category.slug)
    brazil = fetch(client, archive.url, country="br", category=category.slug)

    in_category = newest_first(archive, category=category)
    assert response.context["page_of_results"].paginator.count == len(in_category)
    assert brazil.context["page_of_results"].paginator.count == len(in_category)
    assert listed(response) == in_category[: settings.NEWSROOM_PAGE_SIZE]
    assert fetch(client, archive.url).context["page_of_results"].paginator.count == ARCHIVE_SIZE


def total_on(client, section):
    return fetch(client, section.url).context["page_of_results"].paginator.count


@pytest.mark.django_db
def test_publishing_and_unpublishing_change_the_total_at_once(client, archive):
    assert total_on(client, archive) == ARCHIVE_SIZE
    first_page = listed(fetch(client, archive.url))
    second_page = listed(fetch(client, archive.url, page=2))

    story = make_article(archive, category=english_category(), published=timezone.now())
    response = fetch(client, archive.url)
    assert response.context["page_of_results"].paginator.count == ARCHIVE_SIZE + 1
    assert listed(response) == [story.pk, *first_page[:-1]]
    # Every page moves down by one at once, not only the first.
    assert listed(fetch(client, archive.url, page=2)) == [first_page[-1], *second_page[:-1]]

    story.unpublish()
    assert total_on(client, archive) == ARCHIVE_SIZE


@pytest.mark.django_db
def test_moving_and_deleting_change_the_totals_at_once(client, archive, home_pages):
    other = make_section(home_pages["en"])
    make_article(other, category=english_category())
    assert (total_on(client, archive), total_on(client, other)) == (ARCHIVE_SIZE, 1)

    ArticlePage.objects.get(slug="archive-story-0").move(other, pos="last-child")
    assert (total_on(client, archive), total_on(client, other)) == (ARCHIVE_SIZE - 1, 2)

    ArticlePage.objects.get(slug="archive-story-1").delete()
    assert total_on(client, archive) == ARCHIVE_SIZE - 2


def plan_of(queryset):
    sql, params = queryset.query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def archive_paginator(archive):
    return IndexedPaginator(section_stories(archive, ArticlePage), settings.NEWSROOM_PAGE_SIZE)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
def test_sqlite_reads_page_ids_from_the_listing_index_alone(archive):
    paginator = archive_paginator(archive)

    for number in (1, paginator.num_pages):
        ids_plan = plan_of(paginator.ids_query(number))
        rows_plan = plan_of(paginator.rows(list(paginator.ids(number))))

        assert f"USING COVERING INDEX {INDEX}" in ids_plan, ids_plan
        assert "TEMP B-TREE" not in ids_plan, ids_plan  # in index order: nothing sorted
        assert "SCAN" not in ids_plan, ids_plan
        # The rows are looked up by id, not found again by walking the locale's stories.
        assert "wagtailcore_page USING INTEGER PRIMARY KEY" in rows_plan, rows_plan
        assert f"wagtailcore_page USING INDEX {INDEX}" not in rows_plan, rows_plan


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's query plans")
def test_postgresql_reads_page_ids_from_the_listing_index_alone(archive):
    paginator = archive_paginator(archive)
    with connection.cursor() as cursor:
        # Rows this test inserted are not yet all-visible (no VACUUM inside a transaction),
        # so the planner prices each index entry as a table visit and, on a table this small,
        # may sort instead. Forbidding sorts asks whether the index alone gives the order
        # and the filter; a vacuumed table at scale picks it unasked (docs/performance.md).
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")

    for number in (1, paginator.num_pages):
        ids_plan = plan_of(paginator.ids_query(number))

        assert f"Index Only Scan Backward using {INDEX}" in ids_plan, ids_plan
        assert "Sort" not in ids_plan, ids_plan
