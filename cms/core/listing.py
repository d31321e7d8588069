"""Listings of stories: one query shape for every list, whatever its length."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

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
    return queryset.select_related("category", "locale").prefetch_related(
        "country_links__country", hero_image_prefetch()
    )


def live_stories(model, locale):
    """Live stories of one type in one locale, newest first, ready for a listing."""
    queryset = model.objects.live().filter(locale=locale).order_by("-first_published_at", "-pk")
    return with_story_relations(queryset)


def paginate(request, queryset, per_page=None):
    """A page of the queryset; `?page=abc` or out of range give the first or last page."""
    paginator = Paginator(queryset, per_page or settings.NEWSROOM_PAGE_SIZE)
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
