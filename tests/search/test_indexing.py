"""The index follows what is live: publish adds after commit, unpublish and delete remove."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage
from cms.core.searchable import searchable_models
from cms.taxonomy.models import Category
from search.models import SearchDocument

WORD = "Quasarbridge"


def found(client, query=WORD, language="en"):
    data = client.get(f"/{language}/search/results.json", {"q": query}).json()
    return [result["id"] for result in data["results"]]


def new_article(title=f"{WORD} opens a new freight corridor", **fields):
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    article = ArticlePage(
        title=title,
        slug=f"test-{abs(hash(title)) % 10**8}",
        lead="A lead written for the search tests.",
        category=Category.objects.filter(locale=section.locale).first(),
        body=[],
        live=False,
        **fields,
    )
    section.add_child(instance=article)
    return article


@pytest.mark.django_db
def test_publishing_indexes_after_commit_and_unpublishing_removes_at_once(
    client, django_capture_on_commit_callbacks
):
    article = new_article()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article.save_revision().publish()
    assert callbacks, "indexing waits for the commit"
    assert found(client) == [article.pk]

    article.refresh_from_db()
    article.unpublish()

    assert found(client) == []
    assert not SearchDocument.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_a_draft_change_is_not_searchable_until_published(
    client, django_capture_on_commit_callbacks
):
    article = new_article()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.title = "Renamed to Zephyrwharf in a draft"
    article.save_revision()

    assert found(client, "Zephyrwharf") == []
    with django_capture_on_commit_callbacks(execute=True):
        article.get_latest_revision().publish()
    assert found(client, "Zephyrwharf") == [article.pk]
    assert found(client) == []


@pytest.mark.django_db
def test_a_deleted_page_leaves_the_index(client, django_capture_on_commit_callbacks):
    article = new_article()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    ArticlePage.objects.get(pk=article.pk).delete()

    assert found(client) == []
    assert not SearchDocument.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_an_embargoed_page_is_found_only_after_its_time(
    client, django_capture_on_commit_callbacks
):
    article = new_article()
    go_live = timezone.now() + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
        article.refresh_from_db()
        article.unpublish()
        article.go_live_at = go_live
        article.save_revision().publish()
    assert found(client) == []

    with time_machine.travel(go_live + timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", verbosity=0)
        assert found(client) == [article.pk]


@pytest.mark.django_db
def test_a_private_page_is_not_searchable(client, django_capture_on_commit_callbacks):
    article = new_article()
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert found(client) == []


@pytest.mark.django_db
def test_update_index_rebuilds_every_live_searchable_page(client):
    SearchDocument.objects.all().delete()
    assert found(client, "China") == []

    call_command("update_index", verbosity=0)

    live = sum(model.objects.live().count() for model in searchable_models())
    assert SearchDocument.objects.count() == live
    assert found(client, "China")
