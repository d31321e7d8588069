"""Sitemaps: every live page of each locale, with hreflang links to its live translations."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.utils.functional import cached_property
from wagtail.models import Page, Site

from .stories import published


def site_roots(request):
    """The root page of the request's site in each locale that has one, in LANGUAGES order."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    by_language = {root.locale.language_code: root for root in roots.select_related("locale")}
    return {code: by_language[code] for code, _name in settings.LANGUAGES if code in by_language}


def locale_sitemaps(request):
    """One sitemap section per locale, named by its language code."""
    return {code: LocaleSitemap(request, root) for code, root in site_roots(request).items()}


class LocaleSitemap(Sitemap):
    """The live, public pages under one locale's root, paginated at the protocol's limit."""

    limit = 50_000

    def __init__(self, request, root):
        self.request = request
        self.root = root

    @cached_property
    def pages(self):
        # Built once: published() reads the view restrictions when the queryset is made.
        pages = Page.objects.descendant_of(self.root, inclusive=True)
        return published(pages).select_related("locale").order_by("path")

    def items(self):
        return self.pages

    def lastmod(self, page):
        return page.last_published_at

    @cached_property
    def summary(self):
        """How many pages and their newest change, in one query (the index asks for both)."""
        return self.pages.aggregate(count=Count("pk"), latest=Max("last_published_at"))

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.count = self.summary["count"]
        return paginator

    def get_latest_lastmod(self):
        return self.summary["latest"]

    def location(self, page):
        url = page.get_url(self.request)
        return self.request.build_absolute_uri(url) if url else None

    def _urls(self, page_number, protocol, domain):
        object_list = self.paginator.page(page_number).object_list
        pages = list(object_list)
        translations = live_translations(object_list.values("translation_key"))
        urls = []
        for page in pages:
            location = self.location(page)
            if location is None:
                continue
            urls.append(
                {
                    "item": page,
                    "location": location,
                    "lastmod": self.lastmod(page),
                    "alternates": self.alternates(translations.get(page.translation_key, [])),
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        self.latest_lastmod = max(lastmods, default=None)
        return urls

    def alternates(self, translations):
        """hreflang links to every live translation (the page included), and x-default."""
        by_language = {page.locale.language_code: page for page in translations}
        links = []
        for code, _name in settings.LANGUAGES:
            if code in by_language and (location := self.location(by_language[code])):
                links.append({"lang_code": code, "location": location})
        default = next(
            (link for link in links if link["lang_code"] == settings.LANGUAGE_CODE), None
        )
        if default is not None:
            links.append({"lang_code": "x-default", "location": default["location"]})
        return links


def live_translations(keys):
    """Live, public pages by translation key, for a subquery of keys: one query, however many."""
    groups = {}
    translations = published(Page.objects.filter(translation_key__in=keys))
    for page in translations.select_related("locale"):
        groups.setdefault(page.translation_key, []).append(page)
    return groups
