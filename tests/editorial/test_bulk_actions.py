"""Bulk actions that unpublish, publish or delete a page in every language at once."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageLogEntry

pytestmark = pytest.mark.django_db

SLUG = "novosibirsk-rail-container-hub"


def bulk_url(action, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"/admin/bulk/wagtailcore/page/{action}/?{ids}&next=/admin/articles/"


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def english_article(db):
    return Page.objects.get(slug=SLUG, locale__language_code="en")


@pytest.fixture
def all_languages(english_article):
    pages = Page.objects.filter(translation_key=english_article.translation_key)
    assert pages.count() == 8
    return {page.locale.language_code: page for page in pages.select_related("locale")}


def listed_pages(response, key):
    return {entry["item"].pk for entry in response.context[key]}


def test_unpublish_confirmation_lists_the_page_and_every_translation(client, all_languages):
    response = login(client, "admin").get(
        bulk_url("unpublish-with-translations", all_languages["en"])
    )
    assert response.status_code == 200
    assert listed_pages(response, "items") == {page.pk for page in all_languages.values()}
    html = response.content.decode()
    for page in all_languages.values():
        assert page.title in html


def test_unpublish_with_translations_unpublishes_all_eight_and_logs_each(client, all_languages):
    response = login(client, "admin").post(
        bulk_url("unpublish-with-translations", all_languages["en"])
    )
    assert response.status_code == 302
    pks = [page.pk for page in all_languages.values()]
    assert not Page.objects.filter(pk__in=pks, live=True).exists()
    for pk in pks:
        assert PageLogEntry.objects.filter(page_id=pk, action="wagtail.unpublish").count() == 1


def test_publish_with_translations_brings_all_eight_back(client, all_languages):
    login(client, "admin")
    client.post(bulk_url("unpublish-with-translations", all_languages["en"]))
    response = client.post(bulk_url("publish-with-translations", all_languages["en"]))
    assert response.status_code == 302
    pks = [page.pk for page in all_languages.values()]
    assert Page.objects.filter(pk__in=pks, live=True).count() == 8
    assert PageLogEntry.objects.filter(page_id__in=pks, action="wagtail.publish").count() >= 8


def test_delete_confirmation_lists_all_eight(client, all_languages):
    response = login(client, "admin").get(
        bulk_url("delete-with-translations", all_languages["ar"])
    )
    assert response.status_code == 200
    assert listed_pages(response, "items") == {page.pk for page in all_languages.values()}


def test_delete_with_translations_removes_all_eight(client, english_article, all_languages):
    response = login(client, "admin").post(bulk_url("delete-with-translations", english_article))
    assert response.status_code == 302
    assert not Page.objects.filter(translation_key=english_article.translation_key).exists()
    pks = [page.pk for page in all_languages.values()]
    assert PageLogEntry.objects.filter(page_id__in=pks, action="wagtail.delete").count() == 8


def test_a_translator_sees_every_language_as_skipped(client, all_languages):
    # Taking a page down is the chief editors' call, in every language: a translator's
    # work goes live and comes down through review (cms/localization/review.py).
    response = login(client, "translator-ru").get(
        bulk_url("unpublish-with-translations", all_languages["en"])
    )
    assert response.status_code == 200
    assert listed_pages(response, "items") == set()
    skipped = listed_pages(response, "items_with_no_access")
    assert skipped == {page.pk for page in all_languages.values()}


def test_russian_translator_unpublishes_nothing_through_it(client, all_languages):
    english, arabic = all_languages["en"], all_languages["ar"]
    login(client, "translator-ru").post(bulk_url("unpublish-with-translations", english, arabic))
    assert Page.objects.filter(
        pk__in=[page.pk for page in all_languages.values()], live=True
    ).count() == len(all_languages)
    assert not PageLogEntry.objects.filter(
        page_id__in=[page.pk for page in all_languages.values()], action="wagtail.unpublish"
    ).exists()


def test_russian_translator_cannot_delete_the_english_page(client, all_languages):
    login(client, "translator-ru").post(bulk_url("delete-with-translations", all_languages["en"]))
    assert Page.objects.filter(pk=all_languages["en"].pk).exists()
    assert Page.objects.filter(pk=all_languages["ar"].pk).exists()
