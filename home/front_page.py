"""What a language's chief editors curate on its home page: the stories picked for the front
page's slots, in order, each shown until an optional time, and a breaking-news banner.

They are fields of the home page, so a change is a draft with its revisions, preview,
publication and audit log like any page edit. Each language curates its own: none of these
fields is translated or synchronised from the English home page (wagtail-localize), nor
copied into a new translation. What readers are shown is worked out in curation.py.
"""

from django import forms
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail_localize.fields import BaseTranslatableField

from cms import privacy
from cms.core.page_permissions import NewsroomPagePermissionTester
from cms.core.stories import StoryChooserPanel, story_models

# The top story and the secondary stories under it.
FRONT_PAGE_SLOTS = 4


class FrontPagePick(Orderable):
    """A story chosen for a slot of a home page's front page: the first is the top story."""

    page = ParentalKey("home.HomePage", on_delete=models.CASCADE, related_name="front_page_picks")
    story = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )
    until = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it until it is replaced."),
    )

    panels = [StoryChooserPanel("story"), FieldPanel("until")]

    class Meta(Orderable.Meta):
        # Picks set in code rather than the admin's form carry no order: they keep the
        # order they were added in (PostgreSQL returns rows of equal keys in any order).
        ordering = ["sort_order", "pk"]
        verbose_name = _("front page story")
        verbose_name_plural = _("front page stories")


class KeptPerLanguage(BaseTranslatableField):
    """A field each language's page keeps as its own editors set it: wagtail-localize
    neither extracts it for translators nor copies it from the source when it syncs."""

    def __repr__(self):
        return f"<KeptPerLanguage {self.field_name}>"


FRONT_PAGE_FIELDS = [
    "front_page_picks",
    "banner_text",
    "banner_page",
    "banner_url",
    "banner_until",
]


class FrontPageForm(WagtailAdminPageForm):
    """Picks must be live public stories of the page's own language, each picked once."""

    def clean(self):
        cleaned_data = super().clean()
        picks = self.formsets.get("front_page_picks")
        if picks is not None:
            self._check_picks(picks)
        page = cleaned_data.get("banner_page")
        if page is not None:
            self._check_banner_page(page)
        return cleaned_data

    def _check_picks(self, formset):
        seen = set()
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get(DELETION_FIELD_NAME):
                continue
            story = form.cleaned_data.get("story")
            if story is None:
                continue
            problem = self._story_problem(story) or (
                _("This story is already on the front page.") if story.pk in seen else None
            )
            if problem:
                form.add_error("story", problem)
            seen.add(story.pk)

    def _story_problem(self, story):
        if story.specific_class not in story_models():
            return _("Choose a story: an article or an interview.")
        if story.locale_id != self.instance.locale_id:
            return _("Choose a story in the language of this home page.")
        if not story.live or privacy.is_private(story):
            return _("Choose a story readers can see: this one is not published or is private.")
        return None

    def _check_banner_page(self, page):
        if page.locale_id != self.instance.locale_id:
            self.add_error("banner_page", _("Choose a page in the language of this home page."))
        elif not page.live or privacy.is_private(page):
            self.add_error(
                "banner_page",
                _("Choose a page readers can see: this one is not published or is private."),
            )


class FrontPagePermissionTester(NewsroomPagePermissionTester):
    """A home page is edited by those who may publish it (chief editors). Translators'
    rights on their language's tree sit on its home page, so Wagtail would let them edit
    it too; they edit the pages under it."""

    def can_edit(self):
        may_publish = self.user.is_superuser or "publish" in getattr(self, "permissions", ())
        return may_publish and super().can_edit()


class FrontPageMixin(models.Model):
    """The curated front page's fields, its admin panels and the rules that keep it per
    language, for the home page class."""

    banner_text = models.CharField(
        _("breaking news"),
        max_length=200,
        blank=True,
        help_text=_("One line shown above the front page. Leave empty for no banner."),
    )
    banner_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("links to page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_url = models.URLField(_("or links to address"), blank=True)
    banner_until = models.DateTimeField(
        _("banner shown until"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it until it is removed."),
    )

    front_page_panels = [
        InlinePanel(
            "front_page_picks",
            heading=_("Front page stories"),
            label=_("Story"),
            max_num=FRONT_PAGE_SLOTS,
            help_text=_(
                "The first is the top story, the others follow in this order. An empty "
                "slot, or one whose time has passed, shows the newest story instead."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("banner_text"),
                PageChooserPanel("banner_page"),
                FieldPanel("banner_url"),
                FieldPanel("banner_until"),
            ],
            heading=_("Breaking news"),
        ),
    ]

    override_translatable_fields = [KeptPerLanguage(name) for name in FRONT_PAGE_FIELDS]
    # A new translation of the home page starts with an empty front page, not the English
    # one's stories.
    exclude_fields_in_copy = FRONT_PAGE_FIELDS

    class Meta:
        abstract = True

    @classmethod
    def reader_queryset(cls, queryset):
        """Home pages as readers' requests keep them (cms/caching/reader_facts.py): with
        their picks and banner link, which the front page then reads with no query."""
        return queryset.select_related("banner_page").prefetch_related("front_page_picks")

    def permissions_for_user(self, user):
        return FrontPagePermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        if self.banner_page_id and self.banner_url:
            errors["banner_url"] = _("Link to a page or to an address, not both.")
        has_banner_details = self.banner_page_id or self.banner_url or self.banner_until
        if has_banner_details and not self.banner_text:
            errors["banner_text"] = _("Write the banner's text, or clear its link and time.")
        if errors:
            raise forms.ValidationError(errors)
