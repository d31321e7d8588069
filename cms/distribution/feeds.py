"""RSS 2.0 and Atom feeds of one locale's stories, with their full text, for partners."""

import uuid
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import get_language, get_language_info, pgettext
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.caching import facts

from .content import StoryContent, feed_rendition, rendition_size
from .stories import feed_scope

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


class FullTextRss(Rss201rev2Feed):
    """RSS 2.0 with the full text in content:encoded and the last change in atom:updated."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content"])


class FullTextAtom(Atom1Feed):
    """Atom with the lead as the summary and the full text as the content."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


@dataclass
class FeedEntry:
    story: object
    link: str
    content: str
    enclosure: Enclosure | None
    credit: str

    @property
    def guid(self):
        # Stable through renames and moves, and distinct for each language of a story.
        return uuid.uuid5(self.story.translation_key, self.story.locale.language_code).urn


class Edition:
    """One request's feed: what it holds, its stories and their full text."""

    def __init__(self, request, scope):
        self.scope = scope
        stories = scope.stories()
        content = StoryContent(request, scope.home.locale, stories)
        self.entries = [
            FeedEntry(
                story,
                request.build_absolute_uri(story.get_url(request)),
                content.html(story),
                enclosure(request, content.hero(story)),
                credit=self.site,
            )
            for story in stories
        ]

    @property
    def site(self):
        # The site's name in the feed's language; it also credits every story, as the site
        # shows no personal bylines.
        return self.scope.home.title


def enclosure(request, image):
    rendition = feed_rendition(image)
    if rendition is None:
        return None
    url = request.build_absolute_uri(rendition.url)
    return Enclosure(url, str(rendition_size(rendition)), "image/jpeg")


class StoryRssFeed(Feed):
    """The newest stories of a locale, of a section, a category or a country."""

    feed_type = FullTextRss
    item_guid_is_permalink = False
    # Fifty stories' full text is some 150 ms of work: the page cache keeps the answer
    # for the locale, purged whenever one of its pages changes (cms/caching/page_cache.py).
    kept_for_readers = True

    def get_object(self, request, section=None, slug=None, code=None):
        locale = facts.locales().get(get_language())
        if locale is None:
            raise Locale.DoesNotExist(f"No locale {get_language()}")
        return Edition(request, feed_scope(request, locale, section, slug, code))

    def title(self, edition):
        if not edition.scope.topic:
            return edition.site
        return pgettext(
            "feed title: the site's name, then what the feed holds", "%(site)s — %(topic)s"
        ) % {"site": edition.site, "topic": edition.scope.topic}

    def description(self, edition):
        # Readers render an RSS description as HTML (the items' too, below): a category or
        # country name holding markup must arrive as text.
        return escape(self.summary(edition))

    def summary(self, edition):
        names = {
            "site": edition.site,
            "topic": edition.scope.topic,
            "language": get_language_info(get_language())["name_local"],
        }
        if edition.scope.topic:
            text = _("The latest stories from %(site)s: %(topic)s. Language: %(language)s.")
        else:
            text = _("The latest stories from %(site)s. Language: %(language)s.")
        return text % names

    def link(self, edition):
        return edition.scope.link

    def author_name(self, edition):
        return edition.site

    def items(self, edition):
        return edition.entries

    def item_title(self, entry):
        # Plain text, as the RSS Best Practices Profile asks; Django's default escapes it
        # once more, which readers then show as "&amp;".
        return entry.story.title

    def item_description(self, entry):
        return escape(entry.story.lead)

    def item_link(self, entry):
        return entry.link

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.story.first_published_at

    def item_updateddate(self, entry):
        # A correction or update note dates the story's last change, as JSON-LD does.
        return entry.story.modified_at

    def item_author_name(self, entry):
        return entry.credit

    def item_categories(self, entry):
        category = [entry.story.category.name] if entry.story.category else []
        return category + [country.name for country in entry.story.countries]

    def item_enclosures(self, entry):
        return [entry.enclosure] if entry.enclosure else []

    def item_extra_kwargs(self, entry):
        return {"content": entry.content}


class StoryAtomFeed(StoryRssFeed):
    feed_type = FullTextAtom

    def subtitle(self, edition):
        # Atom's subtitle is plain text (type="text"), escaped once by the XML writer.
        return self.summary(edition)
