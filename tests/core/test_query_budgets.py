"""Each kind of reader page stays within its query budget, uncached, for an anonymous reader.

Budgets from issue #9: an article or interview at most 10 queries, the home page at most 12.
The others pin what they cost today so a change that adds queries is noticed. Counted as a
serving process counts a page's first reader: the facts every page asks for (site, locales,
home pages, menus) come from the cache (cms/caching/reader_facts.py), warmed by an address that is
no page; what the page itself keeps there (its route, related stories, story cards and
fragments) does not yet. Its second reader, served from those, costs no more.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category, Country
from interviews.models import InterviewPage
from partners.models import PartnerPage

BUDGETS = {
    "article": 10,
    "interview": 10,
    "home": 12,
    "partner": 10,
    "section": 12,
    # Listings of both story types: four queries per type on the page (cms/core/listing.py).
    "category": 17,
    "country": 17,
}
LANGUAGES = ["en", "ar", "zh-hans"]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), [query["sql"][:200] for query in queries]


def assert_within(client, kind, url):
    language = url.split("/")[1]
    assert client.get(f"/{language}/no-such-page/").status_code == 404
    first, sql = queries_for(client, url)
    assert first <= BUDGETS[kind], f"{url}: {first} queries > {BUDGETS[kind]}\n" + "\n".join(sql)
    again, sql = queries_for(client, url)
    assert again <= first, f"{url} again: {again} queries > {first}\n" + "\n".join(sql)


def live(model, language):
    return model.objects.live().filter(locale__language_code=language).order_by("path")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_article_and_interview_within_budget(client, language):
    stories = [*live(ArticlePage, language), *live(InterviewPage, language)]
    assert len(stories) > 5
    for story in stories:
        kind = "article" if isinstance(story, ArticlePage) else "interview"
        assert_within(client, kind, story.url)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_partner_pages_within_budget(client, language):
    assert_within(client, "home", f"/{language}/")
    for partner in live(PartnerPage, language)[:3]:
        assert_within(client, "partner", partner.url)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_section_pages_within_budget_first_and_deep(client, language):
    section = live(ArticleIndexPage, language).first()
    assert_within(client, "section", section.url)
    # Past the end gives the last page: the deepest one there is.
    assert_within(client, "section", f"{section.url}?page=999")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_category_and_country_pages_within_budget(client, language):
    for category in Category.objects.filter(locale__language_code=language)[:3]:
        assert_within(client, "category", f"/{language}/categories/{category.slug}/")
    for country in Country.objects.filter(locale__language_code=language)[:3]:
        assert_within(client, "country", f"/{language}/countries/{country.code.lower()}/")


@pytest.mark.django_db
def test_article_keeps_what_readers_see(client):
    """The cheaper route still shows breadcrumbs, the language switcher and the menu."""
    article = (
        live(ArticlePage, "en")
        .filter(translation_key__in=live(ArticlePage, "ru").values("translation_key"))
        .first()
    )
    html = client.get(article.url).content.decode()
    section = article.get_parent()
    assert f'href="{section.url}"' in html  # breadcrumbs and the section menu
    russian = article.get_translation(live(ArticlePage, "ru").first().locale)
    assert f'href="{russian.url}"' in html  # the switcher links the translation
    assert 'hreflang="ru"' in html
