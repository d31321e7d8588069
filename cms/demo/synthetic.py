"""Synthetic articles for scale tests, written from the demo's own sentences per language."""

import random
from datetime import timedelta
from html import escape

from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Category, Country, PageCountry

from .files import SOURCE_LANGUAGE, read

BATCH_SIZE = 200


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
        self.start = ArticlePage.objects.filter(locale=locale).count()

    def article(self, number):
        slug, title, lead, paragraphs = self.random.choice(self.pool)
        body = self.random.sample(paragraphs, k=len(paragraphs))
        published = timezone.now() - timedelta(minutes=37 * number + self.random.randint(0, 30))
        return ArticlePage(
            title=title,
            slug=f"{slug}-{number}",
            lead=lead,
            live=True,
            first_published_at=published,
            last_published_at=published,
            category=self.random.choice(self.categories) if self.categories else None,
            body=[("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in body],
            country_links=[
                PageCountry(country=country)
                for country in self.random.sample(self.countries, k=min(2, len(self.countries)))
            ],
        )

    def generate(self, count, progress=None):
        done = 0
        while done < count:
            batch = min(BATCH_SIZE, count - done)
            with transaction.atomic():
                for offset in range(batch):
                    self.section.add_child(instance=self.article(self.start + done + offset + 1))
            done += batch
            if progress is not None:
                progress.update(batch)
        return done
