"""The reader's search page: this locale's live stories and partners matching the query."""

import unicodedata

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

from cms.core.listing import paginate

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The reader's words without control characters (a NUL ends SQLite's FTS5 parser)."""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in raw
    )
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    message = ""
    if query:
        filters, parsed = parse_query_string(query)
        pages = Page.objects.live().filter(locale=Locale.get_active()).specific()
        results = paginate(request, pages.search(parsed, operator="and"))
    elif "q" in request.GET:
        message = _("Type a word to search for.")
    return render(
        request,
        "search/search.html",
        {"query": query, "page_of_results": results, "message": message},
    )
