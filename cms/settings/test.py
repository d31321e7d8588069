"""Fast, deterministic settings for the test suite."""

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, *DEMO_APPS]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = True
PAGE_CACHE_ENABLED = False  # tests of the page cache switch it on (tests/caching/)
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
