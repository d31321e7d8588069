"""The curated taxonomy editors pick from: countries and categories, one row per locale."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Country(TranslatableMixin, index.Indexed, models.Model):
    """A country the network reports on; member states are flagged."""

    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. RU."))],
        help_text=_("ISO 3166-1 alpha-2, e.g. RU, BR, IN."),
    )
    name = models.CharField(_("name"), max_length=100)
    is_member = models.BooleanField(_("member state"), default=False)

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("is_member")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("code", overridable=False),
        SynchronizedField("is_member", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_country_code_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def url_code(self):
        return self.code.lower()

    @property
    def flag(self):
        """The flag emoji: each letter shifted to its regional-indicator symbol."""
        return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in self.code)


class Category(TranslatableMixin, index.Indexed, models.Model):
    """A news category (Economics, Society, ...)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Shared by every language of this category.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_locale")
        ]

    def __str__(self):
        return self.name


class PageCountry(TranslatableMixin, Orderable):
    """Links a page to a country of its own locale; translated along with the page."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="page_links")

    panels = [FieldPanel("country")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("country")
        ordering = ["sort_order"]

    def __str__(self):
        return str(self.country)


def country_links_with_countries():
    """For prefetch_related on pages: their country links and countries in one query, not
    Django's one per step of "country_links__country"."""
    return models.Prefetch("country_links", queryset=PageCountry.objects.select_related("country"))
