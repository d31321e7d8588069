"""Shared fixtures: the demo newsroom, loaded once per test session, and its locales."""

import os

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, media_root):
    """The demo newsroom is the fixture every test reads; tests roll back their changes."""
    with django_db_blocker.unblock():
        call_command("load_demo_newsroom", verbosity=0)


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
