"""Partner media: the outlets in each country that republish the network's content."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.api_fields import LanguageCodesField
from cms.core.listing import paginate
from cms.core.page_permissions import ChiefEditorsDeleteMixin
from cms.core.page_workflow import NearestWorkflowMixin
from cms.core.pages import SectionPage
from cms.core.searchable import SearchablePage, SearchEntry
from cms.core.stories import StoryChooserPanel
from cms.privacy import ViewRestrictionsMixin, is_private, public


class PartnerIndexPage(SectionPage):
    """The partner outlets of one locale, by country."""

    subpage_types = ["partners.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = public(PartnerPage.objects.live().child_of(self)).order_by(
            "country__name", "title"
        )
        context["page_of_results"] = paginate(
            request, partners, per_page=24, relations=partner_card_relations
        )
        return context


def partner_card_relations(partners):
    return partners.select_related("country", "logo").prefetch_related("languages")


class PartnerPage(
    ChiefEditorsDeleteMixin, NearestWorkflowMixin, ViewRestrictionsMixin, SearchablePage, Page
):
    """A partner outlet; the page title is the outlet's name."""

    class Kind(models.TextChoices):
        TV = "tv", _("TV channel")
        ONLINE = "online", _("Online media")
        PRINT = "print", _("Print")
        AGENCY = "agency", _("News agency")

    country = models.ForeignKey(
        "taxonomy.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"))
    description = models.TextField(_("description"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
        InlinePanel("languages", label=_("Languages it republishes in")),
        InlinePanel("republications", label=_("Our content it carried")),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("locale_id"),
        index.FilterField("kind"),
        index.RelatedFields("country", [index.SearchField("name")]),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("description"),
        TranslatableField("country"),
        SynchronizedField("kind"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("languages"),
        SynchronizedField("republications"),
    ]
    api_fields = [
        APIField("country"),
        APIField("kind"),
        APIField("logo"),
        APIField("website"),
        APIField("description"),
        APIField("languages", serializer=LanguageCodesField(read_only=True)),
    ]

    search_kind = "partner"
    search_label = _("Partner media")

    class Meta:
        verbose_name = _("partner")

    @classmethod
    def search_queryset(cls, queryset):
        return super().search_queryset(queryset).select_related("country")

    def search_entry(self):
        return SearchEntry(
            summary=self.description,
            body=f"{self.country.name} {self.website}",
            country_codes=[self.country.code],
        )

    @classmethod
    def api_queryset(cls, queryset, images):
        return queryset.select_related("country").prefetch_related(
            "languages", Prefetch("logo", queryset=images)
        )

    @property
    def share_image(self):
        return self.logo

    def carried_stories(self):
        """The live public stories it republished, in this page's language where translated."""
        originals = [link.page for link in self.republications.select_related("page")]
        translations = {
            page.translation_key: page
            for page in public(Page.objects.live()).filter(
                locale_id=self.locale_id,
                translation_key__in=[original.translation_key for original in originals],
            )
        }
        stories = [translations.get(original.translation_key, original) for original in originals]
        return [story for story in stories if story.live and not is_private(story)]


class PartnerLanguage(Orderable):
    """A language the partner republishes our content in."""

    partner = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["partner", "language"], name="unique_partner_language")
        ]

    def __str__(self):
        return self.get_language_display()


class PartnerRepublication(Orderable):
    """One of our stories the partner carried."""

    partner = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="republications")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [StoryChooserPanel("page")]
