"""The reader's search page: this locale's live stories and partners matching the query."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

from cms.core.listing import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
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
