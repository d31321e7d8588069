"""Only chief editors (and administrators) delete pages; everyone else unpublishes or asks.

Wagtail alone lets whoever may edit a draft delete it, and whoever may publish a page
delete it live; each way in is tried: the delete view, the listing's button, Wagtail's
bulk delete and our "delete with translations"."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category
from partners.models import PartnerPage
from tests.factories import make_article
from tests.security.staff import login, refused

User = get_user_model()


def delete(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def bulk_delete(client, action, page):
    return client.post(
        f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}&next=/admin/articles/"
    )


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


def news():
    return ArticleIndexPage.objects.get(locale__language_code="en", slug="news")


def draft_owned_by(username):
    category = Category.objects.filter(locale__language_code="en").first()
    draft = make_article(news(), category=category, title=f"Draft of the {username}", live=False)
    Page.objects.filter(pk=draft.pk).update(owner=User.objects.get(username=username))
    return draft


def live_article(language):
    return ArticlePage.objects.live().filter(locale__language_code=language).order_by("pk")[0]


@pytest.mark.django_db
def test_reporter_cannot_delete_another_users_draft():
    draft = draft_owned_by("editor")

    assert refused(delete(login("reporter"), draft))
    assert exists(draft)


@pytest.mark.django_db
def test_reporter_cannot_delete_their_own_draft():
    draft = draft_owned_by("reporter")

    assert refused(delete(login("reporter"), draft))
    assert exists(draft)


@pytest.mark.django_db
def test_editor_cannot_delete_a_draft():
    draft = draft_owned_by("reporter")

    assert refused(delete(login("editor"), draft))
    assert exists(draft)


@pytest.mark.django_db
def test_translator_cannot_delete_a_live_page_of_their_language():
    russian = live_article("ru")

    assert refused(delete(login("translator-ru"), russian))
    assert exists(russian)


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["delete-with-translations", "delete"])
def test_translator_cannot_delete_a_live_page_of_their_language_in_bulk(action):
    russian = live_article("ru")

    response = bulk_delete(login("translator-ru"), action, russian)

    assert response.status_code in {302, 403}
    assert exists(russian)


@pytest.mark.django_db
def test_reporter_cannot_delete_a_draft_through_the_bulk_delete_action():
    draft = draft_owned_by("reporter")

    bulk_delete(login("reporter"), "delete", draft)

    assert exists(draft)


@pytest.mark.django_db
def test_partner_manager_cannot_delete_a_partner_page():
    partner = PartnerPage.objects.filter(locale__language_code="en").order_by("pk")[0]

    assert refused(delete(login("partners"), partner))
    assert exists(partner)


@pytest.mark.django_db
def test_chief_editor_deletes_a_live_article():
    article = live_article("en")

    response = delete(login("chief"), article)

    assert response.status_code == 302 and not refused(response)
    assert not exists(article)


@pytest.mark.django_db
def test_chief_editor_deletes_an_article_with_all_its_translations():
    article = live_article("ru")
    translations = Page.objects.filter(translation_key=article.translation_key)
    assert translations.count() == 8

    bulk_delete(login("chief"), "delete-with-translations", article)

    assert not translations.exists()


@pytest.mark.django_db
def test_translator_sees_no_page_as_deletable_in_the_delete_with_translations_form():
    russian = live_article("ru")

    response = login("translator-ru").get(
        f"/admin/bulk/wagtailcore/page/delete-with-translations/?id={russian.pk}"
    )

    assert response.status_code == 200
    assert response.context["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(("username", "shown"), [("reporter", False), ("chief", True)])
def test_delete_button_of_the_page_listing_shows_to_chief_editors_only(username, shown):
    draft = draft_owned_by("reporter")
    listing = reverse("wagtailadmin_explore", args=[news().pk])

    response = login(username).get(listing, {"ordering": "-latest_revision_created_at"})

    assert response.status_code == 200
    assert draft.title in response.text
    delete_url = reverse("wagtailadmin_pages:delete", args=[draft.pk])
    assert (delete_url in response.text) is shown


def offers_delete(edit_page, delete_url):
    """Whether the edit page shows a delete entry: in Wagtail's header menu, or in
    wagtail-localize's translation editor, whose props say whether it shows one."""
    editor = BeautifulSoup(edit_page.content, "html.parser").select_one(".js-translation-editor")
    if editor is not None:
        return json.loads(editor["data-props"])["perms"]["canDelete"]
    return delete_url in edit_page.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "language", "shown"),
    [("reporter", "en", False), ("translator-ru", "ru", False), ("chief", "en", True)],
)
def test_delete_entry_of_the_page_header_menu_shows_to_chief_editors_only(
    username, language, shown
):
    """The "⋮" menu of the edit page and of a section's listing offers no delete it refuses."""
    page = draft_owned_by("reporter") if language == "en" else live_article(language)
    client = login(username)
    delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert offers_delete(edit, delete_url) is shown

    section = page.get_parent()
    listing = client.get(reverse("wagtailadmin_explore", args=[section.pk]))
    section_delete = reverse("wagtailadmin_pages:delete", args=[section.pk])
    assert listing.status_code == 200
    assert section_delete not in listing.text or username == "chief"
