"""The demo newsroom: complete, translated through wagtail-localize, and idempotent."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.models import ArticlePage
from cms.demo import renditions
from cms.taxonomy.models import Category, Country
from interviews.models import InterviewPage
from partners.models import PartnerPage

OTHER_LANGUAGES = ["ru", "pt", "zh-hans", "hi", "ar", "fa", "am"]


def english(model):
    return model.objects.live().filter(locale__language_code="en")


@pytest.mark.django_db
def test_demo_has_the_promised_english_newsroom():
    articles = english(ArticlePage)
    assert articles.count() >= 40
    assert english(InterviewPage).count() == 8
    assert english(PartnerPage).count() == 10
    assert articles.values("category").distinct().count() >= 7
    members = set(
        Country.objects.filter(locale__language_code="en", is_member=True).values_list(
            "code", flat=True
        )
    )
    assert members == {"RU", "BR", "IN", "CN", "ZA", "EG", "IR", "AE"}
    covered = set(articles.values_list("country_links__country__code", flat=True))
    assert members <= covered
    assert all(article.hero_image_id for article in articles)


@pytest.mark.django_db
@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_each_language_has_translated_articles_and_interviews(language):
    articles = ArticlePage.objects.live().filter(locale__language_code=language)
    interviews = InterviewPage.objects.live().filter(locale__language_code=language)
    assert articles.count() >= 12
    assert interviews.count() >= 3
    for page in [*articles, *interviews]:
        source = page.get_translation(page.get_default_locale().get_default())
        # Written in the language, not a copy of the English.
        assert page.title != source.title
        assert page.lead != source.lead
    assert Category.objects.filter(locale__language_code=language).count() == 7


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "am"])
def test_translations_stay_linked_to_their_english_source(language):
    article = ArticlePage.objects.live().filter(locale__language_code=language).first()
    source = article.get_translation(article.get_default_locale().get_default())
    translation_source = TranslationSource.objects.get_for_instance(source)

    translation = Translation.objects.get(
        source=translation_source, target_locale__language_code=language
    )

    assert translation.get_target_instance().pk == article.pk
    total, translated = translation.get_progress()
    assert total > 0 and translated == total
    assert StringTranslation.objects.filter(
        locale=article.locale, translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    ).exists()
    assert article.category.locale_id == article.locale_id
    assert article.country_links.first().country.locale_id == article.locale_id


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    def counts():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "images": get_image_model().objects.count(),
            "sources": TranslationSource.objects.count(),
            "translations": Translation.objects.count(),
            "strings": StringTranslation.objects.count(),
            "countries": Country.objects.count(),
        }

    before = counts()
    call_command("load_demo_newsroom", verbosity=0)
    assert counts() == before


@pytest.mark.django_db
def test_each_demo_partner_has_a_feed_of_stories_in_its_languages(client):
    for partner in PartnerPage.objects.live().filter(locale__language_code="en"):
        languages = set(partner.languages.values_list("language", flat=True))
        response = client.get(f"/en/feeds/partners/{partner.slug}/rss/")

        assert response.status_code == 200, partner.slug
        entries = feedparser.parse(response.content).entries
        assert entries, partner.slug
        assert {urlsplit(entry.link).path.split("/")[1] for entry in entries} <= languages


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_readers_pages_find_every_picture_already_made(client, language):
    """The demo made its renditions at load: a first reader waits for no image encoding."""
    renditions = get_image_model().get_rendition_model().objects
    before = renditions.count()
    article = ArticlePage.objects.live().filter(locale__language_code=language).first()
    interview = InterviewPage.objects.live().filter(locale__language_code=language).first()
    partner = PartnerPage.objects.live().filter(locale__language_code=language).first()
    pages = [f"/{language}/", article.url, interview.url, partner.url, partner.get_parent().url]
    pages += [article.get_parent().url, f"{article.get_parent().url}?page=2"]

    for path in pages:
        assert client.get(path).status_code == 200, path

    assert renditions.count() == before


def test_every_picture_spec_in_the_templates_is_made_by_the_demo():
    """A spec added to a template but not to cms/demo/renditions.py would be encoded on
    readers' first visits (and in every test that renders it)."""
    made = {
        *renditions.LISTING_RENDITIONS,
        *renditions.HERO_RENDITIONS,
        *renditions.BODY_RENDITIONS,
        *renditions.STORY_RENDITIONS,
        renditions.POSTER_RENDITION,
        *renditions.LOGO_RENDITIONS,
        *renditions.PORTRAIT_RENDITIONS,
    }
    root = Path(__file__).resolve().parents[2]
    tag = re.compile(r"{%\s*(?:picture|image|srcset_image)\s+\S+\s+(.*?)%}")
    found = set()
    for template in root.glob("*/**/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        for arguments in tag.findall(template.read_text()):
            specs = []
            for token in arguments.split():
                if "=" in token or token == "as":
                    break
                specs.append(token)
            found.update(Filter.expand_spec(specs))
    assert found, "no picture tags found: the pattern no longer matches the templates"
    assert found <= made, sorted(found - made)
