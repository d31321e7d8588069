"""The images endpoint (pictures of live pages only) and the category and country snippets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from articles.models import ArticlePage
from cms.taxonomy.models import Category, Country
from tests.api.conftest import ids, listing, new_article


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "model"), [("categories", Category), ("countries", Country)])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_snippets_are_listed_per_locale(client, endpoint, model, language):
    items = listing(client, endpoint, locale=language)

    expected = model.objects.filter(locale__language_code=language)
    assert ids(items) == set(expected.values_list("pk", flat=True))
    assert {item["meta"]["locale"] for item in items} == {language}
    assert {item["name"] for item in items} == {snippet.name for snippet in expected}


@pytest.mark.django_db
def test_a_snippet_detail_and_its_field_filter(client):
    country = Country.objects.get(code="IN", locale__language_code="hi")

    data = client.get(f"/api/v2/countries/{country.pk}/").json()
    assert data["meta"]["detail_url"].endswith(f"/api/v2/countries/{country.pk}/")
    assert data == {
        "id": country.pk,
        "meta": {
            "type": "taxonomy.Country",
            "detail_url": data["meta"]["detail_url"],
            "locale": "hi",
        },
        "name": country.name,
        "code": "IN",
        "is_member": country.is_member,
    }
    assert ids(listing(client, "countries", code="IN")) == set(
        Country.objects.filter(code="IN").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_images_are_those_live_pages_show(client):
    shown = get_image_model().objects.create(title="Shown", file=get_test_image_file())
    unpublished = get_image_model().objects.create(title="Embargoed", file=get_test_image_file())
    article = new_article(language="ru", hero_image=shown)
    article.save_revision().publish()
    new_article(language="ru", hero_image=unpublished).save_revision()

    in_russian = ids(listing(client, "images", locale="ru"))
    everywhere = ids(listing(client, "images"))

    assert shown.pk in in_russian and unpublished.pk not in everywhere
    assert shown.pk not in ids(listing(client, "images", locale="pt"))
    assert client.get(f"/api/v2/images/{unpublished.pk}/").status_code == 404
    heroes = ArticlePage.objects.live().filter(locale__language_code="ru")
    assert set(heroes.values_list("hero_image_id", flat=True)) - {None} <= in_russian


@pytest.mark.django_db
def test_an_image_in_a_story_body_is_listed(client, django_capture_on_commit_callbacks):
    picture = get_image_model().objects.create(title="In the body", file=get_test_image_file())
    article = new_article(body=[("image", {"image": picture, "caption": "", "credit": ""})])
    # Wagtail's reference index, which knows the body's images, is written after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    data = client.get(f"/api/v2/images/{picture.pk}/").json()

    assert data["id"] == picture.pk
    assert data["rendition"]["full_url"].startswith("http")


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["images", "countries"])
def test_listing_queries_do_not_grow_with_the_limit(client, endpoint):
    def count(limit):
        client.get(f"/api/v2/{endpoint}/", {"limit": limit, "fields": "*"})  # renditions made
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v2/{endpoint}/", {"limit": limit, "fields": "*"})
        assert len(response.json()["items"]) == limit
        return len(queries)

    assert count(5) == count(20)
