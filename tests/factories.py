"""Pages built the way editors build them: under the right parent, then published."""

import itertools
from datetime import timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import PageCountry

_sequence = itertools.count(1)


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_section(home, title="Test section"):
    number = next(_sequence)
    return publish_child(
        home, ArticleIndexPage(title=f"{title} {number}", slug=f"section-{number}")
    )


def make_article(
    section, category=None, countries=(), published=None, title=None, live=True, image=None
):
    number = next(_sequence)
    page = ArticlePage(
        title=title or f"Test article {number}",
        slug=f"test-article-{number}",
        lead="A lead of a test article.",
        first_published_at=published or timezone.now() - timedelta(minutes=number),
        category=category,
        hero_image=image,
        body=[("paragraph", RichText("<p>Body text of a test article.</p>"))],
        country_links=[PageCountry(country=country) for country in countries],
    )
    if live:
        return publish_child(section, page)
    page.live = False
    section.add_child(instance=page)
    page.save_revision()
    return page
