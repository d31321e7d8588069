"""Synthetic articles for scale tests, written from the demo's own sentences per language."""

import random
from datetime import timedelta
from html import escape

from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category, Country, PageCountry

from .bulk_pages import add_live_children
from .files import SOURCE_LANGUAGE, read

# Pages held in memory at once; 20,000 per locale stream through in batches this size.
BATCH_SIZE = 1000
# 20,000 articles then span about 18 months, so a search facet by year has several years.
MINUTES_APART = 37
MOST_COUNTRIES = 3


def text_pool(language):
    """(slug, title, lead, paragraphs) of every demo article written in the language."""
    english = read("articles.json") + read("articles_more.json")
    if language == SOURCE_LANGUAGE:
        return [(a["slug"], a["title"], a["lead"], a["body"]) for a in english]
    translated = read(f"translations/{language}.json")["articles"]
    return [(slug, t["title"], t["lead"], t["body"]) for slug, t in translated.items()]


class ArticleGenerator:
    """Adds `count` live articles to the news section of one locale."""

    def __init__(self, locale, seed=0):
        self.locale = locale
        self.random = random.Random(f"{seed}-{locale.language_code}")
        self.section = (
            ArticleIndexPage.objects.filter(locale=locale, slug="news").first()
            or ArticleIndexPage.objects.filter(locale=locale).first()
        )
        if self.section is None:
            raise LookupError(
                f"No news section in '{locale.language_code}': run load_demo_newsroom first."
            )
        self.pool = text_pool(locale.language_code)
        self.categories = list(Category.objects.filter(locale=locale))
        self.countries = list(Country.objects.filter(locale=locale))
        # A second run continues the numbering, so its slugs and dates follow the first's.
        self.number = ArticlePage.objects.filter(locale=locale).count()
        self.taken_slugs = set(self.section.get_children().values_list("slug", flat=True))
        self.newest = timezone.now()

    def next_slug(self, base):
        # Bulk inserts skip Page's sibling-slug check, so a clash is avoided here instead.
        while True:
            self.number += 1
            slug = f"{base}-{self.number}"
            if slug not in self.taken_slugs:
                self.taken_slugs.add(slug)
                return slug

    def article(self):
        """An unsaved article and the countries it is about."""
        base_slug, title, lead, paragraphs = self.random.choice(self.pool)
        slug = self.next_slug(base_slug)
        body = self.random.sample(paragraphs, k=len(paragraphs))
        published = self.newest - timedelta(
            minutes=MINUTES_APART * self.number + self.random.randint(0, 30)
        )
        page = ArticlePage(
            title=title,
            slug=slug,
            lead=lead,
            locale=self.locale,
            live=True,
            first_published_at=published,
            last_published_at=published,
            category=self.random.choice(self.categories) if self.categories else None,
            body=[("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in body],
        )
        most = min(MOST_COUNTRIES, len(self.countries))
        countries = (
            self.random.sample(self.countries, k=self.random.randint(1, most)) if most else []
        )
        return page, countries

    def country_links(self, articles):
        return [
            PageCountry(
                page_id=page.id,
                country_id=country.id,
                locale_id=self.locale.id,
                sort_order=position,
            )
            for page, countries in articles
            for position, country in enumerate(countries)
        ]

    def generate(self, count, progress=None):
        done = 0
        while done < count:
            articles = [self.article() for _ in range(min(BATCH_SIZE, count - done))]
            with transaction.atomic():
                add_live_children(self.section, [page for page, _countries in articles])
                PageCountry.objects.bulk_create(self.country_links(articles))
            done += len(articles)
            if progress is not None:
                progress.update(len(articles))
        return done
