"""Partners pull their products' live stories since a cursor, in their languages only."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage
from cms.distribution.items import credit_line, guid_for
from interviews.models import InterviewPage
from tests.syndication.conftest import (
    API,
    article_in,
    issue_key,
    make_account,
    make_product,
    news,
    pull,
    pull_all,
    russian_article,
)


def guids(items):
    return [item["uri"] for item in items]


def live_russian_news():
    ru_news = news("ru")
    stories = (
        ArticlePage.objects.live()
        .public()
        .filter(locale__language_code="ru", path__startswith=ru_news.path)
    )
    return {guid_for(story) for story in stories.select_related("locale")}


@pytest.mark.django_db
def test_a_russian_only_product_pulls_exactly_the_live_russian_stories_of_its_sections(
    client, russian_news_product
):
    key = issue_key(make_account(russian_news_product))
    everything, cursor = pull_all(client, key, limit=7)
    assert len(everything) == len(set(guids(everything)))
    assert set(guids(everything)) == live_russian_news()
    assert everything and {item["language"] for item in everything} == {"ru"}
    assert {item["copyrightnotice"] for item in everything} == {credit_line("ru")}

    new = russian_article(title="Новая статья")
    russian_article(live=False)  # a draft
    article_in("en")  # English, not in the product
    article_in("pt")  # not a language of the partner
    after, _cursor = pull_all(client, key, since=cursor)
    assert guids(after) == [guid_for(new)]
    assert after[0]["headlines"][0]["value"] == "Новая статья"


@pytest.mark.django_db
def test_a_republished_story_comes_again_after_the_cursor(client, russian_news_product):
    key = issue_key(make_account(russian_news_product))
    story = russian_article()
    _items, cursor = pull_all(client, key)
    assert pull_all(client, key, since=cursor)[0] == []

    story.save_revision().publish()
    again, _cursor = pull_all(client, key, since=cursor)
    assert guids(again) == [guid_for(story)]


@pytest.mark.django_db
def test_products_filter_by_type_category_and_country_across_languages(client, locales):
    russian_stories = ArticlePage.objects.live().filter(locale__language_code="ru")
    story = russian_stories.filter(category__isnull=False).exclude(country_links=None).first()
    category = story.category.get_translation(locales["en"])
    country = story.countries[0].get_translation(locales["en"])
    product = make_product("Topic", categories=[category], countries=[country])
    interviews_only = make_product("Interviews", include_articles=False)
    key = issue_key(make_account(product, interviews_only))

    items, _cursor = pull_all(client, key, limit=100)
    by_guid = {item["uri"]: item for item in items}
    assert guid_for(story) in by_guid
    expected_topic = {
        guid_for(page)
        for page in ArticlePage.objects.live()
        .filter(
            locale__language_code__in=["ru", "en"],
            category__translation_key=category.translation_key,
            country_links__country__translation_key=country.translation_key,
        )
        .select_related("locale")
    }
    expected_interviews = {
        guid_for(page)
        for page in InterviewPage.objects.live()
        .filter(locale__language_code__in=["ru", "en"])
        .select_related("locale")
    }
    assert set(by_guid) == expected_topic | expected_interviews
    assert {item["language"] for item in items} == {"ru", "en"}


@pytest.mark.django_db
def test_an_embargoed_story_appears_only_once_its_time_has_come(
    client, russian_news_product, django_capture_on_commit_callbacks
):
    key = issue_key(make_account(russian_news_product))
    _items, cursor = pull_all(client, key)
    go_live = timezone.now() + timedelta(hours=3)
    story = russian_article(live=False)
    story.go_live_at = go_live
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live

    assert pull_all(client, key, since=cursor)[0] == []
    with time_machine.travel(go_live - timedelta(minutes=5)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", verbosity=0)
        assert pull_all(client, key, since=cursor)[0] == []
    with time_machine.travel(go_live + timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled", verbosity=0)
        assert guids(pull_all(client, key, since=cursor)[0]) == [guid_for(story)]


@pytest.mark.django_db
def test_a_wrong_or_missing_key_is_401_and_a_revoked_key_403(client, russian_news_product):
    account = make_account(russian_news_product)
    key = issue_key(account)

    for headers in [{}, {"HTTP_AUTHORIZATION": "Bearer nk_00000000_nothing-like-a-key"}]:
        response = client.get(API, **headers)
        assert response.status_code == 401
        assert "error" in response.json() and "items" not in response.json()
    assert client.get(API, HTTP_AUTHORIZATION=f"Bearer {key}x").status_code == 401
    assert client.get(API, HTTP_X_API_KEY=key).status_code == 200

    stored = account.api_keys.get()
    stored.revoke()
    response = pull(client, key)
    assert response.status_code == 403
    assert response.json() == {"error": "This API key has been revoked."}


@pytest.mark.django_db
def test_a_rotated_key_replaces_the_old_one(client, russian_news_product):
    account = make_account(russian_news_product)
    old_key = issue_key(account)
    _successor, new_key = account.api_keys.get().rotate()
    assert pull(client, old_key).status_code == 403
    assert pull(client, new_key).status_code == 200


@pytest.mark.django_db
def test_a_suspended_partner_gets_403(client, russian_news_product):
    key = issue_key(make_account(russian_news_product, is_active=False))
    assert pull(client, key).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, message",
    [
        ({"format": "pdf"}, "unknown format 'pdf'"),
        ({"limit": "0"}, "`limit` must be a whole number"),
        ({"limit": "ten"}, "`limit` must be a whole number"),
        ({"since": "yesterday"}, "`since` must be a cursor"),
        ({"since": "99999999999999999999-1"}, "`since`"),
        ({"page": "2"}, "Unknown parameter(s): page"),
    ],
)
def test_bad_parameters_are_a_400_with_a_message(client, russian_news_product, params, message):
    key = issue_key(make_account(russian_news_product))
    response = pull(client, key, **params)
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "format_name, media_type",
    [
        ("ninjs", "application/json"),
        ("wagtail-api", "application/json"),
        ("newsml", "application/vnd.iptc.g2.newsitem+xml"),
        ("rss", "application/rss+xml"),
        ("atom", "application/atom+xml"),
    ],
)
def test_every_format_carries_the_stories_and_the_credit_line(
    client, russian_news_product, format_name, media_type
):
    key = issue_key(make_account(russian_news_product))
    story = russian_article(title="Статья для партнёров")
    response = pull(client, key, format=format_name, limit=200)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(media_type)
    assert response["X-Has-More"] == "false"
    body = response.content.decode()
    assert "Статья для партнёров" in body
    assert credit_line("ru") in body
    assert guid_for(story) in body


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_page_size(
    client, russian_news_product, django_assert_max_num_queries
):
    key = issue_key(make_account(russian_news_product))
    pull(client, key, limit=200)  # renditions are made once, on the first read
    with CaptureQueriesContext(connection) as small:
        assert len(pull(client, key, limit=2).json()["items"]) == 2
    with django_assert_max_num_queries(len(small)):
        assert len(pull(client, key, limit=200).json()["items"]) >= 10
