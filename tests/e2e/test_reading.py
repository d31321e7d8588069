"""A reader's journeys through the demo newsroom in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ARTICLE_SLUG = "novosibirsk-rail-container-hub"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ETHIOPIC = re.compile(r"[\u1200-\u137f]")


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not displayed"
    return found


def centre(found: dict) -> float:
    return found["x"] + found["width"] / 2


def header_content_edges(page: Page) -> tuple[float, float]:
    return page.locator(".site-header__inner").evaluate(
        """inner => {
            const rect = inner.getBoundingClientRect();
            const style = getComputedStyle(inner);
            return [rect.left + parseFloat(style.paddingLeft),
                    rect.right - parseFloat(style.paddingRight)];
        }"""
    )


def switch_language(page: Page, language: str) -> None:
    page.locator(f'nav.language-switcher a[hreflang="{language}"]').click()
    expect(page).to_have_url(re.compile(rf"/{language}/news/{ARTICLE_SLUG}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("en", "ltr")])
def test_home_page_header_is_laid_out_in_the_reading_direction(
    page, artifacts_dir, language, direction
):
    page.goto(f"/{language}/")

    html = page.locator("html")
    expect(html).to_have_attribute("dir", direction)
    expect(html).to_have_attribute("lang", language)
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    page.screenshot(path=artifacts_dir / f"home-{language}.png", full_page=True)

    # The switcher wraps onto the header's second row, where it also starts at the line's
    # start edge, so the two right edges coincide; compare centres and the logo's edge.
    logo, switcher = box(page, ".site-logo"), box(page, "nav.language-switcher")
    left, right = header_content_edges(page)
    if direction == "rtl":
        assert logo["x"] + logo["width"] == pytest.approx(right, abs=1)
        assert centre(logo) > centre(switcher)
    else:
        assert logo["x"] == pytest.approx(left, abs=1)
        assert centre(logo) < centre(switcher)


def test_reader_switches_an_article_from_english_to_russian_to_amharic(page):
    page.goto(f"/en/news/{ARTICLE_SLUG}/")
    english_headline = page.locator("h1").first.inner_text()

    switch_language(page, "ru")
    assert page.url.endswith(f"/ru/news/{ARTICLE_SLUG}/")
    russian_headline = page.locator("h1").first.inner_text()
    assert CYRILLIC.search(russian_headline), russian_headline
    assert russian_headline != english_headline

    switch_language(page, "am")
    amharic_headline = page.locator("h1").first.inner_text()
    assert ETHIOPIC.search(amharic_headline), amharic_headline
