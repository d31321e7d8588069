"""What a page type gives readers' search (search/documents.py stores it, search/ indexes it).

A page type that readers search for mixes in SearchablePage and says its kind (a short
name: the value of search's "type" filter), the kind's label for readers and its entry;
search finds every such type in Django's app registry, so a new type is searchable
without touching search/.
"""

from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class SearchEntry:
    summary: str
    body: str
    country_codes: list = field(default_factory=list)
    category_key: object = None  # the category's translation key: one filter for every locale
    year: int | None = None


class SearchablePage:
    search_kind = ""
    search_label = ""  # the type filter's label: "Articles"

    @classmethod
    def search_queryset(cls, queryset):
        """What search_entry reads, for a batch of pages."""
        return queryset.select_related("locale")

    def search_entry(self):
        raise NotImplementedError


def searchable_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, SearchablePage) and model.search_kind
    ]


def search_kinds():
    """{kind: label} of the searchable types, in INSTALLED_APPS order."""
    return {model.search_kind: model.search_label for model in searchable_models()}
