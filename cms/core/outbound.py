"""The guard of every request we send to an address a user typed (a partner's push endpoint,
a partner's feed): never to loopback, private, link-local, multicast, reserved or cloud
metadata addresses, checked on every address the name resolves to, and sent to the very
address that was checked, so a name that answers differently a moment later (DNS
rebinding) reaches nothing else. Redirects are followed only by `get`, each hop checked.

Networks in settings.OUTBOUND_ALLOWED_NETWORKS are let through (a partner reached over a
private link; the tests' loopback stand-ins); metadata addresses never are. Errors carry
messages of our own: nothing the far side sent is repeated in them.
"""

import dataclasses
import ipaddress
import socket
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCHEMES = {"http": 80, "https": 443}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 5
# Cloud instance metadata: credentials for the taking. Refused even inside an allowed network.
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),  # AWS, GCP, Azure, OpenStack, DigitalOcean
    ipaddress.ip_address("169.254.170.2"),  # AWS ECS task credentials
    ipaddress.ip_address("fd00:ec2::254"),  # AWS over IPv6
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
}
METADATA_NAMES = {"metadata.google.internal", "metadata.goog", "metadata"}
CGNAT = ipaddress.ip_network("100.64.0.0/10")
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class OutboundError(Exception):
    """A request to an outside address failed; the message is ours, safe to store and show."""


class RefusedDestination(OutboundError):
    """The address is one we never send requests to."""


class ConnectionFailed(OutboundError):
    """The name did not resolve, or no connection (or TLS session) could be made."""


class TimedOut(OutboundError):
    """The far side took longer than the timeout to connect or answer."""


class BadReply(OutboundError):
    """The far side answered with something other than HTTP, or broke the connection."""


class TooLarge(OutboundError):
    """The reply is longer than the caller accepts."""


class TooManyRedirects(OutboundError):
    """More redirects than MAX_REDIRECTS."""


@dataclass(frozen=True)
class Destination:
    """A URL taken apart, with the addresses its name resolved to, each one checked."""

    scheme: str
    hostname: str  # lower case, IDNA-encoded, no brackets
    port: int
    target: str  # path and query, as sent in the request line
    addresses: tuple = ()

    @property
    def host_header(self):
        host = f"[{self.hostname}]" if ":" in self.hostname else self.hostname
        return host if self.port == SCHEMES[self.scheme] else f"{host}:{self.port}"

    @property
    def is_literal(self):
        return literal_address(self.hostname) is not None


def literal_address(hostname):
    """The IP address a host name spells, without an IPv6 zone (`fe80::1%eth0`); else None."""
    try:
        return ipaddress.ip_address(hostname.split("%")[0])
    except ValueError:
        return None


def parse(url):
    """The URL's parts, refused when its scheme, credentials or name are not ones we send to."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise RefusedDestination(_("This is not a valid web address.")) from None
    if parts.scheme.lower() not in SCHEMES:
        raise RefusedDestination(_("Give an http:// or https:// address."))
    if parts.username is not None or parts.password is not None:
        raise RefusedDestination(_("Leave user names and passwords out of the address."))
    hostname = (parts.hostname or "").rstrip(".")
    try:
        hostname = hostname if hostname.isascii() else hostname.encode("idna").decode()
    except UnicodeError:
        raise RefusedDestination(_("This is not a valid host name.")) from None
    if not hostname:
        raise RefusedDestination(_("The address has no host name."))
    if hostname == "localhost" or hostname.endswith(".localhost"):
        raise RefusedDestination(_("%(host)s is this server itself.") % {"host": hostname})
    if hostname in METADATA_NAMES:
        raise RefusedDestination(_("%(host)s is a cloud metadata service.") % {"host": hostname})
    scheme = parts.scheme.lower()
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Destination(scheme, hostname, port or SCHEMES[scheme], target)


def embedded_ipv4(address):
    """The IPv4 address an IPv6 one stands for (mapped, 6to4, NAT64), if any."""
    if address.version != 6:
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal_reason(address):
    """Why we never send to this address (None: we may), ignoring the allowed networks."""
    if address in METADATA_ADDRESSES:
        return _("a cloud metadata address")
    checks = [
        ("is_loopback", _("a loopback address")),
        ("is_link_local", _("a link-local address")),
        ("is_multicast", _("a multicast address")),
        ("is_unspecified", _("an unspecified address")),
        ("is_reserved", _("a reserved address")),
        ("is_private", _("a private address")),
    ]
    for attribute, reason in checks:
        if getattr(address, attribute):
            return reason
    if address.version == 4 and address in CGNAT:
        return _("a private address")
    if not address.is_global:
        return _("not a public address")
    return None


def allowed_networks():
    return [ipaddress.ip_network(n, strict=False) for n in settings.OUTBOUND_ALLOWED_NETWORKS]


def check_address(hostname, address):
    """Raise RefusedDestination unless requests may go to the address."""
    # An IPv6 address standing for an IPv4 one is judged as that one too (that one first).
    candidates = [a for a in [embedded_ipv4(address)] if a is not None] + [address]
    if any(candidate in METADATA_ADDRESSES for candidate in candidates):
        reason = _("a cloud metadata address")
    elif any(address in network for network in allowed_networks()):
        return
    else:
        reason = next((r for r in map(refusal_reason, candidates) if r), None)
    if not reason:
        return
    if literal_address(hostname) is not None:
        message = _("%(host)s is %(reason)s; we send no requests there.")
    else:
        # Not the address itself: whoever may edit an endpoint would learn from the form
        # what our internal names resolve to.
        message = _("%(host)s resolves to %(reason)s; we send no requests there.")
    raise RefusedDestination(message % {"host": hostname, "reason": reason})


def resolve(hostname, port):
    """Every address the name resolves to, in the resolver's order."""
    if (address := literal_address(hostname)) is not None:
        return (address,)
    try:
        found = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError):  # ValueError: a NUL in the name, or bad IDNA
        raise ConnectionFailed(_("%(host)s does not resolve.") % {"host": hostname}) from None
    addresses = dict.fromkeys(literal_address(info[4][0]) for info in found)
    if not addresses:
        raise ConnectionFailed(_("%(host)s does not resolve.") % {"host": hostname})
    return tuple(addresses)


