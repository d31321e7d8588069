"""A production worker keeps its PostgreSQL connection between requests, and a connection
the server dropped in between costs the next reader nothing."""

import json
import subprocess
import sys
import textwrap

import pytest
from django.db import connection

from tests.conftest import REPO_ROOT, subprocess_env

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's connections (SQLite opens a file)"
)

# Three requests to the home page through Django's WSGI handler with production's
# behaviour (cms.settings.bench: production without HTTPS and collected static files), as
# a gunicorn worker makes them; Django's test client neither closes nor checks connections
# between requests. Between the second and the third the server ends the worker's
# connection, as a restart or an administrator's pg_terminate_backend would.
SERVE_THREE = textwrap.dedent(
    """
    import json
    import sys

    import django
    django.setup()
    import psycopg
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import RequestFactory

    app = WSGIHandler()

    def home():
        statuses = []
        response = app(RequestFactory().get("/en/").environ, lambda s, h: statuses.append(s))
        body = b"".join(response)
        response.close()  # what the server does: request_finished
        return {
            "status": statuses[0],
            "served": b"<html" in body,
            "backend": connection.connection.info.backend_pid if connection.connection else None,
        }

    served = [home(), home()]
    with psycopg.connect(sys.argv[1], autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [served[-1]["backend"]])
    served.append(home())
    print(json.dumps({"kept": settings.DATABASES["default"]["CONN_MAX_AGE"], "served": served}))
    """
)


def serve_three(database_url, media_root, **env):
    result = subprocess.run(
        [sys.executable, "-c", SERVE_THREE, database_url],
        cwd=REPO_ROOT,
        env=subprocess_env(
            database_url,
            media_root,
            DJANGO_SETTINGS_MODULE="cms.settings.bench",
            PAGE_CACHE="off",
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture
def database_url(db):
    """The suite's database, where the demo newsroom was committed at set-up."""
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    )


def test_a_worker_reuses_its_connection_and_survives_a_dropped_one(database_url, media_root):
    run = serve_three(database_url, media_root)

    assert run["kept"] == 60
    first, second, after_drop = run["served"]
    assert [page["status"] for page in run["served"]] == ["200 OK"] * 3
    assert all(page["served"] for page in run["served"])
    # One server process for both requests: no connection set up per page.
    assert first["backend"] == second["backend"]
    # The dropped connection was found unusable before the page's first query.
    assert after_drop["backend"] not in (None, second["backend"])


def test_connections_can_still_be_closed_after_every_request(database_url, media_root):
    run = serve_three(database_url, media_root, DATABASE_CONN_MAX_AGE="0")

    first, second, _ = run["served"]
    assert run["kept"] == 0
    assert first["backend"] is None and second["backend"] is None


@pytest.mark.django_db
def test_the_newsroom_asks_postgresql_not_to_compile_its_queries():
    # The translators' desk paid more for JIT compilation than for its counts.
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
