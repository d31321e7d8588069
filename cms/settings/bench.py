"""`make bench`: production's behaviour (DEBUG off) served on loopback, over HTTP.

Production settings would refuse SQLite and redirect to HTTPS; the benchmark serves the
bench database of either kind to a load generator on 127.0.0.1.
"""

from .base import *  # noqa: F403
from .base import ENV

DEBUG = False
SECRET_KEY = ENV.get("SECRET_KEY") or "bench-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "cms.bench.urls"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
