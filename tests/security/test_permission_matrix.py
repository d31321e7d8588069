"""Who may do what in the admin, asked the way a person asks: by opening the admin page for
the action. Every role of cms/editorial/roles.py and a translator against each action; the
demo newsroom's users hold the roles. Anonymous readers see no draft, preview or
revision."""

import re
from datetime import timedelta

import pytest
import responses
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category
from partners.models import PartnerIndexPage, PartnerPage
from tests.factories import make_article

ROLES = ["admin", "reporter", "editor", "chief", "widgets", "partners", "translator-ru"]
A, R, E, C, W, P, T = ROLES  # column names for the table below


def page_in(model, language, index=0):
    return model.objects.filter(locale__language_code=language).order_by("pk")[index]


def admin_urls():
    """Each action as the admin address that performs or starts it."""
    news = {code: page_in(ArticleIndexPage, code) for code in ("en", "ru")}
    article = {code: page_in(ArticlePage, code) for code in ("en", "ru", "ar")}
    partners_index = page_in(PartnerIndexPage, "en")
    partner = page_in(PartnerPage, "en")
    home = {code: Page.objects.get(depth=2, locale__language_code=code) for code in ("en", "ru")}

    def add(model, parent):
        app, name = model._meta.app_label, model._meta.model_name
        return reverse("wagtailadmin_pages:add", args=[app, name, parent.pk])

    def page(action, target):
        return reverse(f"wagtailadmin_pages:{action}", args=[target.pk])

    def snippet(app, model, action="add"):
        return reverse(f"wagtailsnippets_{app}_{model}:{action}")

    return {
        "add article (en news)": add(ArticlePage, news["en"]),
        "add article (ru news)": add(ArticlePage, news["ru"]),
        "edit article (en)": page("edit", article["en"]),
        "edit article (ru)": page("edit", article["ru"]),
        "edit article (ar)": page("edit", article["ar"]),
        "unpublish article (en)": page("unpublish", article["en"]),
        "unpublish article (ru)": page("unpublish", article["ru"]),
        "delete article (en)": page("delete", article["en"]),
        "delete article (ru)": page("delete", article["ru"]),
        "edit home page (en)": page("edit", home["en"]),
        "edit home page (ru)": page("edit", home["ru"]),
        "add partner": add(PartnerPage, partners_index),
        "edit partner": page("edit", partner),
        "unpublish partner": page("unpublish", partner),
        "delete partner": page("delete", partner),
        "add category": snippet("taxonomy", "category"),
        "add country": snippet("taxonomy", "country"),
        "add author": snippet("bylines", "author"),
        "add exchange rate": snippet("widgets", "exchangerate"),
        "add city": snippet("widgets", "city"),
        "add weather report": snippet("widgets", "weatherreport"),
        "add search promotion": reverse("wagtailsearchpromotions:add"),
        "list newsletter subscribers": reverse("newsletter-subscribers:index"),
        "add workflow": reverse("wagtailadmin_workflows:add"),
        "add user": reverse("wagtailusers_users:add"),
        "list users": reverse("wagtailusers_users:index"),
        "translation status": reverse("translation_status"),
        "translation status (ru)": reverse("translation_status_locale", args=["ru"]),
        "translation status (ar)": reverse("translation_status_locale", args=["ar"]),
    }


