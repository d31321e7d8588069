"""The partners' read-only API, mounted at /api/v2/ outside the language prefix."""

import functools

from django.http import JsonResponse
from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import (
    CategoriesAPIViewSet,
    CountriesAPIViewSet,
    NewsroomImagesAPIViewSet,
    NewsroomPagesAPIViewSet,
)


def json_not_found(view):
    """A "not found" answer of the view stays a JSON 404.

    LocaleMiddleware turns a 404 outside the language prefix into a redirect to /en/<path>,
    which Wagtail's page route accepts: a partner asking for a draft, or for an address that
    is not the API's, would land on an HTML page. It looks for i18n_patterns in
    request.urlconf (which only 404 handling reads after the view); this module has none.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 404:
            request.urlconf = __name__
        return response

    return wrapped


class NewsroomAPIRouter(WagtailAPIRouter):
    """Wagtail's router, whose "not found" answers stay JSON 404s."""

    def wrap_view(self, func):
        return json_not_found(super().wrap_view(func))


@json_not_found
def unknown_address(request, *args, **kwargs):
    # Shaped as the endpoints' own 404s, e.g. for /api/v2/pages/-1/ or /api/v2/posts/.
    return JsonResponse({"message": "not found"}, status=404)


api_router = NewsroomAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
api_router.register_endpoint("images", NewsroomImagesAPIViewSet)
api_router.register_endpoint("categories", CategoriesAPIViewSet)
api_router.register_endpoint("countries", CountriesAPIViewSet)

urlpatterns = [
    path("", api_router.urls),
    # Only addresses ending in a slash: /api/v2/pages/7 still gets CommonMiddleware's
    # redirect to /api/v2/pages/7/.
    re_path(r"^(?:.*/)?$", unknown_address),
]
