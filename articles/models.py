"""News sections and the articles in them."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import story_body
from cms.core.api_fields import TagNamesField
from cms.core.formatting import reading_minutes
from cms.core.listing import paginate, section_stories, with_story_relations
from cms.core.pages import SectionPage, StoryPage
from cms.core.related import related_stories
from cms.core.translatable_tags import TranslatableTaggableManager, TranslatableTags
from cms.taxonomy.models import Category, Country

from .blocks import StoryBodyBlock


class ArticleIndexPage(SectionPage):
    """A news section: its articles newest first, filterable by category, country and tag."""

    subpage_types = ["articles.ArticlePage"]
    listing_parameters = ("page", "category", "country", "tag")

    class Meta:
        verbose_name = _("news section")

    def articles(self):
        return section_stories(self, ArticlePage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        filters = {}
        if slug := request.GET.get("category"):
            filters["category"] = get_object_or_404(Category, slug=slug, locale=self.locale)
            articles = articles.filter(articlepage__category=filters["category"])
        if code := request.GET.get("country"):
            filters["country"] = get_object_or_404(
                Country, code=code.upper()[:2], locale=self.locale
            )
            articles = articles.filter(country_links__country=filters["country"])
        if tag := request.GET.get("tag"):
            filters["tag"] = tag
            articles = articles.filter(articlepage__tagged_items__tag__slug=tag)
        context["filters"] = filters
        context["page_of_results"] = paginate(
            request, articles, model=ArticlePage, relations=with_story_relations
        )
        context["categories"] = Category.objects.filter(locale=self.locale)
        context["countries"] = Country.objects.filter(locale=self.locale)
        return context


class ArticlePageTag(TaggedItemBase):
    """Free keywords of articles; tag archives look only through this table."""

    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleNote(TranslatableMixin, Orderable):
    """A dated correction or update an editor adds to a published article; readers see it."""

    CORRECTION = "correction"
    UPDATE = "update"
    KINDS = [(CORRECTION, _("Correction")), (UPDATE, _("Update"))]

    page = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=CORRECTION)
    noted_at = models.DateTimeField(_("date and time"), default=timezone.now)
    text = models.TextField(_("text"))

    panels = [FieldPanel("kind"), FieldPanel("noted_at"), FieldPanel("text")]
    translatable_fields = [
        TranslatableField("text"),
        SynchronizedField("kind"),
        SynchronizedField("noted_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("correction or update")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.noted_at:%Y-%m-%d %H:%M}"


class ArticlePage(StoryPage):
    """A news article."""

    body = StreamField(StoryBodyBlock(), verbose_name=_("body"))
    tags = TranslatableTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        Page.content_panels
        + StoryPage.story_panels
        + [
            FieldPanel("body"),
            FieldPanel("tags"),
            InlinePanel("notes", label=_("Corrections and updates")),
        ]
    )
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    search_fields = StoryPage.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    translatable_fields = StoryPage.story_translatable_fields + [
        TranslatableField("body"),
        TranslatableField("notes"),
        # Each tag is a segment; the translated names are the translation's tags.
        TranslatableTags("tags"),
    ]
    api_fields = StoryPage.api_fields + [
        APIField("tags", serializer=TagNamesField(read_only=True)),
        APIField("body"),
    ]

    story_kind = "article"
    search_label = _("Articles")
    feed_slug = "news"
    in_news_sitemap = True

    class Meta:
        verbose_name = _("article")

    @classmethod
    def reader_queryset(cls, queryset):
        # The template and the page's metadata both read the tags.
        return super().reader_queryset(queryset).prefetch_related("tags", "notes")

    @classmethod
    def search_queryset(cls, queryset):
        return super().search_queryset(queryset).prefetch_related("tags")

    @classmethod
    def outbound_queryset(cls, queryset, keywords=False):
        # Corrections date an item's last change and travel with it.
        queryset = super().outbound_queryset(queryset, keywords).prefetch_related("notes")
        return queryset.prefetch_related("tags") if keywords else queryset

    @classmethod
    def api_queryset(cls, queryset, images):
        return super().api_queryset(queryset, images).prefetch_related("tags")

    @property
    def body_stream(self):
        return self.body

    @property
    def tag_names(self):
        # Reads a prefetch of the tags when there is one (the manager's names() would not).
        return [tag.name for tag in self.tags.all()]

    def search_words(self):
        return [*super().search_words(), *self.tag_names]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = related_stories(self)
        return context

    @cached_property
    def dated_notes(self):
        """Corrections and updates, oldest first (reads a listing's prefetch when there is one)."""
        return sorted(self.notes.all(), key=lambda note: (note.noted_at, note.sort_order or 0))

    @property
    def modified_at(self):
        """The last publication, or the latest correction or update when that is later."""
        dates = [super().modified_at, *(note.noted_at for note in self.dated_notes)]
        return max((date for date in dates if date), default=None)

    @property
    def version(self):
        """1 when first published, one more for each correction or update since."""
        return 1 + len(self.dated_notes)

    @property
    def reading_time(self):
        return reading_minutes(f"{self.title} {self.lead} {story_body.reading_text(self.body)}")
