"""The editors' admin pages stay within their query budgets, however big the archive.

The same pages `make bench` counts and times on its scale database (cms/bench/admin_pages.py),
each as the role that works there: counted here on the demo newsroom after a warm-up
request, then again with more stories in the section, where none may cost more.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage
from cms.bench.admin_pages import editor_pages
from cms.taxonomy.models import Category
from tests.factories import make_article

MORE_STORIES = 20


def count_queries(pages):
    """{page name: queries} for each page as its role, after a warm-up request (as a
    serving worker counts once its per-process caches are full)."""
    users = get_user_model().objects.in_bulk(
        {page.username for page in pages}, field_name="username"
    )
    counts = {}
    for page in pages:
        client = Client()
        client.force_login(users[page.username])
        client.get(page.path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.path)
        assert response.status_code == 200, page.path
        counts[page.name] = len(captured)
    return counts


@pytest.mark.django_db
def test_editors_pages_within_budget_and_not_growing_with_the_archive():
    pages = editor_pages()
    before = count_queries(pages)
    over = {page.name: before[page.name] for page in pages if before[page.name] > page.budget}
    assert not over, f"over budget: {over} (all: {before})"

    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    economics = Category.objects.get(slug="economics", locale__language_code="en")
    for _ in range(MORE_STORIES):
        make_article(news, category=economics)

    after = count_queries(pages)
    grew = {name: (before[name], after[name]) for name in before if after[name] > before[name]}
    assert not grew, f"grew with {MORE_STORIES} more stories: {grew}"


@pytest.mark.django_db
def test_the_edit_view_reads_a_storys_tags_at_once_and_shows_them_all(client):
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    story = make_article(
        news, category=Category.objects.get(slug="economics", locale__language_code="en")
    )
    client.force_login(get_user_model().objects.get(username="editor"))
    edit = f"/admin/pages/{story.pk}/edit/"

    def queries_with(names):
        story.tags.set(names)
        story.save_revision().publish()
        client.get(edit)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(edit)
        tags_field = response.context["form"]["tags"].value()
        assert {tag.name for tag in tags_field} == set(names)
        return len(captured)

    assert queries_with(["ports"]) == queries_with(
        ["ports", "grain", "barges", "river transport", "winter", "logistics"]
    )
