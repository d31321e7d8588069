"""Where an author's page is: /<lang>/authors/<slug>/ under the home page of their locale.

The route is the home page's ("author", settings.NEWSROOM_HOME_PAGE_MODEL), named here as
the purge path names the category route: this layer sits below the content apps.
"""

from cms.caching import reader_facts

ROUTE = "author"


class AuthorPages:
    """The addresses of many authors' pages, the home pages read once (outside a request,
    each read of a reader fact asks the database which sections are private)."""

    def __init__(self, request=None):
        self.request = request
        self.homes = reader_facts.home_pages()

    def path(self, author):
        """The page's address as a link on a page of the site; None without a home."""
        home = self.homes.get(author.locale_id)
        if home is None:
            return None
        return home.get_url(self.request) + home.reverse_subpage(ROUTE, args=[author.slug])

    def url(self, author):
        """The page's full address (for feeds, partners, structured data)."""
        home = self.homes.get(author.locale_id)
        if home is None:
            return None
        if self.request is not None:
            return self.request.build_absolute_uri(self.path(author))
        return home.get_full_url() + home.reverse_subpage(ROUTE, args=[author.slug])


def author_path(author, request=None):
    return AuthorPages(request).path(author)


def author_url(author, request=None):
    return AuthorPages(request).url(author)
