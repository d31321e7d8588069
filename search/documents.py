"""Building search documents from pages: each searchable page type gives its own entry
(cms/core/searchable.py), stored here as the row every engine indexes."""

from .models import SearchDocument


def build_document(page):
    """The unsaved document of a specific live page and its country codes."""
    entry = page.search_entry()
    document = SearchDocument(
        page_id=page.pk,
        locale_id=page.locale_id,
        kind=page.search_kind,
        published_at=page.first_published_at,
        title=page.title,
        summary=entry.summary,
        body=entry.body,
        category_key=entry.category_key,
        year=entry.year,
    )
    return document, sorted(set(entry.country_codes))
