"""The address a request came from, behind the proxies we trust: one rule for every limit
that counts clients (the login lockout of django-axes, the newsletter's subscribe limit)."""

import ipaddress

from django.conf import settings


def client_address(request):
    """The address the outermost of our TRUSTED_PROXIES received the request from.

    Each proxy appends the address it was connected from to X-Forwarded-For, so the last
    TRUSTED_PROXIES entries were written by our proxies and anything before them by the
    client, who may write what it likes. With no proxy, or a value that is no address
    (a proxy that does not append), REMOTE_ADDR: the connection's own peer.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXIES or 0
    if proxies < 1:
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    forwarded = [address.strip() for address in forwarded if address.strip()]
    if len(forwarded) < proxies:
        return peer
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return peer
