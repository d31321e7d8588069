"""Category and country pages list every live story tagged with them, in their locale."""

import pytest
from django.db.models import F
from django.utils.html import escape
from wagtail.models import Page

from articles.models import ArticlePage
from cms.taxonomy.models import Category, Country
from interviews.models import InterviewPage
from partners.models import PartnerPage
from tests.factories import make_article, make_section


def live_stories_in(locale_code, **filters):
    stories = []
    for model in (ArticlePage, InterviewPage):
        stories += list(model.objects.live().filter(locale__language_code=locale_code, **filters))
    return sorted(stories, key=lambda story: (story.first_published_at, story.pk), reverse=True)


def all_listing_pages(client, url):
    titles, number = [], 1
    while True:
        response = client.get(url, {"page": number})
        assert response.status_code == 200
        titles += [story.title for story in response.context["stories"]]
        if not response.context["page_of_results"].has_next():
            return titles
        number += 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "am"])
def test_category_page_lists_its_live_stories_newest_first(client, language):
    category = Category.objects.get(slug="economics", locale__language_code=language)
    expected = live_stories_in(language, category=category)
    assert expected, "the demo has economics stories in every locale"

    titles = all_listing_pages(client, f"/{language}/categories/economics/")

    assert titles == [story.title for story in expected]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fa"])
def test_country_page_lists_its_live_stories_newest_first(client, language):
    country = Country.objects.get(code="IN", locale__language_code=language)
    expected = live_stories_in(language, country_links__country=country)
    assert expected

    titles = all_listing_pages(client, f"/{language}/countries/in/")

    assert titles == [story.title for story in expected]
    response = client.get(f"/{language}/countries/in/")
    assert escape(country.name) in response.text
    partners = PartnerPage.objects.live().filter(country=country)
    assert partners and all(escape(partner.title) in response.text for partner in partners)


@pytest.mark.django_db
def test_listing_shows_no_draft_and_no_other_locale(client, home_pages):
    category = Category.objects.get(slug="sport", locale__language_code="en")
    section = make_section(home_pages["en"])
    draft = make_article(section, category=category, title="Unpublished sport draft", live=False)

    response = client.get("/en/categories/sport/")

    listed = response.context["stories"]
    assert draft.title not in response.text
    assert all(story.locale.language_code == "en" for story in listed)
    assert all(story.live for story in listed)


@pytest.mark.django_db
def test_listing_is_paginated(client, home_pages, settings):
    settings.NEWSROOM_PAGE_SIZE = 3
    category = Category.objects.get(slug="culture", locale__language_code="en")
    section = make_section(home_pages["en"])
    for _ in range(5):
        make_article(section, category=category)
    total = len(live_stories_in("en", category=category))

    first = client.get("/en/categories/culture/")
    beyond = client.get("/en/categories/culture/", {"page": 999})
    garbage = client.get("/en/categories/culture/", {"page": "abc"})

    assert len(first.context["stories"]) == 3
    assert first.context["page_of_results"].paginator.count == total
    assert (
        beyond.context["page_of_results"].number
        == first.context["page_of_results"].paginator.num_pages
    )
    assert garbage.status_code == 200 and garbage.context["page_of_results"].number == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/categories/no-such/", "/en/countries/zz/", "/en/countries/rus/"]
)
def test_unknown_taxonomy_is_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_every_page_links_only_taxonomy_of_its_own_locale():
    mismatched = [
        page.pk
        for page in Page.objects.filter(country_links__isnull=False)
        .prefetch_related("country_links__country__locale")
        .select_related("locale")
        for link in page.country_links.all()
        if link.country.locale_id != page.locale_id
    ]
    assert mismatched == []
    for model in (ArticlePage, InterviewPage):
        assert not model.objects.exclude(category__locale=F("locale")).exists()


@pytest.mark.django_db
def test_a_listing_seen_before_reads_only_its_story_ids(client):
    """The cards come from the cache: the stories' own rows and pictures are not read again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/en/categories/economics/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as again:
        second = client.get(url)

    assert second.text == first.text
    read = " ".join(query["sql"] for query in again.captured_queries)
    # (The ids are found through the story tables, by category: aliased joins, no columns.)
    for rows in (
        '"articles_articlepage"."page_ptr_id"',
        '"interviews_interviewpage"."page_ptr_id"',
        'FROM "wagtailimages_rendition"',
    ):
        assert rows not in read, read
