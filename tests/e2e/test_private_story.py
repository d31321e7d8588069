"""A chief editor puts a live story behind a password in the admin; readers lose it at once.

The whole journey in a real browser against the served newsroom: the story is on the
front page and its section (and kept in the page cache), the chief editor sets its privacy
in Wagtail's dialog, and a reader without a session then finds it on no listing and in no
search, gets the password form at its address, and reads it after giving the password.
"""

import re
import sqlite3

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_editorial import log_in

pytestmark = pytest.mark.browser

STORY_PASSWORD = "embargo-until-noon"


def newest_english_article(newsroom_dir):
    with sqlite3.connect(newsroom_dir / "e2e.sqlite3") as database:
        return database.execute(
            "SELECT page.id, page.title, page.url_path FROM wagtailcore_page page"
            " JOIN articles_articlepage article ON article.page_ptr_id = page.id"
            " JOIN wagtailcore_locale locale ON page.locale_id = locale.id"
            " WHERE locale.language_code = 'en' AND page.live"
            " ORDER BY page.first_published_at DESC, page.id DESC LIMIT 1"
        ).fetchone()


def test_chief_editor_makes_a_story_private_and_readers_lose_it(
    page: Page, newsroom_url, newsroom_dir
):
    story_id, title, url_path = newest_english_article(newsroom_dir)
    address = "/en/" + url_path.split("/", 2)[2]
    reader = page.request
    for listing in ("/en/", "/en/news/", "/en/news/"):  # the second read is a cache hit
        assert address in reader.get(f"{newsroom_url}{listing}").text()

    log_in(page, "chief")
    page.goto(f"/admin/pages/{story_id}/edit/")
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Change privacy").click()
    dialog = page.locator("#set-privacy")
    dialog.get_by_label("Private, accessible with a shared password").check()
    dialog.locator("input[name='password']").fill(STORY_PASSWORD)
    dialog.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Not visible to the public")).to_be_visible()

    page.context.clear_cookies()
    for listing in ("/en/", "/en/news/", "/en/search/?q=" + title.split()[0]):
        html = reader.get(f"{newsroom_url}{listing}").text()
        assert address not in html, listing
    page.goto(address)
    expect(page.locator("input[name='password']")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(re.compile("Photo:|minute read"))
    page.fill("input[name='password']", STORY_PASSWORD)
    page.locator("form:has(input[name='password']) [type=submit]").click()
    expect(page.locator("h1")).to_have_text(title)
