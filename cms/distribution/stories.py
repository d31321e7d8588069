"""What feeds and news sitemaps publish: the live, public stories of one locale."""

from dataclasses import dataclass, field

from django.utils import timezone

from articles.models import ArticleIndexPage, ArticlePage
from cms.caching import facts, restrictions
from cms.taxonomy.models import Category, Country, PageCountry, country_links_with_countries
from home.models import HomePage
from interviews.models import InterviewIndexPage, InterviewPage

FEED_LENGTH = 50
# One rendition serves as the enclosure and as every picture in the full text: feed
# readers show a plain <img>, not the site's responsive <picture>.
FEED_RENDITION = "width-1200|format-jpeg"
STORY_MODELS = [ArticlePage, InterviewPage]
SECTIONS = {
    "news": (ArticleIndexPage, ArticlePage),
    "interviews": (InterviewIndexPage, InterviewPage),
}
EXTRA_RELATIONS = {InterviewPage: ["video_file"]}
EXTRA_PREFETCHES = {ArticlePage: ["notes"]}  # corrections date the entries' last change


def published(queryset):
    """Live and public, and not past an expiry that the scheduler has yet to act on."""
    return restrictions.public(queryset.live()).exclude(expire_at__lte=timezone.now())


def feed_stories(locale, models=STORY_MODELS, filters=None, limit=FEED_LENGTH):
    """The newest stories of the given types in one locale, each type fetched once (their
    pictures come with the full text's, content.py)."""
    stories = []
    for model in models:
        queryset = (
            published(model.objects.filter(locale=locale, **(filters or {})))
            .select_related("category", "locale", *EXTRA_RELATIONS.get(model, []))
            .prefetch_related(country_links_with_countries(), *EXTRA_PREFETCHES.get(model, []))
            .order_by("-first_published_at", "-pk")
        )
        stories.extend(queryset[:limit])
    stories.sort(key=lambda story: (story.first_published_at, story.pk), reverse=True)
    return stories[:limit]


@dataclass
class FeedScope:
    """What one feed holds, and the page of the site it mirrors."""

    home: HomePage
    link: str
    models: list = field(default_factory=lambda: STORY_MODELS)
    filters: dict = field(default_factory=dict)
    topic: str = ""

    def stories(self):
        return feed_stories(self.home.locale, self.models, self.filters)


def feed_scope(request, locale, section=None, slug=None, code=None):
    """The scope a feed address names; raises DoesNotExist (a 404) for what the locale lacks."""
    home = facts.home_pages().get(locale.pk)
    if home is None:
        raise HomePage.DoesNotExist(f"No live home page in {locale.language_code}")
    home.locale = locale
    home_url = home.get_url(request)
    if section is not None:
        index_model, model = SECTIONS[section]
        index = published(index_model.objects.descendant_of(home)).order_by("path")[:1].get()
        return FeedScope(home, index.get_url(request), [model], topic=index.title)
    if slug is not None:
        category = Category.objects.get(slug=slug, locale=locale)
        link = home_url + home.reverse_subpage("category", args=[category.slug])
        return FeedScope(home, link, filters={"category": category}, topic=category.name)
    if code is not None:
        if not (len(code) == 2 and code.isascii() and code.isalpha()):
            raise Country.DoesNotExist(code)
        country = Country.objects.get(code=code.upper(), locale=locale)
        link = home_url + home.reverse_subpage("country", args=[country.url_code])
        linked = PageCountry.objects.filter(country=country).values("page_id")
        return FeedScope(home, link, filters={"pk__in": linked}, topic=country.name)
    return FeedScope(home, home_url)
