"""Editors can create each page type only where it belongs."""

import pytest
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage
from interviews.models import InterviewIndexPage, InterviewPage
from partners.models import PartnerIndexPage, PartnerPage


@pytest.mark.parametrize(
    "child,parent,allowed",
    [
        (HomePage, Page, True),
        (ArticleIndexPage, HomePage, True),
        (InterviewIndexPage, HomePage, True),
        (PartnerIndexPage, HomePage, True),
        (ArticlePage, ArticleIndexPage, True),
        (InterviewPage, InterviewIndexPage, True),
        (PartnerPage, PartnerIndexPage, True),
        (ArticlePage, HomePage, False),
        (ArticlePage, InterviewIndexPage, False),
        (InterviewPage, ArticleIndexPage, False),
        (PartnerPage, HomePage, False),
        (ArticleIndexPage, ArticleIndexPage, False),
        (HomePage, HomePage, False),
        (ArticlePage, ArticlePage, False),
    ],
)
def test_page_type_parent_rules(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


@pytest.mark.django_db
def test_admin_refuses_an_article_directly_under_home(admin_client, home_pages):
    home = home_pages["en"]
    response = admin_client.get(f"/admin/pages/add/articles/articlepage/{home.pk}/", follow=True)
    # Wagtail answers a forbidden page type by sending the admin_client back to the dashboard.
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert "permission" in response.text


@pytest.mark.django_db
def test_admin_offers_only_a_news_section_under_a_full_home(admin_client, home_pages):
    # The home already has its one interviews and one partners section, so a news section
    # is the only page type left and Wagtail goes straight to its form.
    home = home_pages["en"]
    response = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/add/articles/articleindexpage/{home.pk}/"


@pytest.mark.django_db
def test_second_interviews_section_under_one_home_is_refused(home_pages):
    assert not InterviewIndexPage.can_create_at(home_pages["en"])
    assert ArticleIndexPage.can_create_at(home_pages["en"])
