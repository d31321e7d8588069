import pytest
from django.utils.html import escape

from articles.models import ArticlePage
from cms.core.formatting import format_published


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "zh-hans", "ar"])
def test_news_feed_shows_date_category_and_headline(client, language):
    latest = (
        ArticlePage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-first_published_at")
        .select_related("category")[:2]
    )
    response = client.get(f"/{language}/")

    second = latest[1]  # the first is the top story, the feed starts with the next one
    assert format_published(second.first_published_at, language) in response.text
    assert second.category.name in response.text
    assert escape(second.title) in response.text


@pytest.mark.django_db
def test_home_lists_interviews_and_partners_of_its_locale(client):
    response = client.get("/ru/")
    assert response.context["interviews"]
    assert all(story.locale.language_code == "ru" for story in response.context["interviews"])
    assert all(partner.locale.language_code == "ru" for partner in response.context["partners"])
