"""Who a story is by: the newsroom's authors, one row per locale, and a story's bylines.

An author is a person who writes for the network, or an organisation credited instead
(an agency, a partner outlet). A story is signed by persons, in order, or by one
organisation (forms.py); a story with no byline is signed by the network itself.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

SLUG_TAKEN = _("Another author in this language already has this slug.")


class Author(TranslatableMixin, index.Indexed, models.Model):
    """A person or an organisation a story is credited to; its name as written in the locale."""

    PERSON = "person"
    ORGANISATION = "organisation"
    KINDS = [(PERSON, _("Person")), (ORGANISATION, _("Organisation (agency credit)"))]

    name = models.CharField(
        pgettext_lazy("a person's or an organisation's", "name"),
        max_length=120,
        help_text=_("As it is written in this language."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Shared by every language of this author: /en/authors/<slug>/."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=PERSON)
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("e.g. Economics correspondent")
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), max_length=600, blank=True)
    links = StreamField(
        [("link", blocks.URLBlock(label=_("web address")))],
        blank=True,
        verbose_name=_("social links"),
        help_text=_("Their pages elsewhere: a social network profile, a personal site."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("links"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("bio"),
        # The same address in every language: /ru/authors/<slug>/ ~ /en/authors/<slug>/.
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("photo"),
        SynchronizedField("links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_author_slug_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The form leaves the locale out, so Django skips the (slug, locale) constraint:
        # without this check a taken slug would fail at the database.
        taken = Author.objects.filter(slug=self.slug, locale_id=self.locale_id)
        if self.locale_id and taken.exclude(pk=self.pk).exists():
            raise ValidationError({"slug": SLUG_TAKEN})

    @property
    def is_person(self):
        return self.kind == self.PERSON

    @property
    def link_urls(self):
        """The addresses of its social links, in order."""
        return [block.value for block in self.links if block.value]


class StoryAuthor(TranslatableMixin, Orderable):
    """One byline of a story, in order; a translation links the author's translation."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="story_links"
    )

    panels = [FieldPanel("author")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["sort_order"]

    def __str__(self):
        return str(self.author)


def story_ids_by(author):
    """Ids of the stories the author signs (any type; a subquery for filtering pages)."""
    return StoryAuthor.objects.filter(author=author).values("page_id")
