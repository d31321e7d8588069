"""Feeds and the news sitemap under each language's prefix; robots.txt and sitemaps at the root."""

from django.urls import path

from . import views
from .feeds import StoryAtomFeed, StoryRssFeed
from .stories import section_feeds


def rss_and_atom(prefix, name, **kwargs):
    return [
        path(f"{prefix}rss/", StoryRssFeed(), kwargs, name=f"{name}_rss"),
        path(f"{prefix}atom/", StoryAtomFeed(), kwargs, name=f"{name}_atom"),
    ]


# Included inside i18n_patterns: /en/feeds/rss/, /ru/feeds/categories/economics/atom/ ...
urlpatterns = [
    *rss_and_atom("feeds/", "feed"),
    # Each story type's own: /en/feeds/news/rss/ (news_feed_rss), /en/feeds/interviews/atom/
    *(
        pattern
        for slug in section_feeds()
        for pattern in rss_and_atom(f"feeds/{slug}/", f"{slug}_feed", section=slug)
    ),
    *rss_and_atom("feeds/categories/<slug:slug>/", "category_feed"),
    *rss_and_atom("feeds/countries/<str:code>/", "country_feed"),
    *rss_and_atom("feeds/authors/<slug:author>/", "author_feed"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
]

# At the root, where crawlers look for them.
site_patterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", views.sitemap_section, name="sitemap_section"),
]