def check(url):
    """The destination of a request to `url`, every address it resolves to checked."""
    destination = parse(url)
    addresses = resolve(destination.hostname, destination.port)
    for address in addresses:
        check_address(destination.hostname, address)
    return dataclasses.replace(destination, addresses=addresses)


def validate_outbound_url(value):
    """Model-field validator: an address our requests may go to. A name that does not
    resolve yet passes; every request checks it again."""
    try:
        check(value)
    except RefusedDestination as error:
        raise ValidationError(str(error), code="refused_destination") from None
    except ConnectionFailed:
        pass


class Reply:
    """The answer to one request; read its body with `read`, then close it."""

    def __init__(self, response, pool):
        self._response, self._pool = response, pool
        self.status = response.status
        self.headers = response.headers

    @property
    def reason(self):
        try:
            return HTTPStatus(self.status).phrase
        except ValueError:
            return ""

    def read(self, limit):
        """The body, at most `limit` bytes (TooLarge beyond)."""
        content = b""
        try:
            for chunk in self._response.stream(64 * 1024, decode_content=True):
                content += chunk
                if len(content) > limit:
                    message = _("The reply is larger than %(limit)d bytes.") % {"limit": limit}
                    raise TooLarge(message)
        except urllib3.exceptions.HTTPError as error:
            raise our_error(error) from error
        return content

    def close(self):
        self._response.close()
        self._pool.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def our_error(error):
    """Our own words for a urllib3 error: its text can hold what the far side sent."""
    if isinstance(error, urllib3.exceptions.NewConnectionError):
        return ConnectionFailed(_("No connection could be made."))
    if isinstance(error, urllib3.exceptions.TimeoutError):
        return TimedOut(_("No answer within the time allowed."))
    if isinstance(error, urllib3.exceptions.SSLError):
        return ConnectionFailed(_("The TLS handshake or the certificate check failed."))
    if isinstance(error, urllib3.exceptions.ProtocolError | urllib3.exceptions.DecodeError):
        return BadReply(_("The connection broke or the reply was not HTTP."))
    return OutboundError(_("The request failed."))


def connection_pool(destination, address, timeout):
    """A pool of one connection to the checked address, speaking TLS (SNI and certificate)
    for the name when the scheme is https."""
    options = {
        "timeout": urllib3.Timeout(connect=timeout, read=timeout),
        "retries": False,
        "maxsize": 1,
    }
    if destination.scheme == "http":
        return urllib3.HTTPConnectionPool(str(address), destination.port, **options)
    if not destination.is_literal:
        options |= {"server_hostname": destination.hostname}
        options |= {"assert_hostname": destination.hostname}
    return urllib3.HTTPSConnectionPool(
        str(address),
        destination.port,
        cert_reqs="CERT_REQUIRED",
        ca_certs=certifi.where(),
        **options,
    )


def send(method, url, *, body=None, headers=None, timeout=10):
    """One request to `url`, never redirected; returns its Reply (close it)."""
    destination = check(url)
    headers = {**(headers or {}), "Host": destination.host_header}
    failure = ConnectionFailed(_("No connection could be made."))
    for address in destination.addresses:
        pool = connection_pool(destination, address, timeout)
        try:
            response = pool.urlopen(
                method,
                destination.target,
                body=body,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except urllib3.exceptions.HTTPError as error:
            pool.close()
            failure = our_error(error)
            if isinstance(error, urllib3.exceptions.NewConnectionError):
                continue  # nothing was sent: the name's next address may answer
            raise failure from error
        except ValueError as error:  # a path with control characters, refused by http.client
            pool.close()
            raise RefusedDestination(_("This is not a valid web address.")) from error
        return Reply(response, pool)
    raise failure


def get(url, *, headers=None, timeout=10):
    """A GET following up to MAX_REDIRECTS redirects, each hop's address checked."""
    for _hop in range(MAX_REDIRECTS + 1):
        reply = send("GET", url, headers=headers, timeout=timeout)
        location = reply.headers.get("Location")
        if reply.status not in REDIRECT_STATUSES or not location:
            return reply
        reply.close()
        url = urljoin(url, location)
    raise TooManyRedirects(_("More than %(count)d redirects.") % {"count": MAX_REDIRECTS})
