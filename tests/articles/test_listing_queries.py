"""A listing costs the same number of queries at 10 articles as at 50 (more than a page)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from cms.taxonomy.models import Category, Country
from tests.factories import make_article, make_section

QUERY_BUDGET = 25


def count_queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_archive(client, home_pages):
    # A category and a country of their own, so each listing holds only the new articles.
    english = home_pages["en"].locale
    category = Category.objects.create(name="Archive test", slug="archive-test", locale=english)
    countries = [
        Country.objects.create(name="Testland", code="ZZ", locale=english),
        Country.objects.get(code="BR", locale=english),
    ]
    image = get_image_model().objects.first()
    section = make_section(home_pages["en"])
    urls = [section.url, "/en/categories/archive-test/", "/en/countries/zz/", "/en/"]

    def add_articles(count):
        for _ in range(count):
            make_article(section, category=category, countries=countries, image=image)

    add_articles(10)
    at_ten = {url: count_queries(client, url) for url in urls}
    add_articles(40)
    at_fifty = {url: count_queries(client, url) for url in urls}

    assert at_fifty == at_ten
    assert max(at_ten.values()) <= QUERY_BUDGET, at_ten
