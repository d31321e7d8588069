"""The pages endpoint: live public pages only, filtered by locale, type, category and country."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticlePage
from cms.taxonomy.models import PageCountry
from interviews.models import InterviewPage
from partners.models import PartnerPage
from tests.api.conftest import ids, listing, new_article


def detail(client, page):
    return client.get(f"/api/v2/pages/{page.pk}/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans", "am"])
def test_a_locale_lists_its_live_pages_and_no_others(client, language):
    items = listing(client, "pages", locale=language)

    # The tree's root (depth 1) is no one's page.
    expected = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    assert ids(items) == set(expected.values_list("pk", flat=True))
    assert {item["meta"]["locale"] for item in items} == {language}
    assert all(item["meta"]["html_url"].split("/")[3] == language for item in items)


@pytest.mark.django_db
def test_the_type_filter_lists_one_kind_of_page(client):
    items = listing(client, "pages", type="interviews.InterviewPage", locale="pt")

    assert {item["meta"]["type"] for item in items} == {"interviews.InterviewPage"}
    live = InterviewPage.objects.live().filter(locale__language_code="pt")
    assert ids(items) == set(live.values_list("pk", flat=True))


@pytest.mark.django_db
def test_the_category_filter_takes_a_slug_in_any_locale(client):
    items = listing(client, "pages", category="economics", locale="ru")

    articles = ArticlePage.objects.live().filter(locale__language_code="ru")
    interviews = InterviewPage.objects.live().filter(locale__language_code="ru")
    expected = {
        *articles.filter(category__slug="economics").values_list("pk", flat=True),
        *interviews.filter(category__slug="economics").values_list("pk", flat=True),
    }
    assert expected and ids(items) == expected


@pytest.mark.django_db
def test_the_country_filter_finds_stories_and_partners_of_the_country(client):
    items = listing(client, "pages", country="br", locale="en")

    linked = PageCountry.objects.filter(country__code="BR").values("page_id")
    stories = Page.objects.live().filter(locale__language_code="en", pk__in=linked)
    partners = PartnerPage.objects.live().filter(locale__language_code="en", country__code="BR")
    assert partners.exists() and stories.exists()
    assert ids(items) == {
        *stories.values_list("pk", flat=True),
        *partners.values_list("pk", flat=True),
    }


@pytest.mark.django_db
def test_filters_combine(client):
    items = listing(
        client, "pages", type="articles.ArticlePage", category="economics", country="CN"
    )

    for item in items:
        article = ArticlePage.objects.get(pk=item["id"])
        assert article.category.slug == "economics"
        assert "CN" in {country.code for country in article.countries}
    assert items


@pytest.mark.django_db
def test_drafts_scheduled_and_private_pages_are_absent(admin_client):
    draft = new_article()
    draft.save_revision()
    scheduled = new_article()
    scheduled.go_live_at = timezone.now() + timedelta(hours=3)
    scheduled.save_revision().publish()
    private = new_article()
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    scheduled.refresh_from_db()
    assert not scheduled.live and Page.objects.get(pk=private.pk).live

    # Signed in, as Wagtail's own API would let the session open the private page.
    items = listing(admin_client, "pages", type="articles.ArticlePage", locale="en")

    assert not ids(items) & {draft.pk, scheduled.pk, private.pk}
    for page in (draft, scheduled, private):
        assert detail(admin_client, page).status_code == 404


@pytest.mark.django_db
def test_an_expired_page_the_scheduler_has_not_reached_is_absent(client):
    article = new_article()
    article.save_revision().publish()
    assert detail(client, article).status_code == 200

    Page.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    assert detail(client, article).status_code == 404


@pytest.mark.django_db
def test_an_article_shows_its_api_fields(client):
    article = ArticlePage.objects.live().filter(locale__language_code="hi").first()

    data = detail(client, article).json()

    assert data["title"] == article.title and data["lead"] == article.lead
    assert data["meta"]["locale"] == "hi"
    assert data["category"]["slug"] == article.category.slug
    assert data["category"]["name"] == article.category.name
    assert data["countries"] == [{"code": c.code, "name": c.name} for c in article.countries]
    assert data["tags"] == sorted(tag.name for tag in article.tags.all())
    assert data["hero_image"]["id"] == article.hero_image_id
    rendition = data["hero_image_rendition"]
    assert rendition["width"] == 1200 and rendition["full_url"].startswith("http")
    assert data["body"][0]["type"] == "paragraph"
    assert data["last_published_at"]


@pytest.mark.django_db
def test_interviews_and_partners_show_their_fields(client):
    interview = InterviewPage.objects.live().filter(locale__language_code="fa").first()
    partner = PartnerPage.objects.live().filter(locale__language_code="fa").first()

    data = detail(client, interview).json()
    assert data["interviewee_name"] == interview.interviewee_name
    assert data["duration_seconds"] == interview.duration_seconds
    assert data["video_file"]["url"].endswith(interview.video_file.url)
    assert data["video_file"]["content_type"] == "video/mp4"
    assert data["transcript"]

    data = detail(client, partner).json()
    assert data["country"]["code"] == partner.country.code
    assert data["country"]["meta"]["type"] == "taxonomy.Country"
    assert data["languages"] == [item.language for item in partner.languages.all()]
    assert data["website"] == partner.website


@pytest.mark.django_db
def test_full_text_is_only_in_the_detail(client):
    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "fields": "*"})

    assert response.status_code == 200
    item = response.json()["items"][0]
    assert "body" not in item and "lead" in item and "tags" in item


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"type": "articles.ArticlePage", "fields": "*"},
        {"type": "interviews.InterviewPage", "fields": "*"},
        {"type": "partners.PartnerPage", "fields": "*"},
        {"locale": "ru"},
    ],
)
def test_listing_queries_do_not_grow_with_the_limit(client, params):
    def count(limit):
        client.get("/api/v2/pages/", {**params, "limit": limit})  # renditions made once
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v2/pages/", {**params, "limit": limit})
        assert len(response.json()["items"]) == min(limit, response.json()["meta"]["total_count"])
        return len(queries)

    assert count(5) == count(20)
