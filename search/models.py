"""What the reader's search knows of each live page: one row per story or partner page."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """A live article, interview or partner page as search results show and filter it."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Articles")
        INTERVIEW = "interview", _("Interviews")
        PARTNER = "partner", _("Partner media")

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # The category's translation key, so that one facet value spans every language.
    category_key = models.UUIDField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["locale", "published_at"], name="search_doc_locale_date")]

    def __str__(self):
        return self.title


class SearchDocumentCountry(models.Model):
    """A country a document is tagged with, by ISO code (the same in every language)."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="countries"
    )
    code = models.CharField(max_length=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "code"], name="unique_document_country")
        ]
        indexes = [models.Index(fields=["code", "document"], name="search_doc_country")]

    def __str__(self):
        return self.code
