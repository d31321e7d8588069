"""The demo's authors and the bylines of its stories (content/authors.json).

Each story is signed by the desk of its category; a story about China is co-signed by the
Asia editor; Indian society and politics stories carry the partner agency's credit instead.
Translations link each author's own translation, their name written in the language.
Running it twice changes nothing: a story that has bylines keeps them.
"""

from cms.bylines.models import Author, StoryAuthor

from . import images
from .files import SOURCE_LANGUAGE, read, target_languages
from .translating import translate

ASIA_EDITOR = "li-wenjing"
AGENCY = "deccan-wire-service"
AGENCY_BEATS = {"society", "politics"}
# As bylines/author_page.html shows it, a spec cms/demo/renditions.py already lists.
PHOTO_RENDITION = "fill-160x160"


def sign_demo_stories(stories, locales):
    """Gives every story in `stories` (English pages), and its translations, its bylines."""
    people = read("authors.json")["authors"]
    authors = ensure_authors(people, locales)
    for story in stories:
        keys = byline_keys(story, people)
        for page in [story, *(p.specific for p in story.get_translations())]:
            if not page.author_links.exists():
                language = page.locale.language_code
                sign(page, [authors[key][language] for key in keys])


def ensure_authors(people, locales):
    """{key: {language: Author}}: the authors in English and translated into each locale."""
    english = locales[SOURCE_LANGUAGE]
    found = {}
    for key, facts in people.items():
        author = Author.objects.filter(slug=key, locale=english).first()
        if author is None:
            author = Author.objects.create(
                slug=key,
                locale=english,
                kind=facts["kind"],
                name=facts["name"][SOURCE_LANGUAGE],
                role=facts["role"][SOURCE_LANGUAGE],
                bio=facts["bio"][SOURCE_LANGUAGE],
                photo=photo(key, facts) if facts["kind"] == Author.PERSON else None,
                links=[("link", url) for url in facts["links"]],
            )
        found[key] = {SOURCE_LANGUAGE: author}
        for language in target_languages():
            if not author.has_translation(locales[language]):
                fields = ("name", "role", "bio")
                texts = {facts[field][SOURCE_LANGUAGE]: facts[field][language] for field in fields}
                translate(author, locales[language], texts)
            found[key][language] = author.get_translation(locales[language])
    return found


def photo(key, facts):
    picture = images.save_image(
        images.draw_portrait(f"author-{key}"),
        f"Demo author: {facts['name'][SOURCE_LANGUAGE]}",
        f"author-{key}.jpg",
    )
    picture.get_rendition(PHOTO_RENDITION)  # made now, as the demo makes its others
    return picture


def byline_keys(story, people):
    """Which authors sign the story, in order."""
    category = story.category.slug if story.category_id else ""
    countries = {link.country.code for link in story.country_links.all()}
    if category in AGENCY_BEATS and "IN" in countries:
        return [AGENCY]
    desk = [key for key, facts in people.items() if category in facts["desk"]]
    if "CN" in countries:
        desk.append(ASIA_EDITOR)
    return desk or [ASIA_EDITOR]


def sign(page, authors):
    """Publishes the page again with its bylines, as an editor adding them would."""
    page.author_links = [StoryAuthor(author=author) for author in authors]
    revision = page.save_revision()
    if page.live:
        revision.publish()
