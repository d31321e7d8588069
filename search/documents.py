"""Building search documents from pages: which pages are searchable and what text they hold."""

from django.utils.html import strip_tags

from articles.models import ArticlePage
from cms.core.blocks import story_text
from interviews.models import InterviewPage
from partners.models import PartnerPage

from .models import SearchDocument

KINDS = {
    ArticlePage: SearchDocument.Kind.ARTICLE,
    InterviewPage: SearchDocument.Kind.INTERVIEW,
    PartnerPage: SearchDocument.Kind.PARTNER,
}


def searchable_models():
    return list(KINDS)


def is_searchable(page):
    return type(page) in KINDS and page.live and not page.get_view_restrictions().exists()


def _transcript_text(block):
    if block.block_type == "question_answer":
        return f"{block.value['question']} {strip_tags(block.value['answer'].source)}"
    return strip_tags(block.value.source)


def _story_body(page):
    names = [country.name for country in page.countries]
    if page.category_id:
        names.append(page.category.name)
    if isinstance(page, InterviewPage):
        parts = [page.interviewee_name, page.interviewee_role, page.organisation]
        parts += [_transcript_text(block) for block in page.transcript]
    else:
        parts = [story_text(page.body)]
        parts += [tag.name for tag in page.tags.all()]
    return " ".join(part for part in parts + names if part)


def build_document(page):
    """The unsaved document of a specific live page and its country codes."""
    published = page.first_published_at
    document = SearchDocument(
        page_id=page.pk,
        locale_id=page.locale_id,
        kind=KINDS[type(page)],
        published_at=published,
        title=page.title,
    )
    if isinstance(page, PartnerPage):
        document.summary = page.description
        document.body = f"{page.country.name} {page.website}"
        codes = [page.country.code]
    else:
        document.summary = page.lead
        document.body = _story_body(page)
        document.category_key = page.category.translation_key if page.category_id else None
        # Years are a story's dateline; a partner outlet has none.
        document.year = published.year if published else None
        codes = [country.code for country in page.countries]
    return document, sorted(set(codes))
