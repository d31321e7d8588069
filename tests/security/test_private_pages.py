"""Attack: reading a private story without its password, through any other door.

An editor puts a live story behind a password (or a login). Its title, lead and pictures
must then leave every place a reader finds stories: its section, its category and
country listings, the home page, other stories' related stories and "read also" links,
search and its suggestions. And the restriction must hold in every process at once: a
worker that kept the page, or believed no page was private, still asks for the password.
"""

import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from cms.taxonomy.models import Country, PageCountry
from tests.conftest import REPO_ROOT, subprocess_env
from tests.factories import publish_child
from tests.loopback import PurgeRecorder, serving

SECRET_TITLE = "Zanzibarquill budget talks move behind closed doors"
# What a listing or a result shows of it (the query itself is echoed by search).
SHOWN_TITLE = "budget talks move behind closed doors"
SECRET_LEAD = "Embargoed lead of the Zanzibarquill story."


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """As readers are served: whole pages kept, as well as facts and cards."""
    settings.PAGE_CACHE_ENABLED = True


def english_news():
    return ArticleIndexPage.objects.get(locale__language_code="en", slug="news")


def demo_story_sharing_taxonomy_with(story):
    return (
        ArticlePage.objects.live()
        .filter(locale=story.locale, category=story.category)
        .exclude(pk=story.pk)
        .first()
    )


@pytest.fixture
def secret_story(db, django_capture_on_commit_callbacks):
    """A live English story, the newest of the site, with a category and two countries."""
    section = english_news()
    template = ArticlePage.objects.live().filter(locale=section.locale).exclude(category=None)
    model = template.first()
    countries = Country.objects.filter(locale=section.locale, code__in=["BR", "IN"])
    story = ArticlePage(
        title=SECRET_TITLE,
        slug="zanzibarquill-budget",
        lead=SECRET_LEAD,
        category=model.category,
        hero_image=model.hero_image,
        first_published_at=timezone.now(),
        body=[("paragraph", RichText("<p>The full Zanzibarquill text.</p>"))],
        country_links=[PageCountry(country=country) for country in countries],
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_child(section, story)
    return ArticlePage.objects.get(pk=story.pk)


def where_readers_find(story):
    """Every reader address that lists or suggests stories like this one."""
    neighbour = demo_story_sharing_taxonomy_with(story)
    return [
        "/en/",
        story.get_parent().url,
        f"/en/categories/{story.category.slug}/",
        "/en/countries/br/",
        neighbour.url,
        "/en/search/results.json?q=Zanzibarquill",
        "/en/search/suggest.json?q=Zanzibarq",
        "/en/search/?q=Zanzibarquill",
    ]


def shown(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def restrict(story, **how):
    return PageViewRestriction.objects.create(
        page=story, restriction_type=how.get("type", "password"), password="open-sesame"
    )


@pytest.mark.django_db
def test_a_story_made_private_leaves_every_listing_related_stories_and_search(
    client, secret_story
):
    addresses = where_readers_find(secret_story)
    # Read once while public: every cache (pages, cards, facts, search) now holds it.
    for address in addresses:
        assert secret_story.url in shown(client, address), address

    restrict(secret_story)

    for address in addresses:
        body = shown(client, address)
        assert secret_story.url not in body, address
        assert SHOWN_TITLE not in body, address
        assert SECRET_LEAD not in body, address
    # Its own address asks for the password instead of showing the text.
    page = client.get(secret_story.url)
    assert "The full Zanzibarquill text." not in page.content.decode()
    assert 'name="password"' in page.content.decode()


@pytest.mark.django_db
def test_a_story_in_a_private_section_is_listed_nowhere(client, secret_story):
    # A login restriction on the whole section covers every story under it.
    restrict(secret_story.get_parent(), type="login")

    for address in ["/en/", f"/en/categories/{secret_story.category.slug}/", "/en/countries/br/"]:
        assert secret_story.url not in shown(client, address), address
    data = client.get("/en/search/results.json", {"q": "Zanzibarquill"}).json()
    assert data["results"] == []


@pytest.mark.django_db
def test_lifting_the_restriction_brings_the_story_back_to_search(
    client, secret_story, django_capture_on_commit_callbacks
):
    restriction = restrict(secret_story)
    assert client.get("/en/search/results.json", {"q": "Zanzibarquill"}).json()["total"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    results = client.get("/en/search/results.json", {"q": "Zanzibarquill"}).json()["results"]
    assert [result["id"] for result in results] == [secret_story.pk]


@pytest.mark.django_db
def test_a_read_also_link_to_a_private_story_shows_neither_its_title_nor_its_address(
    client, secret_story
):
    neighbour = demo_story_sharing_taxonomy_with(secret_story)
    neighbour.body.append(("related_link", {"page": secret_story, "url": "", "title": ""}))
    neighbour.save_revision().publish()
    assert secret_story.url in shown(client, neighbour.url)

    restrict(secret_story)

    body = shown(client, neighbour.url)
    assert SHOWN_TITLE not in body
    assert secret_story.url not in body


@pytest.mark.django_db
def test_a_restriction_written_without_signals_is_enforced_at_the_next_request(
    client, secret_story
):
    """What another process does: this process hears no signal and moves no generation."""
    assert "The full Zanzibarquill text." in shown(client, secret_story.url)
    assert client.get(secret_story.url)["X-Page-Cache"] == "hit"
    assert secret_story.url in shown(client, "/en/")

    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=secret_story, restriction_type="password", password="x")]
    )

    page = client.get(secret_story.url).content.decode()
    assert "The full Zanzibarquill text." not in page
    assert 'name="password"' in page
    assert secret_story.url not in shown(client, "/en/")
    assert SHOWN_TITLE not in shown(client, "/en/feeds/rss/")


