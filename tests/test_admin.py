"""The admin works with the demo credentials the README gives."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from cms.demo.staff import DEMO_ADMIN
from cms.taxonomy.models import Category, Country
from interviews.models import InterviewPage
from partners.models import PartnerPage


@pytest.fixture
def editor(client, db):
    response = client.post(
        "/admin/login/",
        {"username": DEMO_ADMIN["username"], "password": DEMO_ADMIN["password"]},
    )
    assert response.status_code == 302
    return client


@pytest.mark.django_db
def test_readme_credentials_open_the_dashboard(editor):
    response = editor.get("/admin/")
    assert response.status_code == 200
    assert "Dashboard" in response.text or "dashboard" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("model", [ArticlePage, InterviewPage, PartnerPage])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_editor_opens_each_page_type(editor, model, language):
    page = model.objects.filter(locale__language_code=language).first()
    response = editor.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/admin/snippets/taxonomy/country/", "/admin/snippets/taxonomy/category/"]
)
def test_taxonomy_snippets_are_listed(editor, url):
    response = editor.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_editor_writes_and_publishes_an_article(editor, client):
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    category = Category.objects.get(locale__language_code="en", slug="sport")
    country = Country.objects.get(locale__language_code="en", code="ZA")
    data = nested_form_data(
        {
            "title": "Durban hosts the junior rowing regatta",
            "slug": "durban-junior-rowing-regatta",
            "lead": "Crews from six countries raced on the harbour course.",
            "first_published_at": "2026-11-24 09:30",
            "category": category.pk,
            "country_links": inline_formset([{"country": country.pk}]),
            "author_links": inline_formset([]),
            "body": streamfield([("paragraph", rich_text("<p>The regatta opened at dawn.</p>"))]),
            "tags": "rowing, youth",
            "comments": inline_formset([]),
            "notes": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = editor.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)

    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(
        slug="durban-junior-rowing-regatta", locale__language_code="en"
    )
    assert article.live
    assert article.first_published_at.isoformat().startswith("2026-11-24T09:30")
    reader = client.get("/en/news/durban-junior-rowing-regatta/")
    assert reader.status_code == 200
    assert "The regatta opened at dawn." in reader.text
    assert "South Africa" in reader.text
    assert sorted(tag.name for tag in article.tags.all()) == ["rowing", "youth"]


@pytest.mark.django_db
def test_publishing_an_article_without_lead_is_refused_with_a_form_error(editor):
    # Wagtail lets a draft be saved incomplete; publishing demands every required field.
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    data = nested_form_data(
        {
            "title": "No lead",
            "slug": "no-lead",
            "lead": "",
            "country_links": inline_formset([]),
            "author_links": inline_formset([]),
            "body": streamfield([]),
            "comments": inline_formset([]),
            "notes": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = editor.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)

    assert response.status_code == 200
    assert "lead" in response.context["form"].errors
    assert not ArticlePage.objects.filter(slug="no-lead").exists()
