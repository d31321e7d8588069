"""A story's whole round through translation, in a real browser, as each person does it.

A reporter writes an English story with its body, countries, tags and a picture and
submits it; the chief editor approves it; it waits on the desks of the Russian, Amharic
and Arabic translators, who open it, find every field, translate and submit it to review;
the chief editor approves each; the pages are live in each language with their body, tags
and credit. Then the English is corrected: the Russian shows as out of date on its
translator's desk, who updates it and submits again.
"""

import re
import sqlite3

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_editorial import (
    english_page_id,
    log_in,
    pages_sharing_translation_key,
    save_first_draft,
    start_article,
    submit_for_review,
    write_first_paragraph,
)

pytestmark = pytest.mark.browser

HEADLINE = "Volga barge fleet doubles grain runs to the Caspian"
LEAD = "River carriers add night convoys as the harvest comes in early."
PARAGRAPH = "Forty barges now sail each week from Volgograd to Astrakhan."
CAPTION = "Barges moored at the Volgograd grain terminal."
CREDIT = "Lower Volga Photo Service"
TAGS = ["grain", "river transport"]
CORRECTION = "Forty-two barges now sail each week from Volgograd to Astrakhan."

# What each translator types for each English text (our own wording in each language).
TRANSLATIONS = {
    "ru": {
        HEADLINE: "Баржевый флот Волги удвоил рейсы с зерном к Каспию",
        LEAD: "Речные перевозчики добавляют ночные караваны: урожай пришёл рано.",
        PARAGRAPH: "Сорок барж теперь каждую неделю идут из Волгограда в Астрахань.",
        CAPTION: "Баржи у зернового терминала в Волгограде.",
        CREDIT: "Фотослужба Нижней Волги",
        "grain": "зерно",
        "river transport": "речной транспорт",
    },
    "am": {
        HEADLINE: "የቮልጋ ጀልባዎች ወደ ካስፒያን የእህል ጉዞአቸውን በእጥፍ ጨመሩ",
        LEAD: "አዝመራው ቀድሞ በመድረሱ የወንዝ አጓጓዦች የሌሊት ጉዞዎችን ጨመሩ።",
        PARAGRAPH: "አርባ ጀልባዎች በየሳምንቱ ከቮልጎግራድ ወደ አስትራካን ይጓዛሉ።",
        CAPTION: "በቮልጎግራድ የእህል ተርሚናል የቆሙ ጀልባዎች።",
        CREDIT: "የታችኛው ቮልጋ የፎቶ አገልግሎት",
        "grain": "እህል",
        "river transport": "የወንዝ ትራንስፖርት",
    },
    "ar": {
        HEADLINE: "أسطول صنادل الفولغا يضاعف رحلات الحبوب إلى بحر قزوين",
        LEAD: "شركات النقل النهري تضيف قوافل ليلية مع وصول الحصاد مبكرًا.",
        PARAGRAPH: "أربعون صندلًا تبحر الآن كل أسبوع من فولغوغراد إلى أستراخان.",
        CAPTION: "صنادل راسية عند محطة الحبوب في فولغوغراد.",
        CREDIT: "خدمة صور الفولغا السفلى",
        "grain": "حبوب",
        "river transport": "النقل النهري",
    },
}
RU_CORRECTION = "Сорок две баржи теперь каждую неделю идут из Волгограда в Астрахань."


def large_picture(newsroom_dir):
    """A picture as wide as a story's lead picture needs (the library also holds small
    partner logos, whose renditions a hero's srcset cannot tell apart)."""
    with sqlite3.connect(newsroom_dir / "e2e.sqlite3") as database:
        (title,) = database.execute(
            "SELECT title FROM wagtailimages_image WHERE width >= 1200 ORDER BY id"
        ).fetchone()
    return title


def choose_picture(page: Page, title):
    page.get_by_role("button", name="Choose an image").click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name='q']").fill(title)
    modal.locator("a").filter(has_text=title).first.click()
    expect(page.locator(".modal-dialog")).to_have_count(0)
    page.fill("#id_hero_caption", CAPTION)
    page.fill("#id_photo_credit", CREDIT)


def add_country(page: Page, name):
    page.get_by_role("button", name=re.compile("Add countr", re.I)).click()
    page.get_by_role("button", name=re.compile("Choose country", re.I)).last.click()
    page.locator(".modal-dialog").get_by_role("link", name=name, exact=True).first.click()
    expect(page.locator(".modal-dialog")).to_have_count(0)


def add_tags(page: Page, tags):
    field = page.locator("[data-contentpath='tags'] .tagit-new input")
    for tag in tags:
        field.click()
        page.keyboard.type(tag)
        page.keyboard.press("Enter")
    expect(page.locator("#id_tags")).to_have_value(re.compile(re.escape(tags[-1])))


