"""The embedded default: runs with no outside service."""

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, *DEMO_APPS]  # noqa: F405

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-7f3c2b9e1d"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
# runserver answers each request on a thread of its own: a kept connection is never reused.
DATABASES["default"]["CONN_MAX_AGE"] = int(ENV.get("DATABASE_CONN_MAX_AGE", "0"))  # noqa: F405
