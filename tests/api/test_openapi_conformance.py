"""Schemathesis sends generated requests to every operation of /api/openapi.json through the
WSGI application: no answer is a server error, and every answer is one the document describes
(status code, media type, headers, body schema)."""

import os
from collections import Counter, defaultdict
from xml.etree import ElementTree

import pytest
import schemathesis
import werkzeug.test
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.api.openapi import openapi_document
from cms.syndication.models import ApiKey, PartnerAccount

SYNDICATION = "/api/syndication/v1/items/"
LISTINGS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/categories/", "/api/v2/countries/"]
XML_ROOTS = {
    "application/rss+xml": "rss",
    "application/atom+xml": "{http://www.w3.org/2005/Atom}feed",
    "application/vnd.iptc.g2.newsitem+xml": "{http://iptc.org/std/nar/2006-10-01/}newsMessage",
}

# The document as the project keeps it (test_openapi_document.py checks that /api/openapi.json
# serves it unchanged), read at collection, before the test database exists.
api = schemathesis.openapi.from_dict(openapi_document())
api.app = get_wsgi_application()

# Ids of items that exist, by listing: a generated id almost never names one, and an existing
# item's answer is the one worth checking. Filled per test: schemathesis draws its explicit
# examples at collection, when the database is closed.
EXISTING_IDS = {}


@schemathesis.check
def xml_is_well_formed(ctx, response, case):
    """The XML formats have no schema in the document, but partners' parsers need them well
    formed and of the kind the media type says."""
    media_type = response.headers.get("content-type", [""])[0].split(";")[0]
    if response.status_code == 200 and media_type in XML_ROOTS:
        root = ElementTree.fromstring(response.content)
        assert root.tag == XML_ROOTS[media_type], f"{media_type} whose root is {root.tag}"


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    xml_is_well_formed,
]


@pytest.fixture
def in_test_transaction(db):
    """Requests through the WSGI application run inside the test's transaction.

    Django closes a connection after a request when it is not in autocommit mode, as a test's
    transaction is not; the test client unhooks that signal the same way.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def existing_ids(in_test_transaction):
    # Through the WSGI application too: Django's test client would hook the signal back.
    client = werkzeug.test.Client(api.app)
    for listing in LISTINGS:
        response = client.get(listing, headers={"Host": "localhost"})
        EXISTING_IDS[listing] = [item["id"] for item in response.get_json()["items"]]
    yield
    EXISTING_IDS.clear()


@pytest.fixture
def partner_key(db):
    """A new key of a demo partner, which receives the whole newsroom in its languages."""
    key = ApiKey(
        account=PartnerAccount.objects.get(partner__slug="neva-morning-post"),
        label="schemathesis",
    )
    raw_key = key.generate()
    key.save()
    return raw_key


@pytest.fixture
def answers():
    """Status codes per operation. Each must have answered a success at least once, or the
    generated requests never reached what the operation is for."""
    seen = defaultdict(Counter)
    yield seen
    missed = {label: dict(codes) for label, codes in seen.items() if min(codes) >= 400}
    assert not missed, f"no success among {missed}"


def or_an_existing_id(generated, listing):
    """The generated parameters, or the same naming an item that exists."""
    ids = EXISTING_IDS.get(listing)
    if not ids or not isinstance(generated, dict):
        return st.just(generated)
    return st.one_of(
        st.just(generated), st.sampled_from(ids).map(lambda pk: {**generated, "id": pk})
    )


@api.hook
def flatmap_path_parameters(context, path_parameters):
    return or_an_existing_id(path_parameters, context.operation.path.removesuffix("{id}/"))


@api.hook
def flatmap_query(context, query):
    path = context.operation.path
    if not path.endswith("/find/"):
        return st.just(query)
    return or_an_existing_id(query, path.removesuffix("find/"))


@api.parametrize()
@settings(
    # Enough for CI (well under a minute); raise it locally to hunt further.
    max_examples=int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "30")),
    derandomize=True,  # the same cases on every run, so a CI failure reproduces
    database=None,
    deadline=None,
    # Fixtures are per operation, not per case, by design: one demo newsroom, read only.
    suppress_health_check=list(HealthCheck),
)
def test_every_answer_is_documented_and_none_is_a_server_error(
    case, existing_ids, partner_key, answers
):
    if case.path == SYNDICATION:
        # A real key, and ignored_auth also sends the request without it and with a wrong one.
        response = case.call_and_validate(
            headers={"Authorization": f"Bearer {partner_key}"},
            checks=[*CHECKS, ignored_auth],
        )
    else:
        response = case.call_and_validate(checks=CHECKS)
    if case.method == case.operation.method.upper():  # not one of the unexpected-method probes
        answers[case.operation.label][response.status_code] += 1