# Who may open each action: a role in the set may, every other role may not.
ALLOWED = {
    "add article (en news)": {A, R, E, C},
    # Reporters and editors write and review in English; each other language is its
    # translators' (who submit to review) and the chief editors' (#18).
    "add article (ru news)": {A, C},
    "edit article (en)": {A, R, E, C},
    "edit article (ru)": {A, C, T},
    "edit article (ar)": {A, C},
    "unpublish article (en)": {A, C},
    "unpublish article (ru)": {A, C},
    # Only chief editors delete (tests/security/test_page_deletion.py has every way in).
    "delete article (en)": {A, C},
    "delete article (ru)": {A, C},
    # A home page is its language's front page: curated by chief editors, not translators,
    # whose rights on the language's tree sit on it (home/front_page.py).
    "edit home page (en)": {A, C},
    "edit home page (ru)": {A, C},
    "add partner": {A, C, P},
    "edit partner": {A, C, P},
    "unpublish partner": {A, C, P},
    "delete partner": {A, C},
    "add category": {A},
    "add country": {A},
    "add author": {A, E, C},
    "add exchange rate": {A, W},
    "add city": {A, W},
    "add weather report": {A, W},
    "add search promotion": {A},
    "list newsletter subscribers": {A, C},
    "add workflow": {A, C},
    "add user": {A},
    "list users": {A},
    # It names drafts: for those who translate, review or approve; translators see theirs.
    "translation status": {A, E, C, T},
    "translation status (ru)": {A, E, C, T},
    "translation status (ar)": {A, E, C},
}
CASES = [(action, role) for action in ALLOWED for role in ROLES]


@pytest.mark.django_db
def test_the_table_names_every_action():
    assert set(ALLOWED) == set(admin_urls())


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "role"), CASES)
def test_role_may_or_may_not_open_the_admin_action(action, role):
    client = Client()
    client.force_login(get_user_model().objects.get(username=role))

    response = client.get(admin_urls()[action])

    if role in ALLOWED[action]:
        assert response.status_code == 200, f"{role} was refused {action}"
    else:
        # Wagtail answers a refusal with 403, or a redirect to the dashboard saying why.
        assert response.status_code in {302, 403}, f"{role} may {action}"
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_role_may_or_may_not_refresh_rates_and_weather(role):
    """Widget managers start the provider jobs; for anyone else no provider is asked."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=role))

    # Every provider answers 503 here: only whether one was asked matters.
    with responses.RequestsMock(assert_all_requests_are_fired=False) as providers:
        providers.get(re.compile(".*"), status=503)
        response = client.post(reverse("widgets_refresh"), {"next": "/admin/"})
        asked = len(providers.calls)

    if role in {A, W}:
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert asked, f"{role} started no refresh"
    else:
        assert response.status_code == 403, f"{role} may refresh"
        assert not asked


@pytest.fixture
def draft(db, home_pages):
    news = ArticleIndexPage.objects.child_of(home_pages["en"]).first()
    category = Category.objects.filter(locale__language_code="en").first()
    return make_article(news, category=category, title="Unreleased scoop", live=False)


@pytest.mark.django_db
def test_anonymous_readers_never_see_a_draft_its_preview_or_revisions(draft):
    client = Client()
    revision = draft.latest_revision
    addresses = [
        f"/en/news/{draft.slug}/",
        f"/admin/pages/{draft.pk}/view_draft/",
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[draft.pk, revision.pk]),
        f"/api/v2/pages/{draft.pk}/",
        "/api/v2/pages/?search=Unreleased&locale=en",
        "/en/search/?q=Unreleased",
        "/en/search/suggest.json?q=Unreleased",
    ]
    for address in addresses:
        response = client.get(address, follow=True)
        assert b"Unreleased scoop" not in response.content, address
        assert response.status_code in {200, 400, 404}, address
        if address.startswith("/admin/"):
            assert response.redirect_chain[0][0].startswith("/admin/login/"), address


@pytest.mark.django_db
def test_an_unpublished_translation_is_not_shown_in_its_language(locales):
    """A Russian draft of a live English story stays out of the Russian site."""
    article = page_in(ArticlePage, "ru")
    article.unpublish()
    client = Client()

    assert client.get(article.url).status_code == 404
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 404


@pytest.mark.django_db
def test_anonymous_readers_never_see_an_embargoed_story(draft):
    draft.go_live_at = timezone.now() + timedelta(days=1)
    draft.save_revision().publish()  # scheduled: Wagtail keeps it off the site until then
    draft.refresh_from_db()
    client = Client()

    assert not draft.live
    assert client.get(f"/en/news/{draft.slug}/").status_code == 404
    assert b"Unreleased scoop" not in client.get("/en/news/").content
    assert b"Unreleased scoop" not in client.get("/en/feeds/rss/").content
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
