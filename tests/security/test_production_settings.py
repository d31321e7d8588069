"""Production settings pass Django's deployment checklist, and every reader page carries
the browser security headers."""

import base64
import hashlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string

REPO_ROOT = Path(__file__).resolve().parents[2]


def production_environment(**overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example.org",
        # Never connected to: the deployment checks read settings only.
        "DATABASE_URL": "postgres://newsroom@127.0.0.1:9/newsroom",
    }
    return env | overrides


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist_with_no_warning():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_environment()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_deployment_checklist_does_fail_when_a_protection_is_turned_off():
    """The check above can fail: without HSTS Django warns, and the command says so."""
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_environment(HSTS_SECONDS="0"),
    )

    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


def test_production_refuses_to_start_without_its_secrets():
    env = production_environment()
    del env["SECRET_KEY"]

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/en/", "/ar/", "/en/search/?q=news", "/en/no-such-page/", "/en/newsletter/"]
)
def test_reader_pages_carry_a_strict_content_security_policy(client, path):
    response = client.get(path, follow=True)

    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"].split() == ["'self'", settings.ERROR_PAGE_STYLE_HASH]
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_the_admin_keeps_its_inline_scripts_working_without_the_readers_policy(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_the_server_error_page_style_is_the_one_the_policy_allows():
    """Browsers hash the text of the <style> element; edit the style, update the hash."""
    page = BeautifulSoup(render_to_string("500.html"), "html.parser")
    styles = [style.string for style in page.find_all("style")]

    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
        for style in styles
    ]
    assert hashes == [settings.ERROR_PAGE_STYLE_HASH]
    assert not page.find_all(style=True)  # no style attributes, which a hash cannot allow
