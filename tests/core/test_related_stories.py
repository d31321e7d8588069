"""Related stories under a story: same locale, sharing its category or a country, newest first."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model

from articles.models import ArticlePage
from cms.caching import reader_facts
from cms.core.related import RELATED_STORIES, related_stories
from cms.taxonomy.models import Category, Country, PageCountry
from interviews.models import InterviewIndexPage, InterviewPage
from tests.factories import make_article, make_section, publish_child


@pytest.fixture
def taxonomy(home_pages):
    """A category and a country of their own, which no demo story carries."""
    english = home_pages["en"].locale
    return {
        "category": Category.objects.create(name="Related test", slug="related", locale=english),
        "country": Country.objects.create(name="Testland", code="ZZ", locale=english),
        "other_category": Category.objects.create(name="Other", slug="other", locale=english),
    }


@pytest.fixture
def section(home_pages):
    return make_section(home_pages["en"])


def make_interview(index, category, countries=(), minutes_ago=1):
    interview = InterviewPage(
        title=f"Test interview {minutes_ago}",
        slug=f"test-interview-{minutes_ago}",
        lead="A lead of a test interview.",
        first_published_at=timezone.now() - timedelta(minutes=minutes_ago),
        interviewee_name="Test Person",
        duration_seconds=600,
        category=category,
        hero_image=get_image_model().objects.first(),
        country_links=[PageCountry(country=country) for country in countries],
    )
    return publish_child(index, interview)


@pytest.mark.django_db
def test_related_stories_share_the_category_or_a_country(section, taxonomy, home_pages):
    category, country, other = (
        taxonomy["category"],
        taxonomy["country"],
        taxonomy["other_category"],
    )
    hours_ago = [timezone.now() - timedelta(hours=hours) for hours in range(5)]
    story = make_article(section, category=category, countries=[country], published=hours_ago[0])
    same_category = make_article(section, category=category, published=hours_ago[1])
    same_country = make_article(
        section, category=other, countries=[country], published=hours_ago[2]
    )
    make_article(section, category=other, published=hours_ago[1])  # shares nothing
    make_article(section, category=category, published=hours_ago[1], live=False)  # a draft
    english_interviews = InterviewIndexPage.objects.get(locale=home_pages["en"].locale)
    interview = make_interview(english_interviews, category, minutes_ago=180)

    related = related_stories(story)

    assert [page.pk for page in related] == [same_category.pk, same_country.pk, interview.pk]
    assert isinstance(related[-1], InterviewPage) and related[-1].byline == "Test Person"


@pytest.mark.django_db
def test_related_stories_are_of_the_page_locale_only(client):
    russian = ArticlePage.objects.live().filter(locale__language_code="ru").first()
    countries = {link.country_id for link in russian.country_links.all()}

    response = client.get(russian.url)

    related = response.context["related_stories"]
    assert 0 < len(related) <= RELATED_STORIES
    for story in related:
        assert story.locale_id == russian.locale_id and story.live and story.pk != russian.pk
        shared_countries = {link.country_id for link in story.country_links.all()}
        assert story.category_id == russian.category_id or shared_countries & countries
        assert escape(story.title) in response.text
    dates = [story.first_published_at for story in related]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
def test_at_most_four_newest_related_stories(section, taxonomy):
    category = taxonomy["category"]
    story = make_article(section, category=category)
    others = [make_article(section, category=category) for _ in range(6)]

    related = related_stories(story)

    newest = sorted(others, key=lambda page: page.first_published_at, reverse=True)[:4]
    assert [page.pk for page in related] == [page.pk for page in newest]


@contextmanager
def as_in_a_request():
    """What a reader's request has read before its page asks for related stories: which
    pages are private (once per request) and the generation."""
    with reader_facts.one_generation_per_request():
        reader_facts.generation()
        yield


def count_queries(client, url):
    client.get(url)  # renditions made and caches warmed by the first reader
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_related_stories_cost_two_queries_however_many_candidates(
    client, section, taxonomy, django_assert_num_queries
):
    category, country = taxonomy["category"], taxonomy["country"]
    image = get_image_model().objects.first()
    story = make_article(section, category=category, countries=[country], image=image)

    def add_candidates(count):
        for number in range(count):
            countries = [country] if number % 2 else []
            make_article(section, category=category, countries=countries, image=image)

    add_candidates(2)
    related_stories(story)  # content types cached, as in any warm process
    reader_facts.forget()  # as any publishing does: found afresh
    with as_in_a_request():
        with django_assert_num_queries(2):
            assert len(related_stories(story)) == 2
        with django_assert_num_queries(2):  # remembered: read back by id
            assert len(list(related_stories(story))) == 2
    with_two = count_queries(client, story.url)

    add_candidates(40)
    with as_in_a_request():
        with django_assert_num_queries(2):
            assert len(related_stories(story)) == RELATED_STORIES
        with django_assert_num_queries(2):
            assert len(list(related_stories(story))) == RELATED_STORIES
    with_forty_two = count_queries(client, story.url)

    assert with_forty_two == with_two


@pytest.mark.django_db
def test_remembered_related_stories_are_the_ones_found(section, taxonomy):
    category = taxonomy["category"]
    story = make_article(section, category=category, image=get_image_model().objects.first())
    for _ in range(5):
        make_article(section, category=category, image=get_image_model().objects.first())

    found = related_stories(story)
    remembered = related_stories(story)

    assert [page.pk for page in remembered] == [page.pk for page in found]
    assert [type(page) for page in remembered] == [type(page) for page in found]
    for kept, fresh in zip(remembered, found, strict=True):
        assert (kept.category, kept.hero_image) == (fresh.category, fresh.hero_image)


@pytest.mark.django_db
def test_a_preview_with_another_category_finds_its_own_related_stories(section, taxonomy):
    category, other = taxonomy["category"], taxonomy["other_category"]
    story = make_article(section, category=category)
    same_category = make_article(section, category=category)
    other_category = make_article(section, category=other)
    assert [page.pk for page in related_stories(story)] == [same_category.pk]

    story.category = other  # an editor's unsaved change, as a preview renders it

    assert [page.pk for page in related_stories(story)] == [other_category.pk]
    story.category = category
    assert [page.pk for page in related_stories(story)] == [same_category.pk]
