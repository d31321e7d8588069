"""The admin's cheaper page listings show what Wagtail's would: the same pages to each role."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.coreutils import get_content_type_label
from wagtail.models import Page, get_page_content_types
from wagtail.permission_policies.pages import PagePermissionPolicy

from articles.models import ArticleIndexPage, ArticlePage
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


def checkbox_labels(html, name):
    """The labels of a filter's checkboxes in the explorer's filter drawer."""
    pattern = rf'<input type="checkbox" name="{name}" value="(\d+)"[^>]*>\s*([^<]+?)\s*<'
    return {int(value): label for value, label in re.findall(pattern, html)}


@pytest.mark.django_db
def test_the_explorers_people_filters_offer_the_newsroom_and_filter_by_them(client):
    users = get_user_model().objects
    outsider = users.create_user("outsider")  # in no role: not one of the newsroom
    client.force_login(users.get(username="editor"))
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    reporter = users.get(username="reporter")
    owned = ArticlePage.objects.child_of(news).order_by("pk").first()
    ArticlePage.objects.filter(pk=owned.pk).update(owner=reporter)

    html = client.get(f"/admin/pages/{news.pk}/").text

    for name in ("owner", "edited_by"):
        offered = checkbox_labels(html, name)
        assert offered[reporter.pk] == "reporter"
        assert {"editor", "chief", "translator-ru"} <= set(offered.values())
        assert outsider.pk not in offered
    filtered = client.get(f"/admin/pages/{news.pk}/?owner={reporter.pk}")
    shown = filtered.context["object_list"]
    assert owned.pk in {page.pk for page in shown}
    assert {page.owner_id for page in shown} == {reporter.pk}
    refused = client.get(f"/admin/pages/{news.pk}/?owner={outsider.pk}").text
    assert "Select a valid choice" in refused


@pytest.mark.django_db
def test_the_explorers_page_types_are_wagtails(client):
    client.force_login(get_user_model().objects.get(username="editor"))
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")

    html = client.get(f"/admin/pages/{news.pk}/").text

    wagtails = get_page_content_types(include_base_page_type=False)
    assert list(checkbox_labels(html, "content_type").items()) == [
        (content_type.pk, get_content_type_label(content_type)) for content_type in wagtails
    ]
    articles = wagtails.get(model="articlepage")
    filtered = client.get(f"/admin/pages/{news.pk}/?content_type={articles.pk}")
    assert filtered.status_code == 200
    assert all(isinstance(page, ArticlePage) for page in filtered.context["object_list"])
