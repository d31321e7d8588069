"""Threat: server-side request forgery through addresses our users type. A partner manager
(or whoever has taken over that login) sets a partner's push endpoint or feed to an
internal address: Redis on localhost, the cloud's metadata service with its credentials,
SSH on ::1, the office router. Every publication is then POSTed there, every feed import
fetches from there, and the delivery log showed up to 500 characters of the answer.

Each test names the attack it stops. The internal service is a stand-in on 127.0.0.2,
which the guard is never let reach; the partners' stand-ins listen on 127.0.0.1, the one
address the tests allow (tests/loopback.py). Name resolution is answered at the socket
edge, for names under partner.example only.
"""

import datetime
import socket
import ssl

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from cms.inbound.importer import import_partner_feeds
from cms.inbound.models import PartnerFeed
from cms.syndication.models import Delivery, DeliveryAttempt, PartnerAccount
from cms.taxonomy.models import Category
from partners.models import PartnerPage
from tests.inbound.conftest import PartnerSite
from tests.loopback import STAND_IN_NETWORKS, QuietHandler, serving
from tests.syndication.conftest import (
    ReceiverHandler,
    make_account,
    make_russian_news_product,
    partner_endpoint,
    russian_article,
)

PARTNER_HOST = "hook.partner.example"


SECRET_REPLY = b"INTERNAL redis_version:7.2.4 aws_secret_access_key=wJalrXUtnFEMI"


