"""A partner's web server in a thread, serving the feeds of tests/data/inbound/."""

from pathlib import Path

import pytest

from cms.inbound.models import PartnerFeed
from cms.taxonomy.models import Category
from partners.models import PartnerPage
from tests.loopback import STAND_IN_NETWORKS, QuietHandler, serving

FEEDS = Path(__file__).parent.parent / "data" / "inbound"


class PartnerSite(QuietHandler):
    """/<file> answers the file as RSS; /status/<code> answers that HTTP status."""

    requests_seen = []

    def do_GET(self):
        self.requests_seen.append(self.path)
        name = self.path.strip("/")
        if name.startswith("status/"):
            self.send_error(int(name.removeprefix("status/")))
            return
        path = FEEDS / name
        if "/" in name or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def loopback_partners(settings):
    """The outbound guard lets requests reach the stand-in partners' address."""
    settings.OUTBOUND_ALLOWED_NETWORKS = STAND_IN_NETWORKS


@pytest.fixture
def partner_site(loopback_partners):
    PartnerSite.requests_seen = []
    with serving(PartnerSite) as server:
        yield server.url


@pytest.fixture
def partner(db):
    return PartnerPage.objects.filter(locale__language_code="pt").order_by("path").first()


@pytest.fixture
def register_feed(partner, locales):
    def register(url, language="pt", **fields):
        locale = locales[language]
        fields.setdefault("category", Category.objects.filter(locale=locale).order_by("pk")[0])
        return PartnerFeed.objects.create(partner=partner, url=url, locale=locale, **fields)

    return register
