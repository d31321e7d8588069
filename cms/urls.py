from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import openapi
from cms.core import media_files
from cms.distribution import urls as distribution_urls
from cms.syndication import urls as syndication_urls

urlpatterns = [
    # The admin's page search and page chooser search, matched in each page's language
    # (search/admin_urls.py), ahead of Wagtail's views at the same addresses.
    path("admin/", include("search.admin_urls")),
    # wagtail-localize's addresses, answered for the languages each user translates into.
    path("admin/", include("cms.localization.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # A picture's original, to editors only (readers get renditions); a web server in front
    # serves the public folders of /media/ itself and sends this one here.
    re_path(r"^media/original_images/(?P<path>.+)$", media_files.original_image),
    # Both partner APIs described for partners' tools (OpenAPI 3).
    path("api/openapi.json", openapi.openapi_json, name="openapi_json"),
    path("api/openapi.yaml", openapi.openapi_yaml, name="openapi_yaml"),
    # The partners' read-only API: one address for every language (?locale=ru).
    path("api/v2/", include("cms.api.urls")),
    # Partners pull their products with their own key, in any of their languages.
    path("api/syndication/v1/", include(syndication_urls.api_patterns)),
    # robots.txt and the sitemaps, outside the language prefix where crawlers look.
    *distribution_urls.site_patterns,
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Not django.conf.urls.static, which would serve originals and documents to anyone.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", media_files.public_media))

# Every public address carries its language, English included: /en/, /ru/...
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(distribution_urls)),
    path("", include(syndication_urls.feed_patterns)),
    path("newsletter/", include("cms.newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
