"""Each locale's Google News sitemap holds the last 48 hours; robots.txt points at them all."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import ArticlePage
from home.models import HomePage
from tests.distribution.conftest import (
    LANGUAGES,
    ORIGIN,
    SITEMAP_NS,
    add_article,
    full_url,
    parse_xml,
)


def news_entries(client, language):
    urlset = parse_xml(client, f"/{language}/news-sitemap.xml")
    return {
        url.find("sm:loc", SITEMAP_NS).text: url.find("news:news", SITEMAP_NS)
        for url in urlset.findall("sm:url", SITEMAP_NS)
    }


@pytest.mark.django_db
def test_the_news_sitemap_lists_only_articles_of_the_last_48_hours(client):
    now = timezone.now()
    fresh = add_article("ru", title="Свежая новость & <проверка>", first_published_at=now)
    stale = add_article("ru", first_published_at=now - timedelta(hours=48, minutes=5))
    draft = add_article("ru", live=False, first_published_at=now)

    entries = news_entries(client, "ru")

    recent = ArticlePage.objects.live().filter(
        locale__language_code="ru", first_published_at__gte=now - timedelta(hours=48)
    )
    assert list(entries) == [
        full_url(page) for page in recent.order_by("-first_published_at", "-pk")
    ]
    assert full_url(stale) not in entries and full_url(draft) not in entries
    news = entries[full_url(fresh)]
    assert news.find("news:publication/news:name", SITEMAP_NS).text == "Новости Сети"
    assert news.find("news:publication/news:language", SITEMAP_NS).text == "ru"
    assert news.find("news:title", SITEMAP_NS).text == fresh.title
    published = news.find("news:publication_date", SITEMAP_NS).text
    assert datetime.fromisoformat(published) == fresh.first_published_at


@pytest.mark.django_db
def test_every_locale_has_a_news_sitemap_named_in_google_news_codes(client):
    for language in LANGUAGES:
        article = add_article(language, first_published_at=timezone.now())
        news = news_entries(client, language)[full_url(article)]
        home = HomePage.objects.get(locale__language_code=language)
        code = {"zh-hans": "zh-cn"}.get(language, language)
        assert news.find("news:publication/news:language", SITEMAP_NS).text == code
        assert news.find("news:publication/news:name", SITEMAP_NS).text == home.title


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_and_search_and_lists_the_sitemaps(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:4] == ["User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /*/search/"]
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap:")]
    assert sitemaps == [f"{ORIGIN}/sitemap.xml"] + [
        f"{ORIGIN}/{language}/news-sitemap.xml" for language in LANGUAGES
    ]
    for sitemap in sitemaps:
        parse_xml(client, sitemap.removeprefix(ORIGIN))