# A worker of the embedded default (its own per-process cache) serving the addresses it
# reads on its standard input, one answer a line, while the test writes to the database.
SERVE_LINES = textwrap.dedent(
    """
    import json
    import sys

    import django
    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    app = WSGIHandler()
    for line in sys.stdin:
        statuses = []
        environ = RequestFactory().get(line.strip(), HTTP_HOST="127.0.0.1").environ
        response = app(environ, lambda status, headers: statuses.append((status, headers)))
        body = b"".join(response).decode()
        response.close()
        cache = dict(statuses[0][1]).get("X-Page-Cache", "")
        print(json.dumps({"status": statuses[0][0], "body": body, "cache": cache}), flush=True)
    """
)


@pytest.mark.django_db
def test_another_process_enforces_a_restriction_as_soon_as_it_is_written(
    demo_newsroom_copy,
):
    database, media = demo_newsroom_copy
    with sqlite3.connect(database) as db:
        page_id, url_path = db.execute(
            "SELECT p.id, p.url_path FROM wagtailcore_page p JOIN articles_articlepage a"
            " ON a.page_ptr_id = p.id JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE p.live AND l.language_code = 'en' ORDER BY p.id LIMIT 1"
        ).fetchone()
    address = "/en/" + url_path.split("/", 2)[2]
    worker = subprocess.Popen(
        [sys.executable, "-c", SERVE_LINES],
        cwd=REPO_ROOT,
        env=subprocess_env(database, media),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def served():
        worker.stdin.write(address + "\n")
        worker.stdin.flush()
        return json.loads(worker.stdout.readline())

    try:
        assert served()["cache"] == "miss"
        kept = served()
        assert (kept["cache"], 'name="password"' in kept["body"]) == ("hit", False)

        # The administrator's process (here: the test) restricts the page.
        with sqlite3.connect(database) as db:
            db.execute(
                "INSERT INTO wagtailcore_pageviewrestriction"
                " (page_id, restriction_type, password) VALUES (?, 'password', 'x')",
                [page_id],
            )

        answer = served()
        assert answer["status"].startswith("200")
        assert 'name="password"' in answer["body"]
        assert answer["cache"] != "hit"
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)


@pytest.mark.django_db
def test_a_restriction_purges_the_story_and_where_it_showed_at_the_cdn(
    settings, secret_story, django_capture_on_commit_callbacks
):
    """A CDN keeps readers' copies until told: it must hear of the page made private."""
    PurgeRecorder.purged = []
    with serving(PurgeRecorder) as server:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": server.url,
            }
        }
        with django_capture_on_commit_callbacks(execute=True):
            restriction = restrict(secret_story.get_parent(), type="login")
        purged_paths = {path for _host, path in PurgeRecorder.purged}
        assert {secret_story.url, secret_story.get_parent().url, "/en/", "/ru/"} <= purged_paths

        PurgeRecorder.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            restriction.delete()
        assert secret_story.url in {path for _host, path in PurgeRecorder.purged}
