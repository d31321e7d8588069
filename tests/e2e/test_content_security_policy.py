"""The reader's pages run under the strict Content-Security-Policy without breaking it."""

import pytest

from tests.e2e.reader_pages import LANGUAGES, PAGES, address

pytestmark = pytest.mark.browser

# Not the 404 and 500 pages: the development server answers those with Django's debug
# pages, which django-csp leaves alone; tests/security checks their header without DEBUG.
# Collected before any of the page's own code runs, for every frame of the page.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
        `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGES))
def test_reader_page_causes_no_content_security_policy_violation(page, language, name):
    console_errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Content Security Policy" in message.text
            and console_errors.append(message.text)
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    response = page.goto(address(language, name))

    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The search box's suggestions fetch JSON as the reader types: connect-src at work.
    page.locator("#site-search-q").fill("por" if language == "en" else "الص")
    page.wait_for_timeout(600)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == []
    assert console_errors == []


def test_the_policy_does_block_an_inline_script(page):
    """The check above can fail: an inline script injected into a reader page is refused."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto("/en/")

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__injected = true;";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(200)

    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))
