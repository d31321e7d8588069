"""The transcript of a video interview, question by question."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core import story_body


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.TextBlock()
    answer = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        template = "interviews/blocks/question_answer_block.html"
        preview_value = {
            "question": "How long does a container wait at the port today?",
            "answer": "<p>About two days, half of what it was last year.</p>",
        }
        label = _("Question and answer")

    def story_parts(self, value):
        return [
            story_body.Question(value.get("question") or ""),
            story_body.Paragraph(value.get("answer") or ""),
        ]


class TranscriptBlock(blocks.StreamBlock):
    question_answer = QuestionAnswerBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        icon="pilcrow",
        template="core/blocks/paragraph_block.html",
    )
