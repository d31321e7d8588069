"""What every story page (article, interview) shares: lead, hero image, taxonomy."""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api.fields import API_RENDITION, CountriesField
from cms.caching.restrictions import ViewRestrictionsMixin
from cms.core.page_permissions import ChiefEditorsDeleteMixin


class SectionPage(ChiefEditorsDeleteMixin, ViewRestrictionsMixin, Page):
    """Abstract base of the sections under a home page (news, interviews, partners)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        abstract = True


class StoryPage(ChiefEditorsDeleteMixin, ViewRestrictionsMixin, Page):
    """Abstract base of articles and interviews."""

    lead = models.TextField(_("lead"), max_length=500, help_text=_("One or two sentences."))
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("caption"), max_length=255, blank=True)
    photo_credit = models.CharField(
        _("photo credit"), max_length=120, blank=True, help_text=_("e.g. iStock")
    )
    category = models.ForeignKey(
        "taxonomy.Category",
        verbose_name=_("category"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    story_panels = [
        FieldPanel("first_published_at", heading=_("First published at")),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("photo_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("category"),
        InlinePanel("country_links", label=_("Countries")),
    ]

    story_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("lead"),
        TranslatableField("hero_caption"),
        TranslatableField("category"),
        TranslatableField("country_links"),
        SynchronizedField("hero_image"),
        SynchronizedField("photo_credit"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.AutocompleteField("lead"),
        index.FilterField("locale_id"),
        index.FilterField("first_published_at"),
        index.FilterField("category_id"),
        index.RelatedFields("category", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("lead"),
        APIField("last_published_at"),
        APIField("category"),
        APIField("countries", serializer=CountriesField(read_only=True)),
        APIField("hero_image"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField(API_RENDITION, source="hero_image"),
        ),
        APIField("hero_caption"),
        APIField("photo_credit"),
    ]

    class Meta:
        abstract = True

    @classmethod
    def reader_queryset(cls, queryset):
        """What the story's own page shows, fetched with it (cms/caching/routing.py)."""
        from cms.taxonomy.models import PageCountry

        links = PageCountry.objects.select_related("country")
        return queryset.select_related("category", "hero_image").prefetch_related(
            Prefetch("country_links", queryset=links), "hero_image__renditions"
        )

    @cached_property
    def countries(self):
        # Reads the prefetched links when a listing prefetched them.
        return [link.country for link in self.country_links.all()]

    @property
    def modified_at(self):
        """The last change readers see (articles count their corrections and updates too)."""
        return self.last_published_at or self.first_published_at

    @property
    def listing_image(self):
        return self.hero_image
