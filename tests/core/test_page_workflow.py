"""A page's review workflow, read in one query, is the one Wagtail would find."""

import pytest
from wagtail.models import Page, Workflow, WorkflowPage

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage
from partners.models import PartnerPage


def demo_pages():
    news = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    return [
        HomePage.objects.get(locale__language_code="en"),
        news,
        ArticlePage.objects.child_of(news).first(),
        PartnerPage.objects.filter(locale__language_code="ru").first(),
    ]


def wagtails(page):
    """What Wagtail's own methods answer for the page (its base class has no mixin)."""
    base = Page.objects.get(pk=page.pk)
    return base.get_workflow(), base.has_workflow


def ours(page):
    fresh = type(page).objects.get(pk=page.pk)
    return fresh.get_workflow(), fresh.has_workflow


@pytest.mark.django_db
def test_each_page_finds_the_workflow_wagtail_finds():
    pages = demo_pages()
    for page in pages:
        assert ours(page) == wagtails(page), page

    # A workflow of its own on the section wins over the one above it; made inactive,
    # the one above applies again; none anywhere, none at all.
    news = pages[1]
    own = Workflow.objects.create(name="Section desk")
    WorkflowPage.objects.update_or_create(page=news, defaults={"workflow": own})
    for page in pages:
        assert ours(page) == wagtails(page), page
    assert ours(pages[2])[0] == own
    own.deactivate()
    for page in pages:
        assert ours(page) == wagtails(page), page
    WorkflowPage.objects.all().delete()
    for page in pages:
        assert ours(page) == wagtails(page) == (None, False), page


@pytest.mark.django_db
def test_a_page_reads_its_workflow_once(django_assert_num_queries):
    story = demo_pages()[2]
    article = type(story).objects.get(pk=story.pk)

    with django_assert_num_queries(1):
        for _ in range(3):
            assert article.has_workflow
            assert article.get_workflow().name == "Editorial review"
