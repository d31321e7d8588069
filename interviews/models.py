"""Video interviews: who speaks, what they said, and the recording."""

import re
from html import unescape

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.embeds.models import Embed
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core import story_body
from cms.core.api_fields import MediaFileField
from cms.core.listing import paginate, section_stories, with_story_relations
from cms.core.pages import SectionPage, StoryPage
from cms.core.related import related_stories

from .blocks import TranscriptBlock

IFRAME_SRC = re.compile(r'<iframe[^>]*\ssrc="([^"]+)"')


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

    story_kind = "interview"
    search_label = _("Interviews")
    feed_slug = "interviews"
    og_type = "video.other"

    class Meta:
        verbose_name = _("interview")

    @classmethod
    def outbound_queryset(cls, queryset, keywords=False):
        return super().outbound_queryset(queryset, keywords).select_related("video_file")

    @classmethod
    def api_queryset(cls, queryset, images):
        return (
            super()
            .api_queryset(queryset, images)
            .select_related("video_file")
            .prefetch_related(Prefetch("portrait", queryset=images))
        )

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
    def body_stream(self):
        return self.transcript

    def opening_parts(self):
        parts = [story_body.Speaker(self.full_byline)]
        if self.video_url:
            parts.append(story_body.Embed(self.video_url))
        elif self.video_file:
            parts.append(story_body.Video(self.video_file_id, url=self.video_file.url))
        return parts

    def search_words(self):
        return [
            self.interviewee_name,
            self.interviewee_role,
            self.organisation,
        ] + super().search_words()

    @property
    def share_image(self):
        return self.hero_image or self.portrait

    @property
    def video_duration(self):
        return self.duration_seconds

    def shared_video(self):
        if self.video_file:
            source = self.video_file.sources[0]
            return {"url": source["src"], "type": source["type"], "embed": ""}
        if self.video_url:
            return {"url": "", "type": "", "embed": self.player_address()}
        return None

    def player_address(self):
        """The player's address from the embed Wagtail stored for the video (no network),
        else the video's own address."""
        html = Embed.objects.filter(url=self.video_url).values_list("html", flat=True).first()
        found = IFRAME_SRC.search(html or "")
        return unescape(found[1]) if found else self.video_url

    def outbound_byline(self):
        return self.full_byline

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
