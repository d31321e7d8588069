"""Shared fixtures: the demo newsroom, loaded once per test session, and its locales."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from home.models import HomePage


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    from django.conf import settings

    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    return settings.MEDIA_ROOT


REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root, tmp_path_factory):
    """The demo newsroom is the fixture every test reads; tests roll back their changes."""
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("load_demo_newsroom", verbosity=0)
        if connection.vendor == "sqlite":
            # pytest-django keeps it in memory: a file copy, taken before any test writes,
            # serves the tests whose servers and commands run in other processes.
            connection.ensure_connection()
            with sqlite3.connect(demo_file_path(tmp_path_factory)) as copy:
                connection.connection.backup(copy)
                rehash_demo_passwords(copy)


def rehash_demo_passwords(database):
    """The suite hashes with MD5 for speed; the served newsroom checks as production does."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    from cms.demo.staff import DEMO_ADMIN

    hasher = PBKDF2PasswordHasher()
    encoded = hasher.encode(DEMO_ADMIN["password"], hasher.salt())
    database.execute("UPDATE auth_user SET password = ? WHERE password LIKE 'md5$%'", [encoded])


def demo_file_path(tmp_path_factory):
    return tmp_path_factory.getbasetemp() / "demo-newsroom.sqlite3"


def subprocess_env(database, media_root, **extra):
    """The environment of a newsroom run in another process: the embedded default (none of
    the suite's services), on the given database (a SQLite file or a URL) and media."""
    services = {
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "CELERY_RESULT_BACKEND",
        "CELERY_QUEUE",
        "SEARCH_URL",
        "ELASTICSEARCH_URL",
        "SEARCH_BACKEND",
        "SEARCH_INDEX",
        "DATABASE_URL",
    }
    env = {key: value for key, value in os.environ.items() if key not in services}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env | {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": database if "://" in str(database) else f"sqlite:///{database}",
        "MEDIA_ROOT": str(media_root),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


@pytest.fixture(scope="session")
def demo_newsroom_file(django_db_setup, media_root, tmp_path_factory):
    """The demo newsroom as a SQLite file with its media, for other processes to copy.

    On SQLite it is the suite's own demo, copied at set-up (no second load); on
    PostgreSQL it is loaded into a file once, by the commands a new machine runs.
    """
    path = demo_file_path(tmp_path_factory)
    if not path.exists():
        folder = tmp_path_factory.mktemp("demo-newsroom-media")
        env = subprocess_env(path, folder)
        for command in (["migrate", "--noinput", "-v0"], ["load_demo_newsroom", "-v0"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=REPO_ROOT, env=env, check=True
            )
        return path, folder
    return path, Path(media_root)


@pytest.fixture
def demo_newsroom_copy(demo_newsroom_file, tmp_path):
    """A copy of the demo newsroom (database file and media) that a test may change."""
    source, media = demo_newsroom_file
    database = tmp_path / "newsroom.sqlite3"
    shutil.copy(source, database)
    shutil.copytree(media, tmp_path / "media")
    return database, tmp_path / "media"


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached pages and facts of one test (its changes rolled back) never reach another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def client():
    return Client(raise_request_exception=True)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(db):
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


SERVICE_MARKERS = {"postgres", "redis", "rabbitmq", "celery", "search_cluster", "browser"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a test that needs a service may not skip: a missing service is a failure."""
    outcome = yield
    report = outcome.get_result()
    if (
        report.skipped
        and os.environ.get("CI") == "true"
        and SERVICE_MARKERS & {marker.name for marker in item.iter_markers()}
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where its service must run: {report.longrepr}"


@pytest.fixture
def admin_client(client, db):
    """The test client logged in as the demo newsroom's administrator."""
    client.force_login(get_user_model().objects.get(username="admin"))
    return client
