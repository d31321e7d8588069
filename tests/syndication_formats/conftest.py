"""Stories of the demo newsroom in five scripts, and the schema ninjs output must meet."""

import json
from pathlib import Path

import pytest

from articles.models import ArticlePage
from interviews.models import InterviewPage

BASE_URL = "https://news.example.org"
LANGUAGES = ["en", "ru", "ar", "zh-hans", "am"]
NINJS_SCHEMA = Path(__file__).parent.parent / "data" / "ninjs" / "ninjs-schema_2.1.json"


def demo_story(model, language):
    """A live demo story of the language with an image, a category and countries."""
    stories = model.objects.live().filter(locale__language_code=language)
    story = (
        stories.filter(hero_image__isnull=False, category__isnull=False)
        .exclude(country_links=None)
        .order_by("path")
        .first()
    )
    assert story is not None, f"the demo newsroom has no {model.__name__} in {language}"
    return story


@pytest.fixture
def article(request, db):
    return demo_story(ArticlePage, request.param)


@pytest.fixture
def interview(db):
    return demo_story(InterviewPage, "en")


@pytest.fixture(scope="session")
def ninjs_schema():
    return json.loads(NINJS_SCHEMA.read_text())
