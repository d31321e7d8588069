"""The caches that settings/base.py builds from what it read of the environment: Django's
cache (Redis when given, else per process) and the CDNs or proxies purged along with the
page cache (cms/core/purge.py), through Wagtail's frontend-cache backends."""


def django_caches(redis_url):
    if redis_url:
        return {
            "default": {
                # Pages still serve, uncached, while Redis is down (cms/core/cache.py); short
                # timeouts so that a dead server costs a reader half a second, not a minute.
                "BACKEND": "cms.core.cache.ResilientRedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "newsroom",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
        }
    # Per process; room for every page's cards, facts and renditions of a demo-sized site
    # (Django's default of 300 entries would evict them as fast as they are made).
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }


def frontend_caches(env):
    """WAGTAILFRONTENDCACHE: one backend for each front end whose variables are set."""
    backends = {}
    if env.get("FRONTEND_CACHE_URL"):  # Varnish, nginx or any proxy accepting PURGE requests
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env["FRONTEND_CACHE_URL"],
        }
    if env.get("CLOUDFLARE_API_TOKEN"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env["CLOUDFLARE_API_TOKEN"],
            "ZONEID": env.get("CLOUDFLARE_ZONE_ID", ""),
        }
    if env.get("CLOUDFRONT_DISTRIBUTION_ID"):  # credentials from the usual AWS variables
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends
