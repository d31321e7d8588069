"""A search cluster for the tests that need one: osmem-server, an in-memory OpenSearch 3 API."""

import socket

import pytest
from django.core.management import call_command
from django.test import override_settings

# osmem-server has no arabic, hindi or persian analyzer (it refuses mappings naming them).
OSMEM_ANALYZERS = {"ar": "standard", "hi": "standard", "fa": "standard"}


def cluster_settings(url, backend="modelsearch.backends.opensearch3", index="newsroom-test"):
    """Settings pointing the readers' search and the admin's search at one cluster."""
    return {
        "SEARCH_URL": url,
        "SEARCH_BACKEND": backend,
        "SEARCH_INDEX": index,
        "SEARCH_ANALYZERS": OSMEM_ANALYZERS,
        "WAGTAILSEARCH_BACKENDS": {
            "default": {
                "BACKEND": "modelsearch.backends.opensearch3",
                "URLS": [url],
                "INDEX": index,
                "TIMEOUT": 30,
            }
        },
    }


def closed_port_url():
    """The URL of a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def osmem_server_url():
    """osmem-server on a free loopback port for the session; skips (fails in CI) without it."""
    try:
        from osmem_server import OsmemError, OsmemServer
    except ImportError:
        pytest.skip("osmem-server is not installed (pip install -e '.[dev]')")
    try:
        server = OsmemServer.start(japanese=False, addr="127.0.0.1:0")
    except (OsmemError, OSError) as error:
        pytest.skip(f"osmem-server did not start: {error}")
    yield server.url
    server.close()


@pytest.fixture(scope="module")
def search_cluster(osmem_server_url, django_db_setup, django_db_blocker):
    """The demo newsroom indexed on osmem (readers' and admin's indexes), settings pointing there.

    The database's documents are rewritten as they were, so other modules see no change.
    """
    with override_settings(**cluster_settings(osmem_server_url)), django_db_blocker.unblock():
        call_command("update_index", verbosity=0)
        yield osmem_server_url
