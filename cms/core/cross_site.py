"""Whether a browser sent a request on behalf of a page of another site.

For forms on cached pages, which can carry no per-reader CSRF token: the browser itself
says where a request comes from, in Sec-Fetch-Site (fetch metadata) and Origin. A request
with neither (curl, a mail client's one-click unsubscribe, an old browser) is no
browser acting for another site, and passes.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host
from django.utils.http import is_same_domain


def from_another_site(request):
    """True when another site's page made the browser send this request.

    Origins in CSRF_TRUSTED_ORIGINS may; otherwise Sec-Fetch-Site decides when the browser
    sends it (another subdomain of ours only if its host is one we serve), and Origin,
    which must then be our own scheme and host, when it does not.
    """
    origin = request.headers.get("Origin")
    if origin is not None and trusted(origin):
        return False
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site in ("same-origin", "none"):
        return False
    if fetch_site == "cross-site":
        return True
    if fetch_site == "same-site":
        return origin is None or not served_here(origin)
    return origin is not None and origin != f"{request.scheme}://{request.get_host()}"


def trusted(origin):
    """An origin of CSRF_TRUSTED_ORIGINS, as Django's CSRF check reads them."""
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return any(
        is_same_domain(parts.netloc, allowed.netloc.lstrip("*"))
        for allowed in map(urlsplit, settings.CSRF_TRUSTED_ORIGINS)
        if "*" in allowed.netloc and allowed.scheme == parts.scheme
    )


def served_here(origin):
    """Whether the origin's host is one of ALLOWED_HOSTS."""
    try:
        host, _port = split_domain_port(urlsplit(origin).netloc)
    except ValueError:
        return False
    return bool(host) and validate_host(host, settings.ALLOWED_HOSTS)
