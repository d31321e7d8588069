"""The "From partners" section of each locale, where imported stories wait as drafts."""

import uuid

from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import ArticleIndexPage
from home.models import HomePage

SECTION_SLUG = "from-partners"


class NoHomePage(Exception):
    """The locale has no home page to hold the section."""


def partners_section(locale):
    """The locale's section, created unpublished the first time a story needs it.

    Every locale's section shares one translation key, so the language switcher and
    wagtail-localize see them as translations of one another. It stays unpublished, out of
    readers' menus, until an editor publishes it along with the first partner story.
    """
    home = HomePage.objects.filter(locale=locale).order_by("path").first()
    if home is None:
        raise NoHomePage(f"the {locale.language_code} locale has no home page")
    section = ArticleIndexPage.objects.child_of(home).filter(slug=SECTION_SLUG).first()
    if section is not None:
        return section
    sibling = ArticleIndexPage.objects.filter(slug=SECTION_SLUG).order_by("path").first()
    with translation.override(locale.language_code):
        section = ArticleIndexPage(
            title=_("From partners"),
            slug=SECTION_SLUG,
            intro=_("Stories from our partner outlets, credited to them."),
            locale=locale,
            translation_key=sibling.translation_key if sibling else uuid.uuid4(),
            live=False,
        )
    home.add_child(instance=section)
    section.save_revision()
    return section
