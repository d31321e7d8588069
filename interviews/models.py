"""Video interviews: who speaks, what they said, and the recording."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api.fields import MediaFileField
from cms.core.listing import paginate, section_stories, with_story_relations
from cms.core.pages import SectionPage, StoryPage
from cms.core.related import related_stories

from .blocks import TranscriptBlock


class InterviewIndexPage(SectionPage):
    """The interviews section of one locale."""

    subpage_types = ["interviews.InterviewPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("interviews section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        interviews = section_stories(self, InterviewPage)
        context["page_of_results"] = paginate(
            request, interviews, model=InterviewPage, relations=with_story_relations
        )
        return context


class InterviewPage(StoryPage):
    """A video interview; the title is the quote headline."""

    interviewee_name = models.CharField(_("interviewee"), max_length=120)
    interviewee_role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("A YouTube, Vimeo or other oEmbed address; or upload a file below."),
    )
    video_file = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_seconds = models.PositiveIntegerField(
        _("duration in seconds"), validators=[MinValueValidator(1)]
    )
    transcript = StreamField(TranscriptBlock(), blank=True, verbose_name=_("transcript"))

    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("interviewee_name"),
                    FieldPanel("interviewee_role"),
                    FieldPanel("organisation"),
                    FieldPanel("portrait"),
                ],
                heading=_("Interviewee"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("video_url"),
                    FieldPanel("video_file"),
                    FieldPanel("duration_seconds"),
                ],
                heading=_("Video"),
            ),
        ]
        + StoryPage.story_panels
        + [FieldPanel("transcript")]
    )
    parent_page_types = ["interviews.InterviewIndexPage"]
    subpage_types = []

    search_fields = StoryPage.search_fields + [
        index.SearchField("interviewee_name"),
        index.AutocompleteField("interviewee_name"),
        index.SearchField("interviewee_role"),
        index.SearchField("organisation"),
        index.SearchField("transcript"),
    ]
    translatable_fields = StoryPage.story_translatable_fields + [
        TranslatableField("interviewee_name"),
        TranslatableField("interviewee_role"),
        TranslatableField("organisation"),
        TranslatableField("transcript"),
        SynchronizedField("portrait"),
        SynchronizedField("video_url"),
        SynchronizedField("video_file"),
        SynchronizedField("duration_seconds"),
    ]
    api_fields = StoryPage.api_fields + [
        APIField("interviewee_name"),
        APIField("interviewee_role"),
        APIField("organisation"),
        APIField("portrait"),
        APIField("video_url"),
        APIField("video_file", serializer=MediaFileField(read_only=True)),
        APIField("duration_seconds"),
        APIField("transcript"),
    ]

    class Meta:
        verbose_name = _("interview")

    def clean(self):
        super().clean()
        if self.video_url and self.video_file_id:
            raise ValidationError(
                {"video_url": _("Give either a video address or a file, not both.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_stories"] = related_stories(self)
        return context

    @property
    def byline(self):
        """'Name, role' as the listings show it."""
        return list_separator().join(
            part for part in (self.interviewee_name, self.interviewee_role) if part
        )

    @property
    def full_byline(self):
        """'Name, role, organisation' as the interview page shows it."""
        parts = (self.interviewee_name, self.interviewee_role, self.organisation)
        return list_separator().join(part for part in parts if part)


def list_separator():
    # Arabic and Persian write "، ", Chinese "，": the catalogue holds each language's own.
    return pgettext("separator between items of a short list", ", ")
