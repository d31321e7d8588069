"""Publishing or moving an English page gives every other locale its matching draft
(submitting one for review does too: test_drafts_follow_source.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category

OTHER_LANGUAGES = {"ru", "pt", "zh-hans", "hi", "ar", "fa", "am"}


def article_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "A lead written by the English desk.",
            "country_links": inline_formset([]),
            "author_links": inline_formset([]),
            "body": streamfield([("paragraph", rich_text("<p>First paragraph.</p>"))]),
            "notes": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def section_form(title, slug):
    return nested_form_data(
        {"title": title, "slug": slug, "intro": "", "comments": inline_formset([])}
    )


@pytest.mark.django_db
def test_a_published_english_article_gets_a_draft_in_every_locale(
    admin_client, django_capture_on_commit_callbacks
):
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news.pk]),
            {
                **article_form("Kazan opens a river cruise terminal", "kazan-river-terminal"),
                "category": Category.objects.get(slug="economics", locale=news.locale).pk,
                "action-publish": "action-publish",
            },
        )
    assert response.status_code == 302

    source = ArticlePage.objects.get(locale__language_code="en", slug="kazan-river-terminal")
    drafts = ArticlePage.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    )
    assert {page.locale.language_code for page in drafts} == OTHER_LANGUAGES
    for draft in drafts:
        assert not draft.live
        assert draft.get_parent().specific.translation_key == news.translation_key
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale=draft.locale
        ).exists()


@pytest.mark.django_db
def test_moving_an_english_article_moves_its_translations(
    admin_client, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    home = Page.objects.get(locale=english, depth=2)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailadmin_pages:add", args=["articles", "articleindexpage", home.pk]),
            section_form("Features", "features"),
        )
    features = ArticleIndexPage.objects.get(locale=english, slug="features")
    article = ArticlePage.objects.get(locale=english, slug="novosibirsk-rail-container-hub")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[article.pk, features.pk])
        )
    assert response.status_code == 302

    for translation in article.get_translations().select_related("locale"):
        parent = translation.get_parent()
        assert parent.translation_key == features.translation_key
        assert parent.locale_id == translation.locale_id
        assert translation.url.startswith(f"/{translation.locale.language_code}/features/")
