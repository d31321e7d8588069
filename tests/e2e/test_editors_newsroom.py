"""The editors' newsroom in a real browser (issue #19), each step as the role that does it.

A reporter signs a story with a byline and submits it; the editor, then the chief editor,
approve it from the first panel of their dashboards and are told what happened; readers
see the byline and the author's page; the chief editor puts the story on top of the
English front page with a breaking-news line, which an editor may not do.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_editorial import (
    english_page_id,
    log_in,
    save_first_draft,
    start_article,
    submit_for_review,
    write_first_paragraph,
)

pytestmark = pytest.mark.browser

HEADLINE = "Volga ferry line adds winter crossings"
LEAD = "Ferries will cross the Volga at Samara through the winter."
PARAGRAPH = "Two ice-class ferries will keep the line open until April."
AUTHOR = "Marina Volkova"
BANNER = "Ferry timetable changes from Monday"


def panel(page: Page, heading):
    """A dashboard panel, found by its heading as a person finds it."""
    return page.locator("section.w-panel", has=page.get_by_role("heading", name=heading))


def choose_author(page: Page, name):
    page.get_by_role("button", name="Add Author").click()
    page.get_by_role("button", name="Choose author").click()
    page.locator(".modal-dialog").get_by_role("link", name=name).first.click()
    expect(page.locator("#id_author_links-0-author-title")).to_have_text(name)


def approve_from_dashboard(page: Page, told):
    page.goto("/admin/")
    # Reviewers see what awaits them first.
    expect(page.locator("main .w-panel__heading").first).to_have_text("Awaiting your review")
    row = panel(page, "Awaiting your review").locator("tr", has_text=HEADLINE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(told)
    expect(panel(page, "Awaiting your review").locator("tr", has_text=HEADLINE)).to_have_count(0)


def put_on_top_of_front_page(page: Page, home):
    page.goto(f"/admin/pages/{home}/edit/")
    page.get_by_role("tab", name="Front page").click()
    top = page.locator("#id_front_page_picks-0-story-chooser")
    top.get_by_role("button", name="Actions").click()
    top.get_by_role("button", name="Choose another page").click()
    chooser = page.locator(".modal-dialog")
    chooser.get_by_role("textbox", name="Search term").fill("Volga ferry")
    # The translations' drafts share the headline: the English story is the one to pick.
    chooser.locator("tr", has_text="English").get_by_role("link", name=HEADLINE).click()
    expect(page.locator("#id_front_page_picks-0-story-title")).to_have_text(HEADLINE)
    page.fill("#id_banner_text", BANNER)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("has been published")


def test_a_signed_story_goes_through_the_dashboards_to_the_top_of_the_front_page(
    page: Page, newsroom_url, newsroom_dir
):
    news = english_page_id(newsroom_dir, "page.slug = ?", "news")
    home = english_page_id(newsroom_dir, "page.depth = 2")

    log_in(page, "reporter")
    start_article(page, news, HEADLINE, LEAD)
    choose_author(page, AUTHOR)
    save_first_draft(page)
    write_first_paragraph(page, PARAGRAPH)
    submit_for_review(page)
    page.goto("/admin/")
    expect(panel(page, "Your pages and snippets in a workflow")).to_contain_text(HEADLINE)
    # Warnings about the widgets' sources are for those who manage the widgets.
    expect(panel(page, "Stale rates and weather")).to_have_count(0)

    log_in(page, "editor")
    approve_from_dashboard(page, f"Approved: “{HEADLINE}” goes on to Chief editor approval.")
    log_in(page, "chief")
    approve_from_dashboard(page, f"Published: “{HEADLINE}” is live.")

    page.context.clear_cookies()
    page.goto("/en/news/")
    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page.locator(".story__byline")).to_have_text(f"By {AUTHOR}")
    page.locator(".story__byline").get_by_role("link", name=AUTHOR).click()
    expect(page).to_have_url(re.compile(r"/en/authors/[\w-]+/$"))
    expect(page.locator("main")).to_contain_text(HEADLINE)

    # The front page is the chief editors': an editor is turned back, saying why.
    log_in(page, "editor")
    page.goto(f"/admin/pages/{home}/edit/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator(".messages")).to_contain_text("permission")

    log_in(page, "chief")
    put_on_top_of_front_page(page, home)

    page.context.clear_cookies()
    page.goto("/en/")
    expect(page.get_by_role("region", name=re.compile("breaking", re.I))).to_contain_text(BANNER)
    top_story = page.locator(".home-top article").first
    expect(top_story).to_contain_text(HEADLINE)
    expect(top_story).to_contain_text(f"By {AUTHOR}")
