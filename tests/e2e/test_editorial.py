"""The newsroom's review chain in a real browser: a reporter writes, the chief approves."""

import re
import sqlite3

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PASSWORD = "newsroom-demo"  # the demo users' password, as the README gives it
HEADLINE = "Kazan river port opens night shifts"
FIRST_PARAGRAPH = "Night shifts start on the first of June, the port authority said."


def english_page_id(newsroom_dir, where, *params):
    with sqlite3.connect(newsroom_dir / "e2e.sqlite3") as database:
        row = database.execute(
            "SELECT page.id FROM wagtailcore_page page JOIN wagtailcore_locale locale"
            f" ON page.locale_id = locale.id WHERE locale.language_code = 'en' AND {where}",
            params,
        ).fetchone()
    assert row, where
    return row[0]


def log_in(page: Page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def start_article(page: Page, news, headline, lead):
    """The add form of an article in the news section, with its headline, lead and category."""
    page.goto(f"/admin/pages/add/articles/articlepage/{news}/")
    page.fill("#id_title", headline)
    page.fill("#id_lead", lead)
    page.get_by_role("button", name="Choose category").click()
    page.locator(".modal-dialog").get_by_role("link", name="Economics").first.click()
    expect(page.locator("#id_category")).not_to_have_value("")


def save_first_draft(page: Page):
    """Save the new page before writing on: the admin's autosave may create it meanwhile,
    and a submission from the add form would then collide with it."""
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("created")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))


def write_first_paragraph(page: Page, text):
    page.locator("[data-contentpath='body'] button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = page.locator("[data-contentpath='body'] .public-DraftEditor-content").first
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_contain_text(text)
    page.keyboard.press("Tab")
    # Draftail copies its content into the form a moment after typing stops.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(text)))


def submit_for_review(page: Page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")


def test_reporter_writes_chief_approves_reader_reads(page: Page, newsroom_url, newsroom_dir):
    news = english_page_id(newsroom_dir, "page.slug = ?", "news")

    log_in(page, "reporter")
    start_article(
        page, news, HEADLINE, "The river port will load barges around the clock from June."
    )
    save_first_draft(page)
    write_first_paragraph(page, FIRST_PARAGRAPH)
    submit_for_review(page)

    article = english_page_id(newsroom_dir, "page.title = ?", HEADLINE)
    assert page.request.get(f"{newsroom_url}/en/news/").ok
    assert HEADLINE not in page.request.get(f"{newsroom_url}/en/news/").text()

    log_in(page, "chief")
    for step in ("Approve", "Approve and Publish"):  # editor review, then chief approval
        page.goto(f"/admin/pages/{article}/edit/")
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name=step, exact=True).click()
        expect(page.locator(".messages")).not_to_contain_text("could not be saved")

    page.context.clear_cookies()
    page.goto("/en/news/")
    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page.locator("h1")).to_have_text(HEADLINE)
    expect(page.locator(".story__body")).to_contain_text(FIRST_PARAGRAPH)


TRANSLATED_HEADLINE = "Samara grain terminal adds a second berth"
TRANSLATED_PARAGRAPH = "The second berth takes barges from the first of July."
PHOTO_CREDIT = "Volga Photo Agency"


def pages_sharing_translation_key(newsroom_dir, page_id):
    with sqlite3.connect(newsroom_dir / "e2e.sqlite3") as database:
        return dict(
            database.execute(
                "SELECT locale.language_code, page.id FROM wagtailcore_page page"
                " JOIN wagtailcore_locale locale ON page.locale_id = locale.id"
                " WHERE page.translation_key ="
                " (SELECT translation_key FROM wagtailcore_page WHERE id = ?)",
                (page_id,),
            ).fetchall()
        )


def test_a_submitted_story_waits_for_its_translator_with_its_whole_text(
    page: Page, newsroom_url, newsroom_dir
):
    news = english_page_id(newsroom_dir, "page.slug = ?", "news")

    log_in(page, "reporter")
    start_article(
        page,
        news,
        TRANSLATED_HEADLINE,
        "The grain terminal at Samara doubles the barges it can load.",
    )
    save_first_draft(page)
    article = english_page_id(newsroom_dir, "page.title = ?", TRANSLATED_HEADLINE)
    # A draft nobody submitted leaves nothing in the other languages.
    assert set(pages_sharing_translation_key(newsroom_dir, article)) == {"en"}

    # The body and the credit are written after the first save, then the story is submitted.
    page.fill("#id_photo_credit", PHOTO_CREDIT)
    write_first_paragraph(page, TRANSLATED_PARAGRAPH)
    submit_for_review(page)

    translations = pages_sharing_translation_key(newsroom_dir, article)
    assert set(translations) == {"en", "ru", "pt", "zh-hans", "hi", "ar", "fa", "am"}

    # The Russian translator opens the draft: the editor offers the story as submitted.
    log_in(page, "translator-ru")
    page.goto(f"/admin/pages/{translations['ru']}/edit/")
    expect(page.locator("main")).to_contain_text(TRANSLATED_HEADLINE)
    expect(page.locator("main")).to_contain_text(TRANSLATED_PARAGRAPH)
    expect(page.locator("main")).to_contain_text(PHOTO_CREDIT)
