"""What feeds and news sitemaps publish: the live, public stories of one locale."""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from cms import privacy
from cms.bylines.models import Author, story_ids_by
from cms.caching import reader_facts
from cms.core.stories import story_models
from cms.taxonomy.models import Category, Country, PageCountry

FEED_LENGTH = 50
# One rendition serves as the enclosure and as every picture in the full text: feed
# readers show a plain <img>, not the site's responsive <picture>.
FEED_RENDITION = "width-1200|format-jpeg"


class NoHomePage(ObjectDoesNotExist):
    """The locale has no live home page, so no feed (a 404)."""


def section_feeds():
    """{address name: story type} of the story types with a section feed of their own
    (`feed_slug`): /<lang>/feeds/news/rss/ for articles."""
    return {model.feed_slug: model for model in story_models() if model.feed_slug}


def published(queryset):
    """Live and public, and not past an expiry that the scheduler has yet to act on."""
    return privacy.public(queryset.live()).exclude(expire_at__lte=timezone.now())


def feed_stories(locale, models=None, filters=None, limit=FEED_LENGTH):
    """The newest stories of the given types (all by default) in one locale, each type
    fetched once with what its outbound item reads (their pictures come with the full
    text's, content.py)."""
    stories = []
    for model in models or story_models():
        queryset = published(model.objects.filter(locale=locale, **(filters or {})))
        queryset = model.outbound_queryset(queryset).order_by("-first_published_at", "-pk")
        stories.extend(queryset[:limit])
    stories.sort(key=lambda story: (story.first_published_at, story.pk), reverse=True)
    return stories[:limit]


@dataclass
class FeedScope:
    """What one feed holds, and the page of the site it mirrors."""

    home: object  # the locale's home page
    link: str
    models: list = field(default_factory=list)  # empty for every story type
    filters: dict = field(default_factory=dict)
    topic: str = ""

    def stories(self):
        return feed_stories(self.home.locale, self.models, self.filters)


def feed_scope(request, locale, section=None, slug=None, code=None, author=None):
    """The scope a feed address names; raises DoesNotExist (a 404) for what the locale lacks."""
    home = reader_facts.home_pages().get(locale.pk)
    if home is None:
        raise NoHomePage(f"No live home page in {locale.language_code}")
    home.locale = locale
    home_url = home.get_url(request)
    if section is not None:
        model = section_feeds()[section]
        index_model = model.allowed_parent_page_models()[0]
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
    if author is not None:
        signed = Author.objects.get(slug=author, locale=locale)
        link = home_url + home.reverse_subpage("author", args=[signed.slug])
        return FeedScope(home, link, filters={"pk__in": story_ids_by(signed)}, topic=signed.name)
    return FeedScope(home, home_url)
