"""Building search documents from pages: which pages are searchable and what text they hold."""

from django.utils.html import strip_tags

from articles.models import ArticlePage, ArticlePageTag
from interviews.models import InterviewPage
from partners.models import PartnerPage

from .models import SearchDocument

# The text-bearing members of struct blocks: quotes, questions and answers.
TEXT_KEYS = ("text", "attribution", "caption", "question", "answer")

KINDS = {
    ArticlePage: SearchDocument.Kind.ARTICLE,
    InterviewPage: SearchDocument.Kind.INTERVIEW,
    PartnerPage: SearchDocument.Kind.PARTNER,
}


def searchable_models():
    return list(KINDS)


def is_searchable(page):
    return type(page) in KINDS and page.live and not page.get_view_restrictions().exists()


def stream_text(stream):
    """The words of a body or transcript stream, read from its stored JSON.

    Reading the raw blocks skips converting images and embeds, which costs queries and
    is most of the time of a rebuild.
    """
    parts = []
    for block in stream.raw_data:
        value = block["value"]
        if isinstance(value, str) and not value.startswith(("http://", "https://")):
            parts.append(strip_tags(value))
        elif isinstance(value, dict):
            parts += [strip_tags(value[key]) for key in TEXT_KEYS if value.get(key)]
    return " ".join(parts)


def _story_body(page, tag_names):
    names = [country.name for country in page.countries]
    if page.category_id:
        names.append(page.category.name)
    if isinstance(page, InterviewPage):
        parts = [page.interviewee_name, page.interviewee_role, page.organisation]
        parts.append(stream_text(page.transcript))
    else:
        parts = [stream_text(page.body)]
        parts += tag_names.get(page.pk, []) if tag_names is not None else page.tags.names()
    return " ".join(part for part in parts + names if part)


def tag_names_of(pages):
    """{page id: tag names} of a batch of articles in one query (modelcluster's tag
    manager does not use prefetched tags)."""
    names = {}
    rows = ArticlePageTag.objects.filter(content_object__in=pages).values_list(
        "content_object_id", "tag__name"
    )
    for page_id, name in rows:
        names.setdefault(page_id, []).append(name)
    return names


def build_document(page, tag_names=None):
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
        document.body = _story_body(page, tag_names)
        document.category_key = page.category.translation_key if page.category_id else None
        # Years are a story's dateline; a partner outlet has none.
        document.year = published.year if published else None
        codes = [country.code for country in page.countries]
    return document, sorted(set(codes))
