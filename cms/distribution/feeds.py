"""RSS 2.0 and Atom feeds of one locale's stories, with their full text, for partners."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import get_language, get_language_info, pgettext
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.caching import reader_facts

from .items import items_for
from .stories import feed_scope

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def item_authors(item):
    """(name, address) of each author who signs the item (feed items' "authors")."""
    return [(author.name, author.url) for author in item.authors]


class FullTextRss(Rss201rev2Feed):
    """RSS 2.0 with the full text in content:encoded, the last change in atom:updated and
    one dc:creator per author (RSS's own <author> wants an e-mail address)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:dc": DC_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item.get("authors") or ():
            handler.addQuickElement("dc:creator", name)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content"])


class FullTextAtom(Atom1Feed):
    """Atom with the lead as the summary, the full text as the content, and an <author>
    with the address of their page for each author."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


class Edition:
    """One request's feed: what it holds, and its stories as outbound items (items.py)."""

    def __init__(self, request, scope):
        self.scope = scope
        self.items = items_for(request, scope.home.locale, scope.stories())

    @property
    def site(self):
        # The site's name in the feed's language.
        return self.scope.home.title


class StoryRssFeed(Feed):
    """The newest stories of a locale, of a section, a category or a country."""

    feed_type = FullTextRss
    item_guid_is_permalink = False
    # Fifty stories' full text is some 150 ms of work: the page cache keeps the answer
    # for the locale, purged whenever one of its pages changes (cms/caching/page_cache.py).
    kept_for_readers = True

    def get_object(self, request, section=None, slug=None, code=None, author=None):
        locale = reader_facts.locales().get(get_language())
        if locale is None:
            raise Locale.DoesNotExist(f"No locale {get_language()}")
        return Edition(request, feed_scope(request, locale, section, slug, code, author))

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
        return edition.items

    def item_title(self, item):
        # Plain text, as the RSS Best Practices Profile asks; Django's default escapes it
        # once more, which readers then show as "&amp;".
        return item.title

    def item_description(self, item):
        return escape(item.lead)

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.guid

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # A correction or update note dates the story's last change, as JSON-LD does.
        return item.modified_at

    def item_author_name(self, item):
        # Signed by its authors (item_extra_kwargs), or else by the network.
        return None if item.authors else item.credit

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        if item.image is None:
            return []
        return [Enclosure(item.image.url, str(item.image.size), "image/jpeg")]

    def item_extra_kwargs(self, item):
        return {"content": item.body_html, "authors": item_authors(item)}


class StoryAtomFeed(StoryRssFeed):
    feed_type = FullTextAtom

    def subtitle(self, edition):
        # Atom's subtitle is plain text (type="text"), escaped once by the XML writer.
        return self.summary(edition)
