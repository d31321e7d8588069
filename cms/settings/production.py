"""Production: every secret comes from the environment, or the process refuses to start."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ENV

REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"]
missing = [name for name in REQUIRED if not ENV.get(name)]
if missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(missing)
    )
if not ENV["DATABASE_URL"].startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")

DEBUG = False
# Static files served by the app itself, compressed and cache-busted, behind any proxy.
# Uploads are not: the web server serves /media/'s public folders and sends originals to
# the site, which shows them to editors only (docs/security.md).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# The proxy in front of the site says which requests came over HTTPS in this header
# (X-Forwarded-Proto unless PROXY_SSL_HEADER names another; empty when there is no proxy,
# since a client could otherwise send the header itself).
PROXY_SSL_HEADER = ENV.get("PROXY_SSL_HEADER", "X-Forwarded-Proto")
if PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + PROXY_SSL_HEADER.upper().replace("-", "_"), "https")
# Whoever sets that header stands in front of us and every request comes from its address:
# unless TRUSTED_PROXIES says otherwise, the client is the address that one proxy appended
# to X-Forwarded-For (cms/core/client_address.py), for the login lockout and the newsletter.
if TRUSTED_PROXIES is None:  # noqa: F405
    TRUSTED_PROXIES = 1 if PROXY_SSL_HEADER else 0
SECURE_SSL_REDIRECT = ENV.get("SECURE_SSL_REDIRECT", "1") != "0"
# A year of HSTS once the site is known to work over HTTPS; HSTS_SECONDS=300 to start.
SECURE_HSTS_SECONDS = int(ENV.get("HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = ENV.get("HSTS_INCLUDE_SUBDOMAINS", "1") != "0"
SECURE_HSTS_PRELOAD = ENV.get("HSTS_PRELOAD", "1") != "0"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
