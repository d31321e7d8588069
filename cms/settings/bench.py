"""`make bench`: production's behaviour (DEBUG off) served on loopback, over HTTP.

Production settings would refuse SQLite and redirect to HTTPS; the benchmark serves the
bench database of either kind to a load generator on 127.0.0.1.
"""

from .base import *  # noqa: F403
from .base import ENV

INSTALLED_APPS = [*INSTALLED_APPS, *DEMO_APPS]  # noqa: F405

DEBUG = False
SECRET_KEY = ENV.get("SECRET_KEY") or "bench-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "cms.bench.urls"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# The soak (bench_soak) posts thousands of subscriptions: their confirmation emails are
# rendered as in production, then dropped rather than printed to the server's output.
# Production's per-address limit (NEWSLETTER_SUBSCRIBE_LIMIT) stays: the soak gives each
# post an address of its own in X-Forwarded-For, served with NEWSLETTER_TRUSTED_PROXIES=1.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
