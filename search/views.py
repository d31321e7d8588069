"""The reader's search: an HTML page, a JSON endpoint with the same parameters, suggestions."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .service import BadSearchParameter, run_search, suggestions

JSON_OPTIONS = {"ensure_ascii": False}


def search(request):
    context = {"query": request.GET.get("q", "")[:200]}
    status = 200
    try:
        outcome = run_search(request.GET, Locale.get_active(), request)
    except BadSearchParameter as error:
        context["error"] = str(error)
        status = 400
    else:
        context["outcome"] = outcome
        context["query"] = outcome.query
        if "q" in request.GET and not outcome.query:
            context["message"] = _("Type a word to search for.")
    return render(request, "search/search.html", context, status=status)


def search_json(request):
    try:
        outcome = run_search(request.GET, Locale.get_active(), request)
    except BadSearchParameter as error:
        return JsonResponse({"error": str(error)}, status=400, json_dumps_params=JSON_OPTIONS)
    return JsonResponse(
        {
            "query": outcome.query,
            "language": outcome.locale.language_code,
            "all_languages": outcome.all_languages,
            "sort": outcome.sort,
            "filters": outcome.filters,
            "total": outcome.total,
            "page": outcome.page,
            "pages": outcome.pages,
            "per_page": outcome.per_page,
            "notice": outcome.notice,
            "promotions": outcome.promotions,
            "results": [
                {
                    "id": result.document.page_id,
                    "type": result.document.kind,
                    "language": result.document.locale.language_code,
                    "title": result.document.title,
                    "url": result.url,
                    "published_at": result.document.published_at,
                    "title_html": result.title_html,
                    "snippet_html": result.snippet_html,
                }
                for result in outcome.results
            ],
            "facets": outcome.facets,
        },
        json_dumps_params=JSON_OPTIONS,
    )


def suggest(request):
    locale = Locale.get_active()
    return JsonResponse(
        {
            "query": request.GET.get("q", "")[:200],
            "suggestions": suggestions(request.GET, locale, request),
        },
        json_dumps_params=JSON_OPTIONS,
    )
