"""What the reader's search knows of each live page: one row per story or partner page."""

from django.db import models

from cms.core.searchable import search_kinds


class SearchDocument(models.Model):
    """A live article, interview or partner page as search results show and filter it."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10)  # the page type's search_kind
    # The category's translation key, so that one facet value spans every language.
    category_key = models.UUIDField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # ISO codes (the same in every language), space-separated: facets read them in the
    # same pass as the other values, with no join.
    country_codes = models.CharField(max_length=100, blank=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["locale", "published_at"], name="search_doc_locale_date"),
            # Covers what a search filters and counts facets by, keyed by the page id the
            # text index gives: SQLite looks each match up here instead of in the table,
            # whose rows carry the long text (search/engines/sqlite.py).
            models.Index(
                fields=[
                    "page",
                    "locale",
                    "kind",
                    "category_key",
                    "year",
                    "country_codes",
                    "published_at",
                ],
                name="search_doc_lookup",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def kind_label(self):
        return search_kinds().get(self.kind, self.kind)


class PageTitleEntry(models.Model):
    """A page's titles as the admin's page search matches them: every page, draft or live, of
    every type, in the terms of its language's analyser (search/page_titles.py)."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    # Space-separated; the text index beside it (FTS5 or a tsvector, migration 0006) is
    # what a search reads.
    terms = models.TextField()

    def __str__(self):
        return self.terms
