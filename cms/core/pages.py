"""What every story page (article, interview) shares: lead, hero image, taxonomy, and what
each story type answers for the rest of the site (its kind, its body's parts, its words
for search, its metadata for search engines, its relations for a feed or a partner item).

The shared modules ask the story, never its type: a new story type is a subclass of
StoryPage in its own app (stories.py lists them), overriding what differs."""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.bylines.panels import BylinesPanel
from cms.bylines.reading import authors_of, with_bylines
from cms.core.api_fields import API_RENDITION, AuthorsField, CountriesField
from cms.core.page_permissions import ChiefEditorsDeleteMixin
from cms.core.page_workflow import NearestWorkflowMixin
from cms.privacy import ViewRestrictionsMixin
from cms.taxonomy.models import country_links_with_countries

from . import story_body
from .searchable import SearchablePage, SearchEntry


class SectionPage(ChiefEditorsDeleteMixin, NearestWorkflowMixin, ViewRestrictionsMixin, Page):
    """Abstract base of the sections under a home page (news, interviews, partners)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    # What its listing reads from the query string (the page cache keeps those variants).
    listing_parameters = ("page",)

    class Meta:
        abstract = True


class StoryPage(
    ChiefEditorsDeleteMixin, NearestWorkflowMixin, ViewRestrictionsMixin, SearchablePage, Page
):
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
        BylinesPanel("author_links", heading=_("Bylines"), label=_("Author")),
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
        # "Фото: ТАСС", "Foto: Reuters": an agency's name is often written in the language.
        TranslatableField("photo_credit"),
        TranslatableField("category"),
        TranslatableField("country_links"),
        # Each byline links the author's own translation: their name in the language.
        TranslatableField("author_links"),
        SynchronizedField("hero_image"),
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
        APIField("authors", serializer=AuthorsField(read_only=True)),
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

    # What readers' search calls the type (search.models.SearchDocument.Kind) and partner
    # formats name it ("profile"); what OpenGraph calls its page.
    story_kind = ""
    og_type = "article"
    # The address of the type's own feeds under each language (/<lang>/feeds/<slug>/rss/);
    # "" for none. Whether Google News lists the type (news-sitemap.xml).
    feed_slug = ""
    in_news_sitemap = False

    @classproperty
    def search_kind(cls):
        return cls.story_kind

    @classmethod
    def reader_queryset(cls, queryset):
        """What the story's own page shows, fetched with it (cms/caching/routing.py)."""
        queryset = with_bylines(queryset.select_related("category", "hero_image"))
        return queryset.prefetch_related(country_links_with_countries(), "hero_image__renditions")

    @cached_property
    def countries(self):
        # Reads the prefetched links when a listing prefetched them.
        return [link.country for link in self.country_links.all()]

    @cached_property
    def authors(self):
        """Who signs the story, in order (none when the network does)."""
        return authors_of(self)

    @property
    def modified_at(self):
        """The last change readers see (articles count their corrections and updates too)."""
        return self.last_published_at or self.first_published_at

    # The body, read through its parts (story_body.py)

    @property
    def body_stream(self):
        """The StreamField that holds the story's text (an article's body, say)."""
        raise NotImplementedError

    def body_parts(self):
        return story_body.parts(self.body_stream)

    def opening_parts(self):
        """What a copy of the story shows between its lead and its picture."""
        return []

    # Search

    @classmethod
    def search_queryset(cls, queryset):
        links = country_links_with_countries()
        return queryset.select_related("locale", "category").prefetch_related(links)

    def search_words(self):
        """The type's own words for readers' search, besides its taxonomy's names."""
        return [story_body.searchable_text(self.body_stream)]

    def search_entry(self):
        names = [country.name for country in self.countries]
        if self.category_id:
            names.append(self.category.name)
        published = self.first_published_at
        return SearchEntry(
            summary=self.lead,
            body=" ".join(part for part in [*self.search_words(), *names] if part),
            country_codes=[country.code for country in self.countries],
            category_key=self.category.translation_key if self.category_id else None,
            # Years are a story's dateline.
            year=published.year if published else None,
        )

    # Search engines and sharing

    @property
    def share_image(self):
        return self.hero_image

    @property
    def tag_names(self):
        """Free keywords, for types that have them (None for those that have none)."""
        return None

    @property
    def keywords(self):
        return list(dict.fromkeys([*(self.tag_names or []), *(c.name for c in self.countries)]))

    @property
    def video_duration(self):
        return None

    def shared_video(self):
        """{"url", "type", "embed"} of the story's video for OpenGraph and JSON-LD, or None."""
        return None

    # Outbound: feeds and partner formats (cms/distribution/items.py)

    @classmethod
    def outbound_queryset(cls, queryset, keywords=False):
        """What an outbound item reads, for many stories in a fixed number of queries;
        with `keywords`, its tags too (partner formats carry them, feeds do not)."""
        queryset = with_bylines(queryset.select_related("category", "locale"))
        return queryset.prefetch_related(country_links_with_countries())

    def outbound_byline(self):
        """Who the story is by, for partners, when no author signs it; "" when the network
        does."""
        return ""

    @property
    def version(self):
        """1 when first published; a type with corrections counts them."""
        return 1

    @property
    def dated_notes(self):
        """Corrections and updates, oldest first, for types that have them."""
        return []

    # API (cms/api/endpoints.py)

    @classmethod
    def api_queryset(cls, queryset, images):
        """What the type's API fields read, for a whole listing (`images`: with renditions)."""
        return with_bylines(queryset.select_related("category")).prefetch_related(
            country_links_with_countries(), Prefetch("hero_image", queryset=images)
        )
