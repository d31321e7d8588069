"""Partners' RSS feeds we import stories from, and the entries already imported."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.core.outbound import validate_outbound_url


class PartnerFeed(models.Model):
    """A partner outlet's RSS or Atom feed; its new entries become drafts in one locale."""

    partner = models.ForeignKey(
        "partners.PartnerPage",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="inbound_feeds",
    )
    url = models.URLField(_("feed address"), max_length=500, validators=[validate_outbound_url])
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language of the stories"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    category = models.ForeignKey(
        "taxonomy.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Given to imported stories whose own categories match none of ours, "
            "in the stories' language."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("url"),
        FieldPanel("locale"),
        FieldPanel("category"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("partner feed")
        verbose_name_plural = _("partner feeds")
        ordering = ["partner__title", "url"]
        constraints = [
            models.UniqueConstraint(fields=["url", "locale"], name="unique_partner_feed_locale")
        ]

    def __str__(self):
        return f"{self.partner.title} — {self.url}"

    def clean(self):
        errors = {}
        # The address is checked by its field's validator (the outbound guard).
        if self.category_id and self.locale_id and self.category.locale_id != self.locale_id:
            errors["category"] = _("Choose a category in the language of the stories.")
        if errors:
            raise ValidationError(errors)


class ImportedEntry(models.Model):
    """One entry of a feed, imported once: its guid (or link) is never imported again."""

    feed = models.ForeignKey(PartnerFeed, on_delete=models.CASCADE, related_name="entries")
    entry_key = models.CharField(max_length=500)
    link = models.URLField(max_length=1000, blank=True)
    page = models.ForeignKey(
        "articles.ArticlePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feed", "entry_key"], name="unique_imported_entry")
        ]

    def __str__(self):
        return self.entry_key
