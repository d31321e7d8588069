"""The one path from "readers may now see something else" to every cache that holds it.

Publishing, unpublishing (wagtail-localize publishes a translation through the same
`page_published` signal), moving and deleting a page, and refreshing the widgets, end in
`purge_page` or `purge_widgets` (which the widgets app calls). They drop the reader
facts, the cached pages of the page's locale (both in cms/caching) and, when a CDN is
configured, send the same addresses to it through Wagtail's frontend-cache backends
(WAGTAILFRONTENDCACHE). The app wagtail.contrib.frontend_cache is not installed: its own
signal handlers would purge a second, narrower set of addresses. A Site, Locale, view
restriction, category, country, author or image that changes, and a rendition that is
deleted, drop the facts (with the story cards and fragments kept under them) and every
locale's pages. A CDN is told of an image changed or deleted (a photo withdrawn for its
rights must go at once): the live pages that show it, their parents and the home pages; of
a category or country saved or deleted: its listing and the home pages; of an author saved
or deleted: their page and the home pages; of a view restriction added or lifted: the
page, the pages under it (up to RESTRICTED_PAGES_PURGED, newest first), its parent and the
home pages, since a CDN never asks which pages are private. Its other copies (a renamed
category or author on story pages and other listings, an image on a card in a deeper
listing) last until they expire (FRONTEND_CACHE_SECONDS).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.bylines.addresses import author_url
from cms.bylines.models import Author
from cms.caching import page_cache, reader_facts
from cms.taxonomy.models import Category, Country

from .stories import story_models

# A restriction on a whole section purges its newest pages at the CDN; older ones leave
# when their copies expire (FRONTEND_CACHE_SECONDS). Ours (page_cache) drop them all.
RESTRICTED_PAGES_PURGED = 1000


def purge_page(page, old_url_path=None):
    """The page's locale misses from now on; its translations' own addresses too (their
    language switcher links to it). The CDN forgets the page, its parent, the home pages
    and the translations."""
    reader_facts.forget()
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
    return {url for _home, url in _homes_with_urls()}


def _homes_with_urls():
    homes = reader_facts.home_page_model().objects.live()
    return [(home, url) for home in homes if (url := home.get_full_url())]


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
        reader_facts.forget()
        if kwargs.get("signal") is post_delete and instance.live:
            page_cache.next_generation(instance.locale.language_code)


def settings_changed(sender, **kwargs):
    _every_locale_misses()


def taxonomy_changed(sender, instance, **kwargs):
    # Category and country names show on cards, in listings' filters and on partner lists.
    _every_locale_misses()
    _purge_frontend_after_commit(_listing_urls(instance))


def _listing_urls(term):
    """Full addresses of the category's or country's own listing and of the home pages
    (their cards name it). None when no CDN is configured to tell."""
    if not settings.WAGTAILFRONTENDCACHE:
        return set()
    route = ("category", term.slug) if isinstance(term, Category) else ("country", term.url_code)
    urls = set()
    for home, url in _homes_with_urls():
        urls.add(url)
        if home.locale_id == term.locale_id:
            urls.add(url + home.reverse_subpage(route[0], args=[route[1]]))
    return urls


def author_changed(sender, instance, **kwargs):
    # An author's name shows on every card and story page they sign, in feeds and in the
    # structured data; their own page lists their stories.
    _every_locale_misses()
    if settings.WAGTAILFRONTENDCACHE:
        urls = _home_urls() | {url for url in [author_url(instance)] if url}
        _purge_frontend_after_commit(urls)


def image_changed(sender, instance, created=False, **kwargs):
    # A new image shows nowhere until a page shows it, and saving that page purges. A saved
    # one may have a new focal point or file: its cards' pictures are other renditions.
    if not created:
        _every_locale_misses()
        _purge_frontend_after_commit(_pages_showing(instance))


def image_deleting(sender, instance, **kwargs):
    # Before the delete: then the pages still name the image as their hero.
    _purge_frontend_after_commit(_pages_showing(instance))


def image_deleted(sender, **kwargs):
    _every_locale_misses()


def _pages_showing(image):
    """Full addresses of the live pages that show the image (as their hero or anywhere
    Wagtail's reference index sees it), of their parents (a section's first page shows
    their cards) and of the home pages. None when no CDN is configured to tell."""
    if not settings.WAGTAILFRONTENDCACHE:
        return set()
    references = ReferenceIndex.get_references_to(image).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    ids = {int(pk) for pk in references.values_list("object_id", flat=True)}
    for model in story_models():
        ids.update(model.objects.filter(hero_image=image).values_list("pk", flat=True))
    pages = list(Page.objects.live().filter(pk__in=ids))
    if not pages:
        return set()
    # A parent's tree path is its child's without the last step: one query for them all.
    parents = Page.objects.filter(path__in={page.path[: -page.steplen] for page in pages})
    urls = {url for shown in [*pages, *parents] if (url := shown.get_full_url())}
    return urls | _home_urls()


def _purge_frontend_after_commit(urls):
    if urls:
        transaction.on_commit(lambda: _purge_frontend(urls))


def restriction_changed(sender, instance, **kwargs):
    _every_locale_misses()
    _purge_frontend_after_commit(_restricted_urls(instance.page))


def _restricted_urls(page):
    """Full addresses of the page, of the live pages under it, of its parent and of the
    home pages (their cards showed it). None when no CDN is configured to tell."""
    if not settings.WAGTAILFRONTENDCACHE:
        return set()
    pages = Page.objects.live().filter(path__startswith=page.path)
    pages = list(pages.order_by("-first_published_at", "-pk")[:RESTRICTED_PAGES_PURGED])
    parent = page.get_parent()
    urls = {url for shown in [*pages, parent] if shown and (url := shown.get_full_url())}
    return urls | _home_urls()


def rendition_deleted(sender, **kwargs):
    # Kept HTML would point at the deleted file (a replaced image drops its renditions).
    _every_locale_misses()


def _every_locale_misses():
    reader_facts.forget()
    for language in page_cache.languages():
        page_cache.next_generation(language)


def connect_signals():
    page_published.connect(page_published_or_unpublished, dispatch_uid="caching-published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="caching-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="caching-moved")
    post_save.connect(page_saved_or_deleted, dispatch_uid="caching-page-save")
    post_delete.connect(page_saved_or_deleted, dispatch_uid="caching-page-delete")
    image = get_image_model()
    handlers = [
        (settings_changed, [Site, Locale], (post_save, post_delete)),
        (restriction_changed, [PageViewRestriction], (post_save, post_delete)),
        (taxonomy_changed, [Category, Country], (post_save, post_delete)),
        (author_changed, [Author], (post_save, post_delete)),
        (image_changed, [image], (post_save,)),
        (image_deleting, [image], (pre_delete,)),
        (image_deleted, [image], (post_delete,)),
        (rendition_deleted, [image.get_rendition_model()], (post_delete,)),
    ]
    for handler, models, signals in handlers:
        for model in models:
            for signal in signals:
                uid = f"caching-{model.__name__}-{id(signal)}"
                signal.connect(handler, sender=model, dispatch_uid=uid)
