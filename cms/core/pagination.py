"""Pages of a listing that cost the same at page 500 as at page 1.

Django's Paginator counts the whole listing on every request and reads a page with an
OFFSET over full, joined rows: at 20,000 articles a locale that is 180-350 ms for the
count and ~100 ms for page 500 (issue #9). Here the total is remembered in the cache until
a page changes (cms/caching/facts.py), and a page is read in one query, a deferred join:
the rows whose id is in a subquery that orders and offsets ids alone. That subquery walks
the story listing index (cms/core/migrations/0001_story_listing_index.py) without touching
the wide page rows; the rows, their joins and prefetches are read for the page's ids only.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from cms.caching import facts


class IndexedPaginator(Paginator):
    """Reads each page's ids through the listing's index, then its rows by id.

    The rows are `model`'s (a specific page type for a listing of generic pages); the
    function `relations(rows)` adds the select_related/prefetch_related that the page shows.
    """

    def __init__(self, listing, per_page, model=None, relations=None):
        super().__init__(listing, per_page)
        self.model = model or listing.model
        self.relations = relations

    @cached_property
    def count(self):
        return facts.listing_count(self.object_list)

    def page(self, number):
        number = self.validate_number(number)
        return self._get_page(self.rows(self.ids(number)), number, self)

    def ids(self, number):
        """The ids on page `number`, as a subquery that orders and offsets nothing but ids."""
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self.object_list.values("pk")[bottom:top]

    def rows(self, ids):
        # A fresh queryset, without the listing's filters: repeated next to `pk IN (...)` they
        # tempt SQLite into walking the listing index for the rows too, the whole locale deep.
        rows = self.model._default_manager.filter(pk__in=ids)
        if self.relations is not None:
            rows = self.relations(rows)
        # The listing's own order for the page's rows; none given leaves the model's default.
        ordering = self.object_list.query.order_by
        return rows.order_by(*ordering) if ordering else rows