class InternalService(QuietHandler):
    """Stands for whatever listens inside our network; records every request it gets and
    answers with `status` and words worth stealing."""

    requests_seen = []
    status = 200

    def answer(self):
        self.requests_seen.append((self.command, self.path))
        body = SECRET_REPLY
        self.send_response(self.status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = answer


@pytest.fixture
def internal_service():
    InternalService.requests_seen = []
    with serving(InternalService, host="127.0.0.2") as server:
        yield server


@pytest.fixture
def stand_ins_allowed(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = STAND_IN_NETWORKS


@pytest.fixture
def dns(monkeypatch):
    """Answers for names under partner.example: `dns[name] = [first answer, second, …]`,
    used in turn and round again, as a name with a zero TTL answers a rebinding attacker's
    way; every other name goes to the real resolver."""
    answers, real_getaddrinfo, calls = {}, socket.getaddrinfo, {}

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real_getaddrinfo(host, port, *args, **kwargs)
        turn = calls[host] = calls.get(host, -1) + 1
        addresses = answers[host][turn % len(answers[host])]
        port = int(port or 0)
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


@pytest.fixture
def account(db):
    PartnerAccount.objects.all().delete()  # the demo's: one is the partner's these tests use
    return make_account(make_russian_news_product())


def delivery_log():
    return list(DeliveryAttempt.objects.order_by("pk").values_list("status_code", "error"))


def publish_story(callbacks):
    with callbacks(execute=True):
        russian_article()


# Typed into the admin -------------------------------------------------------------------

REFUSED_ENDPOINTS = [
    ("http://127.0.0.1:8000/admin/", "a loopback address", "our_own_admin_on_loopback"),
    ("http://localhost:6379/", "is this server itself", "redis_on_localhost"),
    ("http://[::1]:22/", "a loopback address", "ssh_on_ipv6_loopback"),
    ("http://[::ffff:127.0.0.1]:6379/", "a loopback address", "ipv4_mapped_loopback"),
    ("http://[2002:7f00:1::]/", "a loopback address", "6to4_loopback"),
    (
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "a cloud metadata address",
        "aws_metadata_credentials",
    ),
    ("http://[fd00:ec2::254]/latest/meta-data/", "a cloud metadata address", "aws_metadata_v6"),
    (
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "a cloud metadata address",
        "ipv4_mapped_metadata",
    ),
    ("http://[64:ff9b::a9fe:a9fe]/", "a cloud metadata address", "nat64_metadata"),
    (
        "http://metadata.google.internal/computeMetadata/v1/",
        "is a cloud metadata service",
        "gcp_metadata_by_name",
    ),
    ("http://10.0.0.5:9200/", "a private address", "rfc1918_search_cluster"),
    ("http://192.168.1.1/", "a private address", "office_router"),
    ("http://172.16.4.2:5432/", "a private address", "rfc1918_database"),
    ("http://100.64.0.1/", "a private address", "carrier_grade_nat"),
    ("http://[fd12:3456::1]/", "a private address", "ipv6_unique_local"),
    ("http://169.254.10.10/", "a link-local address", "link_local"),
    ("http://[fe80::1]/", "a link-local address", "ipv6_link_local"),
    ("http://0.0.0.0:8000/", "an unspecified address", "unspecified_means_this_host"),
    ("http://224.0.0.1/", "a multicast address", "multicast"),
    ("http://240.0.0.1/", "a reserved address", "reserved"),
    ("ftp://files.partner.example/", "Give an http:// or https:// address.", "ftp_scheme"),
    ("gopher://127.0.0.1:6379/_INFO", "Enter a valid URL.", "gopher_smuggling_to_redis"),
    (
        "http://admin:hunter2@hook.partner.example/",
        "Leave user names and passwords out of the address.",
        "credentials_in_the_address",
    ),
]


def edit_endpoint(client, account, url):
    client.force_login(get_user_model().objects.get(username="partners"))
    return client.post(
        reverse("syndication-accounts:edit", args=[account.pk]),
        {
            "partner": account.partner.pk,
            "is_active": "on",
            "products": list(account.products.values_list("pk", flat=True)),
            "endpoint_url": url,
            "push_format": "ninjs",
        },
    )


def assert_refused(response, message):
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "url, message",
    [(url, message) for url, message, _attack in REFUSED_ENDPOINTS],
    ids=[attack for _url, _message, attack in REFUSED_ENDPOINTS],
)
@pytest.mark.django_db
def test_the_account_form_refuses_an_internal_push_endpoint(client, account, url, message):
    assert_refused(edit_endpoint(client, account, url), message)
    account.refresh_from_db()
    assert account.endpoint_url == ""


@pytest.mark.django_db
def test_the_account_form_refuses_a_name_that_resolves_to_a_private_address(client, account, dns):
    # Attack: a public-looking name (a wildcard DNS service, the attacker's own zone)
    # pointing at the inside; one bad address among good ones is enough to refuse it.
    dns[PARTNER_HOST] = [["93.184.215.14", "10.20.30.40"]]
    response = edit_endpoint(client, account, f"https://{PARTNER_HOST}/newsroom")
    assert_refused(response, f"{PARTNER_HOST} resolves to a private address")
    assert "10.20.30.40" not in response.content.decode()  # nor what our names resolve to


@pytest.mark.django_db
def test_an_allowed_network_never_opens_the_metadata_service(client, account, settings):
    # Attack: an operator lets a private link through (169.254/16 here); the metadata
    # address inside it stays refused.
    settings.OUTBOUND_ALLOWED_NETWORKS = ["169.254.0.0/16"]
    response = edit_endpoint(client, account, "http://169.254.169.254/latest/meta-data/")
    assert_refused(response, "a cloud metadata address")


@pytest.mark.django_db
def test_the_account_form_takes_a_partners_public_endpoint(client, account, dns):
    dns[PARTNER_HOST] = [["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]]
    response = edit_endpoint(client, account, f"https://{PARTNER_HOST}/newsroom")
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.endpoint_url == f"https://{PARTNER_HOST}/newsroom"


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://169.254.169.254/latest/meta-data/", "a cloud metadata address"),
        ("http://localhost:8080/feed.rss", "is this server itself"),
    ],
    ids=["feed_at_the_metadata_service", "feed_on_localhost"],
)
@pytest.mark.django_db
def test_the_feed_form_refuses_an_internal_feed_address(admin_client, url, message):
    partner = PartnerPage.objects.filter(locale__language_code="pt").first()
    response = admin_client.post(
        "/admin/snippets/inbound/partnerfeed/add/",
        {
            "partner": partner.pk,
            "url": url,
            "locale": partner.locale_id,
            "category": Category.objects.filter(locale_id=partner.locale_id).first().pk,
        },
    )
    assert_refused(response, message)
    assert not PartnerFeed.objects.filter(url=url).exists()


# At send time --------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_endpoint_stored_before_the_guard_never_reaches_the_internal_service(
    account, django_capture_on_commit_callbacks
):
    # Attack: an endpoint saved before validation existed (or written past the form).
    with serving(InternalService) as internal:  # on 127.0.0.1, which this test does not allow
        InternalService.requests_seen = []
        account.endpoint_url = f"{internal.url}/internal"
        account.save()
        publish_story(django_capture_on_commit_callbacks)

    assert InternalService.requests_seen == []
    [(status_code, error)] = delivery_log()
    assert status_code is None
    assert error.startswith("RefusedDestination:") and "a loopback address" in error


