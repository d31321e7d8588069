"""The admin's cheaper page listings show what Wagtail's would: the same pages to each role."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.models import ArticleIndexPage
from cms.editorial.explorer import explorable

ROLES = ["reporter", "editor", "chief", "translator-ru", "widgets", "partners", "admin"]


@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES)
def test_explorable_pages_are_wagtails_for_every_role(username):
    user = get_user_model().objects.get(username=username)
    policy = PagePermissionPolicy()

    ours = set(explorable(Page.objects.all(), policy, user).values_list("pk", flat=True))
    wagtails = set(policy.explorable_instances(user).values_list("pk", flat=True))

    assert ours == wagtails


@pytest.mark.django_db
def test_section_explorer_lists_its_stories_newest_edit_first(client):
    client.force_login(get_user_model().objects.get(username="editor"))
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    stories = list(
        news.get_children().order_by("-latest_revision_created_at").values_list("pk", flat=True)
    )

    response = client.get(f"/admin/pages/{news.pk}/?ordering=-latest_revision_created_at")

    assert response.status_code == 200
    shown = [page.pk for page in response.context["object_list"]]
    assert shown == stories[: len(shown)]
    assert len(shown) == min(len(stories), 50)
    # Each row still carries Wagtail's annotations (its status reads them).
    assert all(hasattr(page, "_approved_schedule") for page in response.context["object_list"])


@pytest.mark.django_db
def test_a_translator_sees_no_english_section_in_the_explorer(client):
    client.force_login(get_user_model().objects.get(username="translator-ru"))
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")

    response = client.get(f"/admin/pages/{news.pk}/")

    rows = response.context["object_list"] if response.status_code == 200 else []
    assert not rows
