"""Find the page a reader asked for in two queries, whatever its depth.

Wagtail walks the tree one level per query (home, section, article: each a query, and
each `.specific` another). Every page's `url_path` is its ancestors' slugs, so the page
and all its ancestors come in one query, remembered as a reader fact (reader_facts.py); its
specific row in a second. The result is handed to Wagtail's own `serve` view through the
attributes it caches the site and the route on, so hooks, view restrictions, previews and
routable pages behave as before.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Q, Subquery
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.views import serve

from cms import privacy

from . import reader_facts


class ReaderRoutingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with reader_facts.one_generation_per_request():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD"):
            return None
        site = reader_facts.site_for_request(request)
        # Where the admin's "is this page public" tag looks first: the private sections
        # this request has read already (the generation carries them), not a second query.
        request.all_page_view_restriction_paths = privacy.restricted_paths()
        if site is None:
            return None
        # Where Wagtail looks first (feeds, sitemaps and the API build page URLs with it).
        request._wagtail_site = site
        if view_func is not serve:
            return None
        home = reader_facts.home_for_language(get_language())
        if home is None or site.root_page.translation_key != home.translation_key:
            return None  # not our one-tree-per-locale layout: Wagtail routes it
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            request._wagtail_route_for_request = route(request, home, path)
        except Http404:
            request._wagtail_route_for_request = None
        return None


def route(request, home, path):
    components = [component for component in path.split("/") if component]
    chain = remembered_chain(home, components)
    if not chain:
        return home.route(request, components)
    page = specific_for_reading(chain[-1])
    ancestors = [home, *chain[:-1]]
    # treebeard's cache of get_parent(): the breadcrumbs and the tag links ask for it.
    page._cached_parent_obj = ancestors[-1]
    # A section filters its listings by its Locale: the cached one saves that row's query.
    for locale in reader_facts.locales().values():
        if locale.pk == page.locale_id:
            page.locale = locale
    request._newsroom_ancestors = (page.pk, ancestors)
    return page.route(request, components[len(chain) :])


def remembered_chain(home, components):
    """The pages the path names below the home page, remembered as a reader fact when the
    path is a page's own address: there are only as many of those as pages."""
    if not components:
        return []
    path = "/".join(components)
    key = reader_facts.key_for(f"route:{home.pk}:{hashlib.sha256(path.encode()).hexdigest()[:32]}")
    chain = cache.get(key)
    if chain is None:
        chain = find_chain(home, components)
        if len(chain) == len(components):
            cache.set(key, chain, reader_facts.TIMEOUT)
    return chain


def find_chain(home, components):
    candidates = [
        home.url_path + "".join(f"{component}/" for component in components[:depth])
        for depth in range(1, len(components) + 1)
    ]
    under_home = Q(url_path__in=candidates, path__startswith=home.path)
    # The language switcher's links come in the same query: the live pages sharing the
    # named page's translation key, remembered as the page's translations (reader_facts.py).
    named = Page.objects.filter(url_path=candidates[-1], path__startswith=home.path)
    translations = Q(live=True, translation_key__in=Subquery(named.values("translation_key")[:1]))
    found = Page.objects.filter(under_home | translations)
    found = list(found.only(*reader_facts.TRANSLATION_FIELDS, "live", "content_type_id"))
    # The chain must be unbroken from the home page down (url_path is not unique).
    rows = sorted(
        (
            page
            for page in found
            if page.path.startswith(home.path) and page.url_path in candidates
        ),
        key=lambda page: page.depth,
    )
    chain = []
    for depth, page in enumerate(rows, start=1):
        if page.depth != home.depth + depth or page.url_path != candidates[depth - 1]:
            break
        chain.append(page)
    if len(chain) == len(components):
        leaf = chain[-1]
        reader_facts.remember_translations(
            leaf, [page for page in found if page.translation_key == leaf.translation_key]
        )
    return chain


def specific_for_reading(page):
    """The page's own class, with what its template reads joined in (`reader_queryset`)."""
    model = page.specific_class
    queryset = model._default_manager.all()
    if hasattr(model, "reader_queryset"):
        queryset = model.reader_queryset(queryset)
    return queryset.get(pk=page.pk)


def ancestors_for(request, page):
    """The page's ancestors from the home page down, when routing found them already."""
    routed = getattr(request, "_newsroom_ancestors", None)
    if routed and routed[0] == page.pk:
        return routed[1]
    return None
