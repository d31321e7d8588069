"""The admin's page search and page chooser search at Wagtail's own addresses: cms/urls.py
lists these before Wagtail's admin, so they answer there, behind the same admin login."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.viewsets.pages import base_page_viewset
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_views import ChooserSearchView, PageSearchView

urlpatterns = decorate_urlpatterns(
    [
        path("pages/search/", base_page_viewset.construct_view(PageSearchView)),
        path(
            "pages/search/results/",
            base_page_viewset.construct_view(PageSearchView, results_only=True),
        ),
        path("choose-page/search/", ChooserSearchView.as_view()),
    ],
    # As Wagtail decorates its own admin views: a 404 is the admin's page, not a redirect
    # to a language prefix.
    lambda view: never_cache(display_custom_404(require_admin_access(view))),
)
