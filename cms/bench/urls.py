"""The site's addresses plus the bare Django view every page's throughput is compared with."""

from django.urls import path

from cms.urls import urlpatterns as site_patterns

from .views import bare_page

urlpatterns = [path("bench/bare/", bare_page, name="bench_bare"), *site_patterns]
