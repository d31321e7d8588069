"""What the soak asks of the site: reader pages and searches in every language."""

from collections import Counter
from itertools import chain
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from articles.models import ArticleIndexPage, ArticlePage
from interviews.models import InterviewIndexPage, InterviewPage
from partners.models import PartnerIndexPage
from search.analysis import UNSPACED, WORD
from search.models import SearchDocument

NEWEST_ARTICLES = 12
NEWEST_INTERVIEWS = 2
WORDS_PER_LANGUAGE = 8


def languages():
    return [code for code, _name in settings.LANGUAGES]


def as_request_path(path):
    """ASCII, as it travels in a request line (slugs and words may be in any script)."""
    return quote(path, safe="/?=&%")


def live(model, language):
    return model.objects.live().filter(locale__language_code=language)


def reader_paths():
    """Home, sections (first and second page), indexes and newest stories of every language."""
    paths = []
    for language in languages():
        paths.append(f"/{language}/")
        for section in live(ArticleIndexPage, language):
            paths += [section.url, f"{section.url}?page=2"]
        for index in (*live(InterviewIndexPage, language), *live(PartnerIndexPage, language)):
            paths.append(index.url)
        for model, count in ((ArticlePage, NEWEST_ARTICLES), (InterviewPage, NEWEST_INTERVIEWS)):
            newest = live(model, language).order_by("-first_published_at", "-pk")[:count]
            paths += [page.url for page in newest]
    paths = [as_request_path(path) for path in paths if path]
    if not paths:
        raise LookupError("The database has no live reader pages to ask for.")
    return paths


def typed_words(title):
    """Whole words of spaced scripts; the first two characters of an unspaced run (Chinese)."""
    for word in WORD.findall(title):
        if UNSPACED.fullmatch(word):
            yield word[:2]
        elif len(word) >= 4:
            yield word.lower()


def search_words(language):
    """Frequent and rare words of the language's newest titles, as readers might type them."""
    titles = SearchDocument.objects.filter(locale__language_code=language)
    titles = titles.order_by("-published_at").values_list("title", flat=True)[:500]
    counts = Counter(chain.from_iterable(map(typed_words, titles)))
    ranked = [word for word, _count in counts.most_common()]
    half = WORDS_PER_LANGUAGE // 2
    return ranked[:half] + ranked[half:][-half:]


def search_paths():
    paths = []
    for language in languages():
        with translation.override(language):
            search = reverse("search")
        paths += [f"{search}?q={quote(word)}" for word in search_words(language)]
    if not paths:
        raise LookupError("The search index is empty: run update_index --readers-only first.")
    return paths
