"""The read-only API for partners: live public pages, the pictures they show, the taxonomy."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.utils import timezone
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from cms import privacy
from cms.core.api_fields import (
    API_RENDITION,
    ImageDownloadUrlField,
    LocaleCodeField,
    TagNamesField,
)
from cms.taxonomy.models import Category, Country

from .filters import (
    TAXONOMY_PARAMETERS,
    FieldsFilter,
    LocaleFilter,
    SearchFilter,
    TaxonomyFilter,
    locale_from,
    page_fields_linking,
    quoted,
)
from .pagination import NewsroomPagination

SITE = re.compile(r"^[\w.-]+(:\d+)?$", re.ASCII)


def published(pages):
    """Live, outside private sections, and not past an expiry the scheduler has yet to act on.

    Expiry by id, since the search backend filters only on indexed fields (id is one).
    """
    expired = Page.objects.filter(expire_at__lte=timezone.now()).values("pk")
    return privacy.public(pages.live()).exclude(pk__in=expired)


def with_api_relations(pages):
    """What a page type's API fields read (its `api_queryset`), fetched once for a listing."""
    if not hasattr(pages.model, "api_queryset"):
        return pages
    images = get_image_model().objects.prefetch_renditions(API_RENDITION)
    return pages.model.api_queryset(pages, images)


class StrictFind:
    """find/ with an id that is not a number, or a path with a NUL, is a 400 (not a 500)."""

    def find_object(self, queryset, request):
        # isdigit() alone lets through digits int() refuses, such as "²".
        item_id = request.GET.get("id", "0")
        if not (item_id.isascii() and item_id.isdigit()):
            raise BadRequestError("id must be a positive integer")
        if "\x00" in request.GET.get("html_path", ""):
            raise BadRequestError("html_path must not contain NUL characters")
        return super().find_object(queryset, request)


class KnownFormat:
    """`?format=` other than json or api is a 400 saying so; Django REST framework answers
    an empty 404."""

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as error:
            raise BadRequestError(
                f"format must be json or api, not {quoted(request.GET.get('format', ''))}"
            ) from error


class NewsroomPagesAPIViewSet(KnownFormat, StrictFind, PagesAPIViewSet):
    """Live public pages; `?locale=`, `?type=`, `?category=<slug>`, `?country=<code>`."""

    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        TaxonomyFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    pagination_class = NewsroomPagination
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TAXONOMY_PARAMETERS)
    # The full text one page at a time: listings stay light and their queries fixed.
    detail_only_fields = PagesAPIViewSet.detail_only_fields + ["body", "transcript"]

    def get_base_queryset(self):
        site = self.request.GET.get("site")
        if site is not None and not SITE.match(site):
            raise BadRequestError(
                f"site must be a host name, with :port if need be, not {quoted(site)}"
            )
        try:
            pages = super().get_base_queryset()
        except Http404 as error:
            raise BadRequestError(f"no site has the address {quoted(site)}") from error
        # Wagtail lets a logged-in reader's session open private pages; partners see public ones.
        return published(pages)

    def get_queryset(self):
        return with_api_relations(super().get_queryset().select_related("locale"))


def images_shown_on(pages):
    """A condition on images: chosen in a field of one of the pages, or in its body."""
    image_model = get_image_model()
    condition = Q()
    for page_model, field in page_fields_linking(image_model):
        chosen = page_model.objects.filter(pk__in=pages.values("pk")).values(field)
        condition |= Q(pk__in=chosen)
    # Images inside StreamFields are known to Wagtail's reference index only, which records
    # a page's live content (it reads the page row, not drafts).
    in_bodies = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(text_id=Cast("pk", CharField())).values("text_id"),
        to_content_type=ContentType.objects.get_for_model(image_model),
    ).annotate(image_id=Cast("to_object_id", IntegerField()))
    return condition | Q(pk__in=in_bodies.values("image_id"))


class NewsroomImageSerializer(ImageSerializer):
    """Wagtail's, with `download_url` a rendition's (here and nested in pages)."""

    download_url = ImageDownloadUrlField(read_only=True)


class NewsroomImagesAPIViewSet(KnownFormat, StrictFind, ImagesAPIViewSet):
    """The pictures live public pages show (not the whole library, which holds embargoed
    photos); `?locale=` narrows to one language's pages."""

    base_serializer_class = NewsroomImageSerializer
    pagination_class = NewsroomPagination
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["locale"])
    body_fields = ImagesAPIViewSet.body_fields + [
        APIField("rendition", serializer=ImageRenditionField(API_RENDITION, source="*"))
    ]
    # Wagtail's tags field queries once per image, whatever was prefetched.
    meta_fields = [
        APIField("tags", serializer=TagNamesField(read_only=True)) if name == "tags" else name
        for name in ImagesAPIViewSet.meta_fields
    ]

    def get_queryset(self):
        pages = published(Page.objects.all())
        if locale := locale_from(self.request):
            pages = pages.filter(locale=locale)
        images = super().get_queryset().filter(images_shown_on(pages))
        return images.prefetch_renditions(API_RENDITION).prefetch_related("tags")


class TaxonomyAPIViewSet(KnownFormat, StrictFind, BaseAPIViewSet):
    """A translatable snippet, one row per locale; `?locale=` narrows to one language."""

    pagination_class = NewsroomPagination
    filter_backends = [FieldsFilter, OrderingFilter, LocaleFilter]
    # No search: the snippets are short lists, read whole.
    known_query_parameters = (
        BaseAPIViewSet.known_query_parameters - {"search", "search_operator"}
    ) | {"locale"}
    meta_fields = BaseAPIViewSet.meta_fields + [
        APIField("locale", serializer=LocaleCodeField(read_only=True))
    ]
    snippet_fields = []  # set on subclasses

    @classmethod
    def get_body_fields(cls, model):
        # Declared here rather than as `api_fields` on the snippet models.
        return cls._convert_api_fields(cls.body_fields + cls.snippet_fields)

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*cls.listing_default_fields, "locale", *cls.snippet_fields]

    @classmethod
    def get_nested_default_fields(cls, model):
        return [*cls.nested_default_fields, *cls.snippet_fields]

    def get_queryset(self):
        return self.model.objects.select_related("locale").order_by("id")


class CategoriesAPIViewSet(TaxonomyAPIViewSet):
    model = Category
    name = "categories"
    snippet_fields = ["name", "slug"]


class CountriesAPIViewSet(TaxonomyAPIViewSet):
    model = Country
    name = "countries"
    snippet_fields = ["name", "code", "is_member"]
