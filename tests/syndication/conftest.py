"""Partners, products, keys and stories for the syndication tests; a local push receiver."""

import contextlib
import hashlib
import hmac
import json

import pytest
from wagtail.models import Locale

from articles.models import ArticleIndexPage
from cms.syndication.models import ApiKey, PartnerAccount, Product
from cms.taxonomy.models import Category
from interviews.models import InterviewIndexPage
from partners.models import PartnerPage
from tests.factories import make_article
from tests.loopback import STAND_IN_NETWORKS, QuietHandler, serving

API = "/api/syndication/v1/items/"
RUSSIAN_PARTNER = "neva-morning-post"  # republishes in Russian and English


@pytest.fixture(autouse=True)
def no_demo_accounts(db):
    """Each test sets up the partners it needs; the demo's accounts would add deliveries."""
    PartnerAccount.objects.all().delete()
    Product.objects.all().delete()


def section(model, language):
    return model.objects.filter(locale__language_code=language).order_by("path").first()


def news(language):
    return section(ArticleIndexPage, language)


def interviews(language):
    return section(InterviewIndexPage, language)


def make_product(name, *, languages=(), sections=(), categories=(), countries=(), **flags):
    product = Product.objects.create(name=name, **flags)
    product.locales.set(Locale.objects.filter(language_code__in=languages))
    product.sections.set(sections)
    product.categories.set(categories)
    product.countries.set(countries)
    return product


def make_account(*products, slug=RUSSIAN_PARTNER, **fields):
    partner = PartnerPage.objects.get(slug=slug, locale__language_code="en")
    account = PartnerAccount.objects.create(partner=partner, **fields)
    account.products.set(products)
    return account


def issue_key(account):
    key = ApiKey(account=account, label="test")
    raw_key = key.generate()
    key.save()
    return raw_key


def pull(client, raw_key, **params):
    return client.get(API, params, HTTP_AUTHORIZATION=f"Bearer {raw_key}")


def pull_all(client, raw_key, since=None, limit=50):
    """Every item after `since`, page by page; returns (ninjs items, the last cursor)."""
    found, cursor = [], since
    while True:
        params = {"limit": limit, **({"since": cursor} if cursor else {})}
        response = pull(client, raw_key, **params)
        assert response.status_code == 200, response.content
        page = response.json()
        found += page["items"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return found, cursor


def article_in(language, **kwargs):
    """A story in the language's news section, with one of its categories."""
    section = news(language)
    kwargs.setdefault("category", Category.objects.filter(locale=section.locale).first())
    return make_article(section, **kwargs)


def russian_article(**kwargs):
    return article_in("ru", **kwargs)


def make_russian_news_product():
    return make_product(
        "Russian news", languages=["ru"], sections=[news("en")], include_interviews=False
    )


@pytest.fixture
def russian_news_product(db):
    return make_russian_news_product()


@contextlib.contextmanager
def partner_endpoint(host="127.0.0.1", port=0, handler=None):
    """A partner's endpoint on a real local HTTP server: it answers with `.status` and
    records `.requests`."""
    with serving(handler or ReceiverHandler, host, port) as server:
        server.status = 200
        server.requests = []
        server.url += "/newsroom-hook"
        yield server


@pytest.fixture
def receiver(settings):
    """The partner's endpoint, on the loopback address the outbound guard is let reach."""
    settings.OUTBOUND_ALLOWED_NETWORKS = STAND_IN_NETWORKS
    with partner_endpoint() as server:
        yield server


class ReceiverHandler(QuietHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append({"headers": dict(self.headers), "body": body})
        self.send_response(self.server.status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok" if self.server.status < 300 else b"partner CMS is down")


def verified(request, secret):
    """What a partner does with a push: check the signature, then read the item. (Freshness
    and replays: tests/security/test_push_signing.py.)"""
    headers = request["headers"]
    signed = f"{headers['X-Newsroom-Timestamp']}.{headers['X-Newsroom-Delivery']}.".encode()
    digest = hmac.new(secret.encode(), signed + request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Newsroom-Signature"], f"sha256={digest}")
    return json.loads(request["body"])
