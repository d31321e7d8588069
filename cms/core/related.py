"""Stories related to a story: same locale, sharing its category or one of its countries."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.core.listing import LISTING_RENDITIONS
from cms.taxonomy.models import PageCountry

RELATED_STORIES = 4


def story_models():
    from articles.models import ArticlePage
    from interviews.models import InterviewPage

    return [ArticlePage, InterviewPage]


def related_stories(story, limit=RELATED_STORIES):
    """Up to `limit` live stories of any type, newest first, in two queries.

    One query finds the pages and joins each type's own table with its category and hero
    image; a second fetches the hero images' listing renditions for all of them at once.
    """
    models = story_models()
    names = {
        ContentType.objects.get_for_model(model).pk: model._meta.model_name for model in models
    }
    pages = (
        Page.objects.live()
        .filter(locale_id=story.locale_id)
        .type(*models)
        .exclude(pk=story.pk)
        .filter(_shares_taxonomy(story, names.values()))
        .select_related(
            *(
                f"{name}__{field}"
                for name in names.values()
                for field in ("category", "hero_image")
            )
        )
        .order_by("-first_published_at", "-pk")[:limit]
    )
    # The type's row came with the page: read it from the join, not with .specific's query.
    stories = [getattr(page, names[page.content_type_id]) for page in pages]
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
