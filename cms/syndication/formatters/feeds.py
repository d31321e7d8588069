"""RSS 2.0 and Atom with each story's full text, by the generators of the public feeds;
partners' copies add the corrections and the credit line to the text."""

from django.utils.html import escape, format_html

from cms.distribution.feeds import FullTextAtom, FullTextRss, item_authors

PROVIDER = "Network News"


def feed_content(item):
    """The full text, then the corrections and the network's credit, as partners reprint it."""
    notes = "".join(
        str(format_html('<p class="{}">{} {}</p>', note.kind, note.date.date(), note.text))
        for note in item.notes
    )
    credit = format_html("<p><em>{}</em></p>", item.credit_line)
    return f"{item.body_html}{notes}{credit}"


def build_feed(generator, items, *, title, url):
    language = items[0].language if items else "en"
    feed = generator(
        title=title,
        link=url,
        description=title,
        language=language,
        author_name=PROVIDER,
        feed_url=url,
    )
    for item in items:
        feed.add_item(
            title=item.title,
            link=item.url,
            description=escape(item.lead),
            unique_id=item.guid,
            unique_id_is_permalink=False,
            pubdate=item.first_published_at,
            updateddate=item.modified_at,
            # Signed by its authors, as the public feeds sign it, or else by the network.
            author_name=None if item.authors else item.credit,
            authors=item_authors(item),
            categories=item.categories,
            content=feed_content(item),
        )
    return feed.writeString("utf-8").encode()


class RssFormatter:
    name = "rss"
    media_type = "application/rss+xml"
    generator = FullTextRss

    def render_item(self, item):
        return build_feed(self.generator, [item], title=item.title, url=item.url)

    def render_items(self, items, *, title, url):
        return build_feed(self.generator, items, title=title, url=url)


class AtomFormatter(RssFormatter):
    name = "atom"
    media_type = "application/atom+xml"
    generator = FullTextAtom
