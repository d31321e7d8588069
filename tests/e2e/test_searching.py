"""A reader searches in a real browser: suggestions while typing, results, a facet."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_reader_types_picks_a_suggestion_then_searches_and_filters(page: Page):
    page.goto("/ru/")
    box = page.locator("#site-search-q")
    box.press_sequentially("Новосиб", delay=40)

    suggestions = page.locator("#search-suggestions-0")
    expect(suggestions).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    first = suggestions.get_by_role("link").first
    expect(first).to_contain_text("Новосибирск")
    box.press("ArrowDown")
    expect(first).to_be_focused()
    first.press("Enter")
    expect(page.locator("h1")).to_contain_text("Новосибирск")

    page.goto("/ru/search/?q=Китай")
    expect(page.locator(".search-summary")).to_contain_text("Китай")
    expect(page.locator(".search-results mark").first).to_be_visible()
    facet = page.locator(".search-facets a").first
    facet_count = int(facet.locator(".count").inner_text())
    facet.click()
    expect(page.locator(".search-facets a[aria-current]").first).to_be_visible()
    expect(page.locator(".search-summary")).to_contain_text(str(facet_count))
