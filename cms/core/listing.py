"""Listings of stories: one query shape for every list, whatever its length."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from cms.bylines.reading import with_bylines
from cms.privacy import public

from .pagination import IndexedPaginator

NEWEST_FIRST = ("-first_published_at", "-id")

# Spelled as the {% picture %} tag in core/includes/story_card.html names them; a spec
# missing here costs a query per card (tests/articles/test_listing_queries.py notices).
LISTING_RENDITIONS = Filter.expand_spec(
    ["format-{avif,webp,jpeg}", "fill-{320x180,480x270,800x450}"]
)


def hero_image_prefetch():
    """Hero images with the renditions listings show, in two queries for the whole page."""
    images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
    return Prefetch("hero_image", queryset=images)


def with_story_relations(queryset):
    # No countries: a card does not show them (core/includes/story_card.html); its bylines.
    queryset = with_bylines(queryset.select_related("category", "locale"))
    return queryset.prefetch_related(hero_image_prefetch())


def live_stories(model, locale):
    """Live public stories of one type in one locale, newest first (add with_story_relations
    to show)."""
    return public(model.objects.live()).filter(locale=locale).order_by(*NEWEST_FIRST)


def section_stories(section, model):
    """Live public stories of one type in a section, newest first, as generic pages.

    A listing of `Page` reads only wagtailcore_page, so paginate() finds a page's ids in the
    story listing index alone; the specific rows are read for those ids. Filters on the
    story's own fields go through its table: `articlepage__category=...`.
    """
    # The locale is implied by the section; it is said because the index starts with it.
    return (
        public(Page.objects.live())
        .filter(locale_id=section.locale_id)
        .child_of(section)
        .type(model)
        .order_by(*NEWEST_FIRST)
    )


def paginate(request, listing, per_page=None, model=None, relations=None):
    """A page of the listing; `?page=abc` or out of range give the first or last page.

    The listing decides which rows and in what order, and only their ids are read through
    it; the rows shown are `model`'s (the listing's own by default), with `relations`
    adding what the page shows of them (with_story_relations for stories).
    """
    per_page = per_page or settings.NEWSROOM_PAGE_SIZE
    paginator = IndexedPaginator(listing, per_page, model=model, relations=relations)
    return paginator.get_page(request.GET.get("page"))


def specific_stories(pages, models):
    """Specific instances of generic pages, in the same order, each type fetched once."""
    by_type = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for model in models:
        ids = by_type.get(ContentType.objects.get_for_model(model).pk)
        if ids:
            stories = with_story_relations(model.objects.filter(pk__in=ids))
            found.update((story.pk, story) for story in stories)
    return [found[page.pk] for page in pages if page.pk in found]
