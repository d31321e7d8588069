"""The translator's admin pages stay within their query budgets, however big the archive.

A translator of Russian opens their desk (the dashboard) and the translation editor of the
newest English article's Russian translation; `make bench` counts the same two pages on
its scale database (cms/bench/admin_pages.py). Each is counted after a warm-up request, as
a serving process counts it once its per-process caches (content types, sites) are full.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category
from tests.factories import make_article

# Pinned at what they cost on the demo newsroom, before and after MORE_STORIES more, so that
# they do not grow unnoticed. The editor's count follows the story's own segments (the demo
# article has a quote, more paragraphs and its authors, which the bench's has not: 115
# there), not the archive; its bylines (#19) added 19 (wagtail-localize reads each related
# object's segment and its translation one by one).
BUDGETS = {"desk": 32, "editor": 140}
MORE_STORIES = 20


def translator_of_russian(client):
    client.force_login(get_user_model().objects.get(username="translator-ru"))
    return client


def russian_translation_of_newest_article():
    """The Russian page of the newest English article that wagtail-localize keeps in sync,
    which its translation editor edits (it replaces Wagtail's edit view for those)."""
    russian = Locale.objects.get(language_code="ru")
    synced = Translation.objects.filter(target_locale=russian, enabled=True)
    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en")
        .filter(translation_key__in=synced.values("source__object_id"))
        .order_by("-first_published_at", "-pk")
        .first()
    )
    return article.get_translation(russian)


def add_english_stories(count):
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    economics = Category.objects.get(slug="economics", locale__language_code="en")
    for _ in range(count):
        make_article(news, category=economics)


def count_within(client, url, budget, django_assert_max_num_queries):
    client.get(url)  # warm the per-process caches
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(captured)


@pytest.mark.django_db
def test_translators_desk_within_budget_however_many_stories_wait(
    client, django_assert_max_num_queries
):
    desk = reverse("wagtailadmin_home")
    translator = translator_of_russian(client)
    response, before = count_within(
        translator, desk, BUDGETS["desk"], django_assert_max_num_queries
    )
    assert b'data-pile="new"' in response.content  # the desk, not a bare dashboard

    add_english_stories(MORE_STORIES)
    response, _after = count_within(translator, desk, before, django_assert_max_num_queries)
    assert b"Test article" in response.content  # the new stories wait on the desk


@pytest.mark.django_db
def test_translation_editor_within_budget_however_big_the_archive(
    client, django_assert_max_num_queries
):
    editor = reverse("wagtailadmin_pages:edit", args=[russian_translation_of_newest_article().pk])
    translator = translator_of_russian(client)
    response, before = count_within(
        translator, editor, BUDGETS["editor"], django_assert_max_num_queries
    )
    assert b"js-translation-editor" in response.content  # wagtail-localize's, not Wagtail's

    add_english_stories(MORE_STORIES)
    count_within(translator, editor, before, django_assert_max_num_queries)
