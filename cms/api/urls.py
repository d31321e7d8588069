"""The partners' read-only API, mounted at /api/v2/ outside the language prefix."""

import functools

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import (
    CategoriesAPIViewSet,
    CountriesAPIViewSet,
    NewsroomImagesAPIViewSet,
    NewsroomPagesAPIViewSet,
)


class NewsroomAPIRouter(WagtailAPIRouter):
    """Wagtail's router, whose "not found" answers stay JSON 404s."""

    def wrap_view(self, func):
        view = super().wrap_view(func)

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code == 404:
                # LocaleMiddleware turns a 404 outside the language prefix into a redirect to
                # /en/<path>, which Wagtail's page route accepts: a partner asking for a draft
                # would land on an HTML page. It looks for i18n_patterns in request.urlconf
                # (which only 404 handling reads after the view); this module has none.
                request.urlconf = __name__
            return response

        return wrapped


api_router = NewsroomAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NewsroomPagesAPIViewSet)
api_router.register_endpoint("images", NewsroomImagesAPIViewSet)
api_router.register_endpoint("categories", CategoriesAPIViewSet)
api_router.register_endpoint("countries", CountriesAPIViewSet)

urlpatterns = [path("", api_router.urls)]
