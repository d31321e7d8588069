"""A demo newsroom served on 127.0.0.1 in its own database, and Debian's Chromium."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import subprocess_env

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(url, server, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"runserver exited with {server.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200; the tests say what they expect
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"runserver did not answer {url} in {SERVER_START_TIMEOUT} s")


@pytest.fixture(scope="session")
def chromium_browser():
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        )
    # Never a downloaded browser: Playwright drives the system's Chromium.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def newsroom_dir(tmp_path_factory):
    """Where the served newsroom keeps its database (e2e.sqlite3) and media."""
    return tmp_path_factory.mktemp("e2e-newsroom")


@pytest.fixture(scope="session")
def newsroom_url(newsroom_dir, demo_newsroom_file):
    """Not pytest-django's live_server: that flushes the database the suite shares."""
    tmp = newsroom_dir
    database, media = demo_newsroom_file
    shutil.copy(database, tmp / "e2e.sqlite3")
    shutil.copytree(media, tmp / "media")
    env = subprocess_env(tmp / "e2e.sqlite3", tmp / "media", ALLOWED_HOSTS="127.0.0.1")

    port = free_port()
    log_path = tmp / "runserver.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base_url}/en/", server, log_path)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def page(chromium_browser, newsroom_url):
    """A fresh browser context per test: no cookies or language choice carried over."""
    context = chromium_browser.new_context(
        base_url=newsroom_url, viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def artifacts_dir(tmp_path):
    """Screenshots kept for a person to look at; no test compares their pixels."""
    return tmp_path
