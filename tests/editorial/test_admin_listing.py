"""The admin's article listing narrows by section, taxonomy, locale and status."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import PageCountry

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get(reverse("article_listing:index"), params)
    assert response.status_code == 200
    return {page.pk for page in response.context["object_list"]}


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_articles_menu_item_leads_to_the_listing(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("article_listing:index") in response.content.decode()


def test_locale_filter_lists_only_that_languages_articles(admin_client):
    russian = ArticlePage.objects.filter(locale__language_code="ru")
    assert russian.exists()
    assert listed(admin_client, locale="ru") == ids(russian)


def test_category_filter_lists_the_articles_of_that_category(admin_client):
    article = ArticlePage.objects.filter(locale__language_code="en").exclude(category=None)[0]
    expected = ids(ArticlePage.objects.filter(category=article.category))
    assert article.pk in expected
    assert listed(admin_client, category=article.category_id) == expected


def test_country_filter_lists_the_articles_linked_to_that_country(admin_client):
    link = PageCountry.objects.filter(page__locale__language_code="en").first()
    expected = ids(ArticlePage.objects.filter(country_links__country=link.country))
    assert expected
    assert listed(admin_client, country=link.country_id) == expected


def test_section_filter_lists_the_children_of_that_section(admin_client):
    section = ArticleIndexPage.objects.get(locale__language_code="pt")
    expected = ids(ArticlePage.objects.child_of(section))
    assert expected
    assert listed(admin_client, section=section.pk) == expected


def test_status_filter_separates_drafts_from_live_articles(admin_client):
    draft = ArticlePage.objects.filter(locale__language_code="en").first()
    ArticlePage.objects.filter(pk=draft.pk).update(live=False)
    drafts = listed(admin_client, status="draft", locale="en")
    assert drafts == ids(ArticlePage.objects.filter(live=False, locale__language_code="en"))
    assert draft.pk in drafts
    assert draft.pk not in listed(admin_client, status="live", locale="en")


def test_filters_combine(admin_client):
    article = ArticlePage.objects.filter(locale__language_code="ru").exclude(category=None)[0]
    expected = ids(ArticlePage.objects.filter(category=article.category, locale=article.locale))
    assert listed(admin_client, locale="ru", category=article.category_id) == expected


def test_listing_queries_do_not_grow_with_rows(admin_client):
    english = list(
        ArticlePage.objects.filter(locale__language_code="en")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert len(english) >= 30

    def queries_for_drafts(count):
        ArticlePage.objects.filter(pk__in=english).update(live=True)
        ArticlePage.objects.filter(pk__in=english[:count]).update(live=False)
        with CaptureQueriesContext(connection) as queries:
            assert len(listed(admin_client, locale="en", status="draft")) == count
        return len(queries)

    queries_for_drafts(10)  # the first request caches what every request asks (the site)
    assert queries_for_drafts(10) == queries_for_drafts(30)


def test_listing_offers_the_with_translations_bulk_actions(admin_client):
    html = admin_client.get(reverse("article_listing:index"), {"locale": "en"}).content.decode()
    assert "unpublish-with-translations" in html
    assert "delete-with-translations" in html
