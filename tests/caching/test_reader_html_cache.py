"""Story cards and page fragments kept in the cache show what editors changed on the next read.

A card shows its category's name and its picture's renditions; the home page shows partners'
countries. Renaming or deleting a category, renaming a country, moving an image's focal
point or dropping its renditions must reach the next reader, with the page cache off (the
cards and fragments alone) and on (whole pages).
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model

from articles.models import ArticlePage
from cms.taxonomy.models import Category
from home.front_page import FrontPagePick
from partners.models import PartnerPage
from tests.factories import make_article, make_section

PICTURE_FILES = re.compile(r'srcset="([^"]+)"')


@pytest.fixture(params=["page cache off", "page cache on"])
def page_cache(request, settings):
    settings.PAGE_CACHE_ENABLED = request.param == "page cache on"
    return settings.PAGE_CACHE_ENABLED


@pytest.fixture
def top_story(home_pages):
    """The English home page's top story, newest of all, with a category and a picture."""
    english = home_pages["en"].locale
    # The demo curates the English front page: with no story picked, the newest leads.
    FrontPagePick.objects.filter(page=home_pages["en"]).delete()
    category = Category.objects.create(name="Harbour news", slug="harbour", locale=english)
    section = make_section(home_pages["en"])
    return make_article(
        section,
        category=category,
        image=get_image_model().objects.first(),
        published=timezone.now() + timedelta(minutes=1),
    )


def read_twice(client, url, page_cache):
    """The second read comes from the cache: cards and fragments, and the page when it is on."""
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    if page_cache:
        assert second["X-Page-Cache"] == "hit"
    return second.content.decode()


def top_card(html):
    return html.split('class="story-card story-card--featured"', 1)[1].split("</article>")[0]


@pytest.mark.django_db
def test_a_renamed_category_shows_on_the_next_read(client, top_story, page_cache):
    section_url = top_story.get_parent().url
    for url in ("/en/", section_url):
        assert "Harbour news" in read_twice(client, url, page_cache)

    top_story.category.name = "Port and harbour news"
    top_story.category.save()

    home = client.get("/en/").content.decode()
    assert ">Port and harbour news</a>" in top_card(home)
    assert "Harbour news" not in home
    listing = client.get(section_url).content.decode()
    assert "Port and harbour news" in listing and "Harbour news" not in listing


@pytest.mark.django_db
def test_a_deleted_category_leaves_its_stories_cards(client, top_story, page_cache):
    read_twice(client, "/en/", page_cache)

    top_story.category.delete()  # its stories keep no category (SET_NULL, no page saved)

    home = client.get("/en/").content.decode()
    assert "/en/categories/harbour/" not in home
    assert escape(top_story.title) in top_card(home)


@pytest.mark.django_db
def test_a_renamed_country_shows_in_the_home_pages_partner_list(client, page_cache):
    partners = PartnerPage.objects.live().filter(locale__language_code="en")
    partner = partners.order_by("title").first()  # listed first on the home page
    country = partner.country
    assert escape(country.name) in read_twice(client, "/en/", page_cache)

    country.name = "Republic of Testing"
    country.save()

    assert "Republic of Testing" in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_a_moved_focal_point_gives_cards_new_pictures(client, top_story, page_cache):
    before = PICTURE_FILES.findall(top_card(read_twice(client, "/en/", page_cache)))
    assert before

    image = top_story.hero_image
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width, image.focal_point_height = 20, 20
    image.save()

    after = PICTURE_FILES.findall(top_card(client.get("/en/").content.decode()))
    assert len(after) == len(before) and not set(after) & set(before)
    rendition = image.get_rendition("format-jpeg|fill-320x180")  # as the card's <picture> asks
    assert any(rendition.url in srcset for srcset in after)


@pytest.mark.django_db
def test_dropped_renditions_are_not_shown_from_the_cache(client, top_story, page_cache):
    read_twice(client, "/en/", page_cache)
    kept = {rendition.url for rendition in top_story.hero_image.renditions.all()}

    top_story.hero_image.renditions.all().delete()  # as replacing the image's file does

    response = client.get("/en/")
    if page_cache:
        assert response["X-Page-Cache"] == "miss"
    shown = " ".join(PICTURE_FILES.findall(top_card(response.content.decode())))
    assert shown and not any(url in shown for url in kept)


@pytest.mark.django_db
def test_a_published_story_joins_the_kept_listing_and_related_stories(client, top_story):
    related_to = make_article(top_story.get_parent(), category=top_story.category)
    read_twice(client, related_to.url, page_cache=False)

    newer = make_article(
        top_story.get_parent(),
        category=top_story.category,
        title="A newer harbour story",
        published=timezone.now() + timedelta(minutes=2),
    )

    story_page = client.get(related_to.url).content.decode()
    related = story_page.split('class="related-stories"', 1)[1]
    assert f'href="{newer.url}"' in related
    assert "A newer harbour story" in top_card(client.get("/en/").content.decode())


@pytest.mark.django_db
def test_an_unpublished_story_leaves_kept_related_stories(client, top_story):
    story = make_article(top_story.get_parent(), category=top_story.category)
    assert f'href="{top_story.url}"' in read_twice(client, story.url, page_cache=False)

    ArticlePage.objects.get(pk=top_story.pk).unpublish()

    assert f'href="{top_story.url}"' not in client.get(story.url).content.decode()
