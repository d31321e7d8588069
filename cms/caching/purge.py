"""The one path from "readers may now see something else" to every cache that holds it.

Publishing, unpublishing (wagtail-localize publishes a translation through the same
`page_published` signal), moving and deleting a page, and refreshing the widgets, end in
`purge_page` or `purge_widgets`. They drop the reader facts (facts.py), the cached pages
of the page's locale (page_cache.py) and, when a CDN is configured, send the same
addresses to it through Wagtail's frontend-cache backends (WAGTAILFRONTENDCACHE). The
app wagtail.contrib.frontend_cache is not installed: its own signal handlers would purge
a second, narrower set of addresses. A Site, Locale, view restriction, category, country
or image that changes, and a rendition that is deleted, drop the facts (with the story
cards and fragments kept under them) and every locale's pages; a CDN keeps its copies
until they expire (FRONTEND_CACHE_SECONDS).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.taxonomy.models import Category, Country
from cms.widgets.signals import widgets_refreshed

from . import facts, page_cache


def purge_page(page, old_url_path=None):
    """The page's locale misses from now on; its translations' own addresses too (their
    language switcher links to it). The CDN forgets the page, its parent, the home pages
    and the translations."""
    facts.forget()
    language = page.locale.language_code
    page_cache.next_generation(language)
    urls = set()
    for translation in Page.objects.filter(translation_key=page.translation_key).exclude(
        pk=page.pk
    ):
        path = translation.get_url()
        if path:
            page_cache.forget_address(translation.locale.language_code, path)
            urls.add(translation.get_full_url())
    for candidate in (page, page.get_parent()):
        if candidate is not None and (url := candidate.get_full_url()):
            urls.add(url)
    if old_url_path:
        urls.update(_old_urls(page, old_url_path))
    urls.update(_home_urls())
    _purge_frontend(urls)


def purge_widgets():
    """Widgets show on every home page and in any story: every locale misses."""
    for language in page_cache.languages():
        page_cache.next_generation(language)
    _purge_frontend(_home_urls())


def _old_urls(page, old_url_path):
    current = page.get_full_url() or ""
    return {current.replace(page.url_path, old_url_path, 1)} if page.url_path in current else set()


def _home_urls():
    from home.models import HomePage

    return {url for home in HomePage.objects.live() if (url := home.get_full_url())}


def _purge_frontend(urls):
    if settings.WAGTAILFRONTENDCACHE and urls:
        purge_urls_from_cache(sorted(urls))


def page_published_or_unpublished(sender, instance, **kwargs):
    purge_page(instance)


def page_moved(sender, instance, url_path_before=None, **kwargs):
    purge_page(instance, old_url_path=url_path_before)


def page_saved_or_deleted(sender, instance, **kwargs):
    # Pages saved live without publishing (imports, the demo, generate_newsroom) and
    # deleted pages: a live one leaves its listings.
    if isinstance(instance, Page):
        facts.forget()
        if kwargs.get("signal") is post_delete and instance.live:
            page_cache.next_generation(instance.locale.language_code)


def settings_changed(sender, **kwargs):
    _every_locale_misses()


def taxonomy_changed(sender, **kwargs):
    # Category and country names show on cards, in listings' filters and on partner lists.
    _every_locale_misses()


def image_changed(sender, created=False, **kwargs):
    # A new image shows nowhere until a page shows it, and saving that page purges. A saved
    # one may have a new focal point or file: its cards' pictures are other renditions.
    if not created:
        _every_locale_misses()


def rendition_deleted(sender, **kwargs):
    # Kept HTML would point at the deleted file (a replaced image drops its renditions).
    _every_locale_misses()


def _every_locale_misses():
    facts.forget()
    for language in page_cache.languages():
        page_cache.next_generation(language)


def widgets_changed(sender, **kwargs):
    purge_widgets()


def connect_signals():
    page_published.connect(page_published_or_unpublished, dispatch_uid="caching-published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="caching-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="caching-moved")
    post_save.connect(page_saved_or_deleted, dispatch_uid="caching-page-save")
    post_delete.connect(page_saved_or_deleted, dispatch_uid="caching-page-delete")
    widgets_refreshed.connect(widgets_changed, dispatch_uid="caching-widgets")
    image = get_image_model()
    handlers = [
        (settings_changed, [Site, Locale, PageViewRestriction], (post_save, post_delete)),
        (taxonomy_changed, [Category, Country], (post_save, post_delete)),
        (image_changed, [image], (post_save, post_delete)),
        (rendition_deleted, [image.get_rendition_model()], (post_delete,)),
    ]
    for handler, models, signals in handlers:
        for model in models:
            for signal in signals:
                uid = f"caching-{model.__name__}-{id(signal)}"
                signal.connect(handler, sender=model, dispatch_uid=uid)
