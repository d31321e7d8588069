"""Helpers for the API tests: reading every page of a listing, and articles built in tests."""

import itertools

from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category

_numbers = itertools.count(1)


def listing(client, endpoint, **params):
    """Every item of an API listing, following the offsets."""
    items, offset = [], 0
    while True:
        response = client.get(f"/api/v2/{endpoint}/", {**params, "offset": offset, "limit": 20})
        assert response.status_code == 200, response.content
        data = response.json()
        items += data["items"]
        offset += 20
        if offset >= data["meta"]["total_count"]:
            assert len(items) == data["meta"]["total_count"]
            return items


def ids(items):
    return {item["id"] for item in items}


def new_article(language="en", **fields):
    """An unpublished article in the language's news section."""
    number = next(_numbers)
    section = ArticleIndexPage.objects.filter(locale__language_code=language).order_by("path")[0]
    fields.setdefault("body", [("paragraph", RichText(f"<p>Body of API test {number}.</p>"))])
    article = ArticlePage(
        title=f"API test article {number}",
        slug=f"api-test-{number}",
        lead=f"The lead of API test article {number}.",
        category=Category.objects.filter(locale=section.locale).first(),
        first_published_at=timezone.now(),
        live=False,
        **fields,
    )
    section.add_child(instance=article)
    return article
