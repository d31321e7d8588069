import pytest
from django.utils.html import escape

from cms.core.formatting import format_published


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans", "ar"])
def test_news_feed_shows_date_category_and_headline(client, language):
    response = client.get(f"/{language}/")

    # The newest article the front page's top stories leave to the feed.
    first = response.context["latest_news"][0]
    feed = response.text.split('class="news-feed"', 1)[1].split("</ol>", 1)[0]
    assert format_published(first.first_published_at, language) in feed
    assert first.category.name in feed
    assert escape(first.title) in feed
    assert first.locale.language_code == language


@pytest.mark.django_db
def test_home_lists_interviews_and_partners_of_its_locale(client):
    response = client.get("/ru/")
    assert response.context["interviews"]
    assert all(story.locale.language_code == "ru" for story in response.context["interviews"])
    assert all(partner.locale.language_code == "ru" for partner in response.context["partners"])
