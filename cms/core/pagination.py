"""Pages of a listing that cost the same at page 500 as at page 1.

Django's Paginator counts the whole listing on every request and reads a page with an
OFFSET over full, joined rows: at 20,000 articles a locale that is 180-350 ms for the
count and ~100 ms for page 500 (issue #9). Here the total is remembered in the cache until
a page changes (cms/caching/reader_facts.py), and a page's ids are read alone, ordered and
offset along the story listing index (cms/core/migrations/0001_story_listing_index.py)
without touching the wide page rows, and remembered there as well. The rows, their joins
and prefetches are read for those ids only when something asks for more than the ids: a
page whose cards are all in the cache (core/templatetags/reader_cache_tags.py) reads none.
"""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from cms.caching import reader_facts

from .rows_by_id import RowsById


class IndexedPaginator(Paginator):
    """Reads each page's ids through the listing's index, then its rows by id.

    The rows are `model`'s (a specific page type for a listing of generic pages); the
    function `relations(rows)` adds the select_related/prefetch_related that the page shows,
    or gives the objects shown for the rows (each page's specific type, say).
    """

    def __init__(self, listing, per_page, model=None, relations=None):
        super().__init__(listing, per_page)
        self.model = model or listing.model
        self.relations = relations

    @cached_property
    def count(self):
        return reader_facts.listing_count(self.object_list)

    def page(self, number):
        number = self.validate_number(number)
        return self._get_page(RowsById(self.ids(number), self.rows), number, self)

    def _get_page(self, *args, **kwargs):
        return IndexedPage(*args, **kwargs)

    def ids(self, number):
        """The ids on page `number`, remembered for the generation."""
        return reader_facts.listing_ids(self.ids_query(number))

    def ids_query(self, number):
        """The query for page `number`'s ids: it orders and offsets nothing but ids."""
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self.object_list.values_list("pk", flat=True)[bottom:top]

    def rows(self, ids):
        # Without the listing's filters: repeated next to `pk IN (...)` they tempt SQLite
        # into walking the listing index for the rows too, the whole locale deep.
        rows = self.model._default_manager.filter(pk__in=ids)
        return self.relations(rows) if self.relations is not None else rows


class IndexedPage(Page):
    def __init__(self, object_list, number, paginator):
        super().__init__(object_list, number, paginator)
        # Kept apart: Page turns its object_list into a list when indexed.
        self.pks = object_list.pks