@pytest.mark.django_db
def test_the_delivery_log_keeps_no_word_of_an_endpoints_reply(
    account, stand_ins_allowed, monkeypatch, django_capture_on_commit_callbacks
):
    # Attack: reading an internal service through the delivery log, which kept its reply.
    # (Here on the allowed stand-in address, as if the guard had been passed.)
    monkeypatch.setattr(InternalService, "status", 404)
    with serving(InternalService) as internal:
        account.endpoint_url = f"{internal.url}/_cluster/settings"
        account.save()
        publish_story(django_capture_on_commit_callbacks)

    assert delivery_log() == [(404, "HTTP 404 Not Found")]


class RedisLike(QuietHandler):
    """Not HTTP: answers the first line of any request as Redis does."""

    def handle(self):
        self.rfile.readline()
        self.wfile.write(b"-ERR unknown command 'POST', with args beginning with: s3cr3t\r\n")


@pytest.mark.django_db
def test_a_non_http_service_answering_a_push_is_not_quoted_in_the_log(
    account, stand_ins_allowed, django_capture_on_commit_callbacks
):
    # Attack: protocol smuggling; the HTTP client quoted the bad status line it read.
    with serving(RedisLike) as redis_like:
        account.endpoint_url = redis_like.url
        account.save()
        publish_story(django_capture_on_commit_callbacks)

    [(status_code, error)] = delivery_log()
    assert status_code is None
    assert error == "BadReply: The connection broke or the reply was not HTTP."


class Redirecting(ReceiverHandler):
    def do_POST(self):
        self.server.requests.append({"headers": dict(self.headers)})
        self.send_response(307)
        self.send_header("Location", self.server.redirect_to)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.mark.django_db
def test_a_push_redirected_to_the_internal_service_is_not_followed(
    account, stand_ins_allowed, internal_service, django_capture_on_commit_callbacks
):
    with partner_endpoint(handler=Redirecting) as partner:
        partner.redirect_to = f"{internal_service.url}/latest/meta-data/"
        account.endpoint_url = partner.url
        account.save()
        publish_story(django_capture_on_commit_callbacks)

    assert len(partner.requests) == 1
    assert InternalService.requests_seen == []
    assert delivery_log() == [(307, "HTTP 307 Temporary Redirect")]


@pytest.mark.django_db
def test_dns_rebinding_cannot_turn_a_push_to_the_internal_service(
    account, stand_ins_allowed, dns, django_capture_on_commit_callbacks
):
    # Attack: the name answers an allowed address when checked and an internal one when
    # connected to. The connection goes to the address checked, or nowhere.
    with partner_endpoint() as partner:
        port = partner.server_port
        with serving(InternalService, host="127.0.0.2", port=port):
            InternalService.requests_seen = []
            dns[PARTNER_HOST] = [["127.0.0.1"], ["127.0.0.2"]]
            account.endpoint_url = f"http://{PARTNER_HOST}:{port}/newsroom-hook"
            account.save()
            for _story in range(3):
                publish_story(django_capture_on_commit_callbacks)

    assert InternalService.requests_seen == []
    assert [r["headers"]["Host"] for r in partner.requests] == [f"{PARTNER_HOST}:{port}"] * 2
    errors = [error for _status, error in delivery_log()]
    assert errors[1] == (
        f"RefusedDestination: {PARTNER_HOST} resolves to a loopback address; "
        "we send no requests there."
    )


