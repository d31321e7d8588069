"""The demo's bylines, and stories signed for a test as an editor signs them."""

import pytest

from articles.models import ArticlePage
from cms.bylines.models import Author, StoryAuthor
from interviews.models import InterviewPage

# Fixtures shared with the newsletter's and the partner formats' tests.
from tests.newsletter.conftest import confirmed_subscriber  # noqa: F401
from tests.syndication_formats.conftest import ninjs_schema  # noqa: F401

ORIGIN = "http://testserver"
# Demo stories (cms/demo/bylines.py): two persons, a partner agency's credit, an interview.
CO_SIGNED = "novosibirsk-rail-container-hub"  # Marina Volkova and Li Wenjing
AGENCY_CREDITED = "gujarat-dairy-cooperative-training"  # Deccan Wire Service
SIGNED_INTERVIEW = "durban-port-logistics-manager"  # Marina Volkova


def author(language, slug):
    return Author.objects.get(slug=slug, locale__language_code=language)


def story(model, language, slug):
    return model.objects.get(slug=slug, locale__language_code=language)


def sign(page, *authors):
    """Publishes the page with these bylines, in order."""
    page.author_links = [StoryAuthor(author=signer) for signer in authors]
    page.save_revision().publish()
    return page


def signed_by(language, signer):
    """Live stories of the language that the author signs, newest first (as pages)."""
    stories = [
        *ArticlePage.objects.live().filter(locale__language_code=language),
        *InterviewPage.objects.live().filter(locale__language_code=language),
    ]
    stories = [s for s in stories if signer.pk in {a.pk for a in s.authors}]
    stories.sort(key=lambda s: (s.first_published_at, s.pk), reverse=True)
    return stories


@pytest.fixture
def marina(db):
    return {language: author(language, "marina-volkova") for language in ("en", "ru", "ar")}
