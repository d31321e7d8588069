"""Editors keep the list of authors; whoever writes a story signs it, persons in order or
one organisation, and a mix is refused with a form error."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from cms.bylines.models import Author

from .conftest import author


def logged_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def story_form(title, slug, authors):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "A lead for the byline test.",
            "country_links": inline_formset([]),
            "author_links": inline_formset([{"author": signer.pk} for signer in authors]),
            "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))]),
            "comments": inline_formset([]),
            "notes": inline_formset([]),
        }
    )


def add_url():
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    return f"/admin/pages/add/articles/articlepage/{section.pk}/"


@pytest.mark.django_db
def test_a_reporter_signs_a_draft_with_two_authors_in_order():
    reporter = logged_in("reporter")
    signers = [author("en", "oliver-grant"), author("en", "dawit-bekele")]

    response = reporter.post(add_url(), story_form("Two bylines", "two-bylines", signers))

    assert response.status_code == 302, response.context["form"].errors
    draft = ArticlePage.objects.get(slug="two-bylines").get_latest_revision_as_object()
    assert [link.author.name for link in draft.author_links.all()] == [
        "Oliver Grant",
        "Dawit Bekele",
    ]
    # The chooser a reporter picks them from answers them.
    assert reporter.get("/admin/snippets/choose/bylines/author/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slugs, error",
    [
        (
            ["oliver-grant", "deccan-wire-service"],
            "A story is signed by one or more persons, or by one organisation",
        ),
        (["oliver-grant", "oliver-grant"], "Each author appears once in a byline."),
    ],
)
def test_a_mixed_or_repeated_byline_is_refused_with_a_form_error(slugs, error):
    editor = logged_in("editor")
    signers = [author("en", slug) for slug in slugs]

    response = editor.post(add_url(), story_form("Mixed", "mixed-byline", signers))

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ArticlePage.objects.filter(slug="mixed-byline").exists()


@pytest.mark.django_db
def test_an_agency_credit_alone_is_accepted():
    editor = logged_in("editor")
    agency = author("en", "deccan-wire-service")

    response = editor.post(add_url(), story_form("Wire copy", "wire-copy", [agency]))

    assert response.status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("username, may", [("editor", True), ("chief", True), ("reporter", False)])
def test_editors_and_chief_editors_keep_the_list_of_authors(username, may):
    client = logged_in(username)
    data = {
        "name": "Nadia Karimova",
        "slug": "nadia-karimova",
        "kind": "person",
        "role": "Data reporter",
        "bio": "",
        "links-count": "0",
    }

    response = client.post("/admin/snippets/bylines/author/add/?locale=en", data)

    created = Author.objects.filter(slug="nadia-karimova").exists()
    assert created is may, response.status_code


@pytest.mark.django_db
def test_a_taken_slug_is_a_form_error_not_a_server_error():
    editor = logged_in("editor")
    data = {
        "name": "Another Marina",
        "slug": "marina-volkova",
        "kind": "person",
        "role": "",
        "bio": "",
        "links-count": "0",
    }

    response = editor.post("/admin/snippets/bylines/author/add/?locale=en", data)

    assert response.status_code == 200
    assert "Another author in this language already has this slug." in response.text
    assert Author.objects.filter(slug="marina-volkova", locale__language_code="en").count() == 1


@pytest.mark.django_db
def test_a_reporter_chooses_an_author_by_name_and_sees_their_role():
    client = logged_in("reporter")
    choose = "/admin/snippets/choose/bylines/author/"

    listing = client.get(choose).json()["html"]
    found = client.get(f"{choose}results/", {"q": "Volkova"}).content.decode()

    headings = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", listing.split("</thead>")[0]))
    assert "Name" in headings and "Role" in headings and "Title" not in headings
    assert "Marina Volkova" in found and "Economics correspondent" in found
