"""The pages `make bench` measures, their addresses in the bench database, their budgets."""

from django.urls import reverse
from django.utils import translation

from articles.models import ArticleIndexPage, ArticlePage
from interviews.models import InterviewPage

LANGUAGE = "en"
# Issue #9: an uncached article or interview at most 10 queries, the home page 12; the
# rest pinned at what they cost now (tests/core/test_query_budgets.py holds the same).
QUERY_BUDGETS = {
    "home": 12,
    "article": 10,
    "section page 1": 12,
    "section page 500": 12,
    "interview": 10,
    # Pinned at what they cost, so that they do not grow unnoticed. The feed is counted
    # with the page cache off, as every page here; the sitemap index is a reader fact
    # (none warm, one COUNT and MAX per locale cold).
    "search": 8,
    "feed": 10,
    "sitemap": 10,
}
# Throughput as a share of the bare Django view's, measured in the same run.
UNCACHED_TARGETS = {"article": 0.04, "home": 0.03}
CACHED_TARGETS = {"article": 0.5, "home": 0.5}
MEMORY_TARGET_MB = 250


def newest(model):
    pages = model.objects.live().filter(locale__language_code=LANGUAGE)
    page = pages.order_by("-first_published_at", "-pk").first()
    if page is None:
        raise LookupError(f"The bench database has no live {model.__name__} in {LANGUAGE}.")
    return page


def bench_addresses():
    """{name: path} of one page of each kind, in English."""
    article = newest(ArticlePage)
    section = ArticleIndexPage.objects.live().filter(locale__language_code=LANGUAGE).first()
    # A word every locale's archive holds many times: the article's longest title word.
    word = max(article.title.split(), key=len).strip(",.:;").lower()
    with translation.override(LANGUAGE):
        search, feed = reverse("search"), reverse("feed_rss")
    return {
        "home": f"/{LANGUAGE}/",
        "article": article.url,
        "section page 1": section.url,
        "section page 500": f"{section.url}?page=500",
        "interview": newest(InterviewPage).url,
        "search": f"{search}?q={word}",
        "feed": feed,
        "sitemap": reverse("sitemap_index"),
    }