def write_the_english_story(page: Page, newsroom_dir):
    news = english_page_id(newsroom_dir, "page.slug = ?", "news")
    log_in(page, "reporter")
    start_article(page, news, HEADLINE, LEAD)
    save_first_draft(page)
    choose_picture(page, large_picture(newsroom_dir))
    add_country(page, "Russia")
    write_first_paragraph(page, PARAGRAPH)
    add_tags(page, TAGS)
    submit_for_review(page)
    return english_page_id(newsroom_dir, "page.title = ?", HEADLINE)


def chief_approves_english(page: Page, article, steps=("Approve", "Approve and Publish")):
    log_in(page, "chief")
    for step in steps:  # editor review, then chief approval
        page.goto(f"/admin/pages/{article}/edit/")
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name=step, exact=True).click()
        expect(page.locator(".messages")).not_to_contain_text("could not be saved")


def desk_row(page: Page, pile, title):
    return page.locator(f"[data-pile='{pile}'] tr").filter(has_text=title)


def translate_segment(page: Page, source, text):
    segment = page.locator(".js-translation-editor li").filter(
        has=page.get_by_text(source, exact=True)
    )
    segment.get_by_role("button", name=re.compile("^(Translate|Edit)$")).first.click()
    box = segment.locator("textarea").first
    box.fill(text)
    box.press("Enter")
    expect(segment.get_by_text(text, exact=True)).to_be_visible()


def translator_translates_and_submits(page: Page, language, title, texts):
    log_in(page, f"translator-{language}")
    row = desk_row(page, "new", title)
    expect(row).to_have_count(1)
    row.get_by_role("link").first.click()
    editor = page.locator(".js-translation-editor")
    # Every field of the story is offered: headline, lead, caption, credit, body, tags,
    # and its country (translated with it, as a related object).
    for source in texts:
        expect(editor.get_by_text(source, exact=True).first).to_be_visible()
    expect(editor).to_contain_text("Russia")
    for source, translated in texts.items():
        translate_segment(page, source, translated)
    submit = page.get_by_role("button", name="Submit to Translation review")
    expect(submit).to_be_visible()
    submit.click()
    expect(page.locator(".messages")).to_contain_text("submitted to Translation review")
    page.goto("/admin/")
    expect(desk_row(page, "in_review", texts[HEADLINE])).to_have_count(1)


def chief_approves_from_the_dashboard(page: Page, title):
    """Wagtail's own "Awaiting your review" panel: the row's actions, then Approve."""
    log_in(page, "chief")
    row = page.locator("#awaiting-review-content tr").filter(has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state()
    expect(row).to_have_count(0)  # approved, published, and off the chief's list


def test_a_story_goes_round_three_translators_and_a_correction(
    page: Page, newsroom_url, newsroom_dir
):
    article = write_the_english_story(page, newsroom_dir)
    chief_approves_english(page, article)
    translations = pages_sharing_translation_key(newsroom_dir, article)

    for language in ("ru", "am", "ar"):
        texts = TRANSLATIONS[language]
        translator_translates_and_submits(page, language, HEADLINE, texts)
        chief_approves_from_the_dashboard(page, texts[HEADLINE])

        # The reader's page in that language: its headline, body, tags and credit.
        reader = page.request.get(reader_url(newsroom_dir, translations[language], language))
        assert reader.ok
        html = reader.text()
        for text in (texts[HEADLINE], texts[PARAGRAPH], texts[CREDIT], texts["grain"]):
            assert text in html, (language, text)
        if language == "ar":
            assert re.search(r'<html[^>]+dir="rtl"', html)

    # The English is corrected and published again.
    log_in(page, "chief")
    page.goto(f"/admin/pages/{article}/edit/")
    body = page.locator("[data-contentpath='body'] .public-DraftEditor-content").first
    body.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(CORRECTION)
    page.keyboard.press("Tab")
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile(re.escape(CORRECTION))
    )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("published")

    # The Russian translator finds it out of date, updates it and submits it again.
    ru = TRANSLATIONS["ru"]
    log_in(page, "translator-ru")
    row = desk_row(page, "out_of_date", ru[HEADLINE])
    expect(row).to_have_count(1)
    row.get_by_role("link").first.click()
    translate_segment(page, CORRECTION, RU_CORRECTION)
    page.get_by_role("button", name="Submit to Translation review").click()
    expect(page.locator(".messages")).to_contain_text("submitted to Translation review")
    chief_approves_from_the_dashboard(page, ru[HEADLINE])
    reader = page.request.get(reader_url(newsroom_dir, translations["ru"], "ru"))
    assert RU_CORRECTION in reader.text()

    log_in(page, "translator-ru")
    expect(desk_row(page, "out_of_date", ru[HEADLINE])).to_have_count(0)


def reader_url(newsroom_dir, page_id, language):
    with sqlite3.connect(newsroom_dir / "e2e.sqlite3") as database:
        (slug,) = database.execute(
            "SELECT slug FROM wagtailcore_page WHERE id = ?", (page_id,)
        ).fetchone()
    return f"/{language}/news/{slug}/"