def certificate_for(hostname, folder):
    """A self-signed certificate for the name and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "partner.pem", folder / "partner.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class TlsReceiver(ReceiverHandler):
    context = None

    def setup(self):
        self.request = self.context.wrap_socket(self.request, server_side=True)
        super().setup()


@pytest.mark.django_db
def test_a_pinned_https_push_speaks_tls_to_the_partners_name(
    account, stand_ins_allowed, dns, monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    # Pinning the address must not cost the certificate check: SNI and the certificate
    # are the name's, not the address's.
    cert_file, key_file = certificate_for(PARTNER_HOST, tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server_names = []
    context.sni_callback = lambda _socket, name, _context: server_names.append(name)
    monkeypatch.setattr(TlsReceiver, "context", context)
    monkeypatch.setattr(certifi, "where", lambda: str(cert_file))  # the partner's CA
    dns[PARTNER_HOST] = [["127.0.0.1"]]

    with partner_endpoint(handler=TlsReceiver) as partner:
        account.endpoint_url = f"https://{PARTNER_HOST}:{partner.server_port}/newsroom-hook"
        account.save()
        publish_story(django_capture_on_commit_callbacks)

    assert server_names == [PARTNER_HOST]
    assert partner.requests[0]["headers"]["Host"] == f"{PARTNER_HOST}:{partner.server_port}"
    assert Delivery.objects.get().status == Delivery.Status.DELIVERED


# Partner feeds --------------------------------------------------------------------------


class RedirectingPartnerSite(PartnerSite):
    """The partner's site, where some addresses redirect (`redirects`: path → Location)."""

    redirects = {}

    def do_GET(self):
        if self.path in self.redirects:
            self.requests_seen.append(self.path)
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def partner_site(stand_ins_allowed, monkeypatch):
    monkeypatch.setattr(PartnerSite, "requests_seen", [])
    with serving(RedirectingPartnerSite) as server:
        yield server


def register_feed(url):
    partner = PartnerPage.objects.filter(locale__language_code="pt").first()
    locale = Locale.objects.get(language_code="pt")
    category = Category.objects.filter(locale=locale).order_by("pk").first()
    return PartnerFeed.objects.create(partner=partner, url=url, locale=locale, category=category)


@pytest.mark.parametrize(
    "location, message",
    [
        ("{internal}/latest/meta-data/", "a loopback address"),
        ("http://localhost:6379/", "is this server itself"),
        ("http://169.254.169.254/latest/meta-data/", "a cloud metadata address"),
        ("file:///etc/passwd", "Give an http:// or https:// address."),
    ],
    ids=[
        "to_an_internal_service",
        "to_redis_on_localhost",
        "to_the_metadata_service",
        "to_a_file",
    ],
)
@pytest.mark.django_db
def test_a_feed_redirecting_inside_our_network_is_refused_at_that_hop(
    partner_site, internal_service, monkeypatch, location, message
):
    location = location.format(internal=internal_service.url)
    monkeypatch.setattr(RedirectingPartnerSite, "redirects", {"/feed.rss": location})
    feed = register_feed(f"{partner_site.url}/feed.rss")

    [report] = import_partner_feeds([feed])

    assert PartnerSite.requests_seen == ["/feed.rss"]
    assert InternalService.requests_seen == []
    assert report.imported == [] and message in report.error


@pytest.mark.django_db
def test_a_feed_redirected_within_the_partners_site_is_imported(partner_site, monkeypatch):
    monkeypatch.setattr(RedirectingPartnerSite, "redirects", {"/old.rss": "/folha-do-litoral.rss"})
    feed = register_feed(f"{partner_site.url}/old.rss")

    [report] = import_partner_feeds([feed])

    assert PartnerSite.requests_seen == ["/old.rss", "/folha-do-litoral.rss"]
    assert len(report.imported) == 3 and report.error == ""


@pytest.mark.django_db
def test_a_feed_stored_at_an_internal_address_is_never_fetched(internal_service):
    # Attack: a feed address saved before validation existed, on the inside.
    feed = register_feed(f"{internal_service.url}/latest/meta-data/")

    [report] = import_partner_feeds([feed])

    assert InternalService.requests_seen == []
    assert "a loopback address" in report.error
    feed.refresh_from_db()
    assert "a loopback address" in feed.last_error
