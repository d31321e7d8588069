"""Stories related to a story: same locale, sharing its category or one of its countries."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Prefetch, Q, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.bylines.reading import copy_bylines, with_bylines
from cms.caching import reader_facts
from cms.core.listing import LISTING_RENDITIONS, NEWEST_FIRST
from cms.core.rows_by_id import RowsById
from cms.privacy import public
from cms.taxonomy.models import PageCountry

from .stories import story_models

RELATED_STORIES = 4


def related_stories(story, limit=RELATED_STORIES):
    """Up to `limit` live public stories of any type, newest first, in two queries.

    Finding them (the taxonomy's subqueries, the order over the locale's archive) costs
    most; their ids are remembered as a reader fact, so until a page, a category or a
    country changes they are read back by primary key, in as many queries, and only when
    something asks for more than their ids: their cards usually come from the cache.
    """
    # What the story is shown with: a preview of a new page, or one with another category,
    # keeps ids of its own.
    shown = f"{story.locale_id}:{story.pk}:{story.category_id}:{limit}"
    key = reader_facts.key_for(f"related:{shown}")
    pks = cache.get(key)
    if pks is None:
        stories = _stories(_candidates(story).order_by(*NEWEST_FIRST)[:limit])
        cache.set(key, [related.pk for related in stories], reader_facts.TIMEOUT)
        return stories
    return RowsById(pks, _remembered)


def _remembered(pks):
    # Unpublishing moves the generation; live() and public() still guard against a change
    # made without signals (a queryset's update(), another process's restriction).
    return _stories(public(Page.objects.live()).filter(pk__in=pks))


def _candidates(story):
    return (
        public(Page.objects.live())
        .filter(locale_id=story.locale_id)
        .type(*story_models())
        .exclude(pk=story.pk)
        .filter(_shares_taxonomy(story, [model._meta.model_name for model in story_models()]))
    )


def _stories(pages):
    """Each page's own type, joined with its category and hero image (and its bylines) in
    one query, and the hero images' listing renditions for all of them in a second."""
    names = {
        ContentType.objects.get_for_model(model).pk: model._meta.model_name
        for model in story_models()
    }
    pages = with_bylines(pages).select_related(
        *(f"{name}__{field}" for name in names.values() for field in ("category", "hero_image"))
    )
    # The type's row came with the page: read it from the join, not with .specific's query.
    stories = []
    for page in pages:
        story = getattr(page, names[page.content_type_id])
        copy_bylines(page, story)
        stories.append(story)
    _prefetch_listing_renditions([s.hero_image for s in stories if s.hero_image_id])
    return stories


def _shares_taxonomy(story, model_names):
    countries = PageCountry.objects.filter(page_id=story.pk).values("country_id")
    condition = Q(pk__in=PageCountry.objects.filter(country_id__in=countries).values("page_id"))
    if story.category_id:
        for name in model_names:
            condition |= Q(**{f"{name}__category_id": story.category_id})
    return condition


def _prefetch_listing_renditions(images):
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=LISTING_RENDITIONS)
    )
    prefetch_related_objects(
        images, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
