"""A third story type is one new app: nothing else in the code base changes.

A photo gallery app is written into a temporary folder (never into the repository) and
installed beside ours in a fresh process with a database of its own; the only change
outside the app is its line in INSTALLED_APPS. Its stories must then be everywhere a story
goes: the category and country listings, search with a type filter of its own, the feeds
with a section feed of its own, the partner formats, related stories, and the newsroom's
review workflow. A module that lists the story types by hand fails here.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GALLERY_APP = {
    "__init__.py": "",
    "migrations/__init__.py": "",
    "apps.py": """
        from django.apps import AppConfig


        class GalleriesConfig(AppConfig):
            name = "galleries"
    """,
    "models.py": """
        from django.utils.translation import gettext_lazy as _
        from wagtail import blocks
        from wagtail.fields import StreamField
        from wagtail.models import Page

        from cms.core.blocks import ImageBlock, QuoteBlock
        from cms.core.pages import SectionPage, StoryPage


        class GalleryIndexPage(SectionPage):
            subpage_types = ["galleries.GalleryPage"]


        class PicturesBlock(blocks.StreamBlock):
            image = ImageBlock()
            quote = QuoteBlock()
            paragraph = blocks.RichTextBlock()


        class GalleryPage(StoryPage):
            pictures = StreamField(PicturesBlock(), blank=True)

            content_panels = Page.content_panels + StoryPage.story_panels
            parent_page_types = ["galleries.GalleryIndexPage"]
            subpage_types = []
            story_kind = "gallery"
            search_label = _("Galleries")
            feed_slug = "galleries"

            @property
            def body_stream(self):
                return self.pictures
    """,
    "templates/galleries/gallery_index_page.html": """
        {% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>{% endblock %}
    """,
    "templates/galleries/gallery_page.html": """
        {% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>{% endblock %}
    """,
}

SETTINGS = """
    from cms.settings.test import *  # noqa: F403

    INSTALLED_APPS = [*INSTALLED_APPS, "galleries"]  # noqa: F405
    DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "{db}"}}}}
    MEDIA_ROOT = "{media}"
"""

# Builds a newsroom of one language with one story of each type, then reads every place
# a story shows, as readers and partners do; prints what it found as JSON.
CHECKS = """
    import json

    import django

    django.setup()

    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Locale, Page, Site, WorkflowPage
    from wagtail.rich_text import RichText

    from articles.models import ArticleIndexPage, ArticlePage
    from cms.core.related import related_stories
    from cms.distribution.items import items_for_pages
    from cms.taxonomy.models import Category, Country, PageCountry
    from galleries.models import GalleryIndexPage, GalleryPage
    from home.models import HomePage

    locale = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Network News", slug="home-en"))
    Site.objects.update(root_page=home, hostname="testserver", port=80)
    category = Category.objects.create(name="Economics", slug="economics", locale=locale)
    country = Country.objects.create(name="Brazil", code="BR", locale=locale)


    def story(section, model, title, **fields):
        page = model(
            title=title, lead="A lead.", category=category, live=False,
            country_links=[PageCountry(country=country)], **fields,
        )
        section.add_child(instance=page)
        page.save_revision().publish()
        return page


    news = home.add_child(instance=ArticleIndexPage(title="News", slug="news"))
    galleries = home.add_child(instance=GalleryIndexPage(title="Galleries", slug="galleries"))
    article = story(news, ArticlePage, "Port report", body=[])
    pictures = [
        ("paragraph", RichText("<p>Cranes at Picturetext dawn.</p>")),
        ("quote", {"text": "Quoteword on the quay.", "attribution": "A docker"}),
    ]
    gallery = story(galleries, GalleryPage, "Galleryword harbour", pictures=pictures)
    call_command("setup_editorial_roles", verbosity=0)

    client = Client()


    def shows(url, text="Galleryword"):
        response = client.get(url)
        return [response.status_code, text in response.content.decode()]


    [item] = items_for_pages([gallery], base_url="https://partner.example")
    print(json.dumps({
        "addable under home": GalleryIndexPage.can_create_at(home),
        "own page": shows(gallery.url),
        "category listing": shows("/en/categories/economics/"),
        "country listing": shows("/en/countries/br/"),
        "search": shows("/en/search/?q=Picturetext"),
        "search type filter": shows("/en/search/?q=Picturetext&type=gallery", "Galleries"),
        "feed of every story": shows("/en/feeds/rss/"),
        "feed of galleries": shows("/en/feeds/galleries/atom/", "Quoteword"),
        "category feed": shows("/en/feeds/categories/economics/rss/"),
        "partner item": [item.kind, item.guid.startswith("urn:uuid:"),
                         "Quoteword" in item.body_html],
        "related to the article": [s.pk for s in related_stories(article)] == [gallery.pk],
        "review workflow": WorkflowPage.objects.filter(page=galleries).exists(),
    }))
"""


def write_app(folder):
    for name, text in GALLERY_APP.items():
        path = folder / "galleries" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip())


def run(folder, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gallery_settings",
        "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)]),
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_a_photo_gallery_app_is_a_story_type_everywhere_with_no_other_change(tmp_path):
    write_app(tmp_path)
    settings = SETTINGS.format(db=tmp_path / "db.sqlite3", media=tmp_path / "media")
    (tmp_path / "gallery_settings.py").write_text(textwrap.dedent(settings))
    (tmp_path / "checks.py").write_text(textwrap.dedent(CHECKS))
    run(tmp_path, "manage.py", "makemigrations", "galleries", "-v0")
    run(tmp_path, "manage.py", "migrate", "--noinput", "-v0")

    found = json.loads(run(tmp_path, str(tmp_path / "checks.py")).strip().splitlines()[-1])

    assert found == {
        "addable under home": True,
        "own page": [200, True],
        "category listing": [200, True],
        "country listing": [200, True],
        "search": [200, True],
        "search type filter": [200, True],
        "feed of every story": [200, True],
        "feed of galleries": [200, True],
        "category feed": [200, True],
        "partner item": ["gallery", True, True],
        "related to the article": True,
        "review workflow": True,
    }
