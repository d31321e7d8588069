"""`make backup` / `make restore`: a round trip brings back the pages and the image files
deleted after the backup, and drops what was added since. Run in a newsroom of its own
(a copy of the demo on SQLite, a new database on PostgreSQL, and a media folder of its
own), since a restore replaces everything."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import subprocess_env

REPO_ROOT = Path(__file__).resolve().parents[2]

MAKE_CONTENT = """
from io import BytesIO
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images.models import Image
from wagtail.models import Page
buffer = BytesIO()
Picture.new("RGB", (8, 8), "teal").save(buffer, "PNG")
Image.objects.create(title="Harbour at dawn", file=ImageFile(buffer, name="harbour.png"))
Page.get_first_root_node().add_child(instance=Page(title="Before the backup", slug="kept"))
"""
DAMAGE = """
from wagtail.images.models import Image
from wagtail.models import Page
image = Image.objects.get(title="Harbour at dawn")
image.file.delete(save=False)
image.delete()
Page.objects.get(slug="kept").delete()
Page.get_first_root_node().add_child(instance=Page(title="After the backup", slug="added"))
"""
REPORT = """
from pathlib import Path
from django.conf import settings
from wagtail.images.models import Image
from wagtail.models import Page
image = Image.objects.filter(title="Harbour at dawn").first()
print("page kept:", Page.objects.filter(slug="kept").exists())
print("page added:", Page.objects.filter(slug="added").exists())
print("image row:", image is not None)
print("image file:", image is not None and (Path(settings.MEDIA_ROOT) / image.file.name).is_file())
"""


POSTGRES_SERVER = os.environ.get("BACKUP_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def psql(database, statement):
    return subprocess.run(
        ["psql", f"{POSTGRES_SERVER}/{database}", "-c", statement], capture_output=True, text=True
    )


def suite_database():
    """Each suite restores its own kind of database: SQLite in `make test`, PostgreSQL in
    `make test-postgres`."""
    from django.db import connection

    return "postgres" if connection.vendor == "postgresql" else "sqlite"


def manager(env):
    def manage(*args, check=True):
        finished = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert finished.returncode == 0, finished.stdout + finished.stderr
        return finished

    return manage


@pytest.fixture
def newsroom(request, tmp_path):
    if suite_database() == "postgres":
        name = f"newsroom_backup_{os.getpid()}"
        created = psql("postgres", f"CREATE DATABASE {name}")
        if created.returncode != 0:
            pytest.fail(f"needs PostgreSQL at {POSTGRES_SERVER}: {created.stderr.strip()}")
        request.addfinalizer(lambda: psql("postgres", f"DROP DATABASE IF EXISTS {name}"))
        manage = manager(subprocess_env(f"{POSTGRES_SERVER}/{name}", tmp_path / "media"))
        manage("migrate", "--noinput", "-v0")
        manage.dump_name = "database.dump"
    else:
        # A copy of the demo newsroom: migrated and filled, nothing to wait for.
        database, media = request.getfixturevalue("demo_newsroom_copy")
        manage = manager(subprocess_env(database, media))
        manage.dump_name = "database.sqlite3"
    return manage


def state(manage):
    output = manage("shell", "-c", REPORT).stdout
    return dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)


def test_a_restore_brings_back_the_database_and_the_media_of_the_backup(newsroom, tmp_path):
    backups = tmp_path / "backups"
    newsroom("shell", "-c", MAKE_CONTENT)

    written = newsroom("backup_newsroom", "--directory", str(backups)).stdout
    newsroom("shell", "-c", DAMAGE)
    assert state(newsroom) == {
        "page kept": "False",
        "page added": "True",
        "image row": "False",
        "image file": "False",
    }
    restored = newsroom("restore_newsroom", "--directory", str(backups)).stdout

    assert state(newsroom) == {
        "page kept": "True",
        "page added": "False",
        "image row": "True",
        "image file": "True",
    }
    (folder,) = backups.iterdir()
    assert str(folder) in written and str(folder) in restored
    assert {path.name for path in folder.iterdir()} == {
        "manifest.json",
        newsroom.dump_name,
        "media.tar.gz",
    }


def test_restoring_from_nowhere_fails_saying_why(tmp_path):
    manage = manager(subprocess_env(tmp_path / "newsroom.sqlite3", tmp_path / "media"))

    finished = manage("restore_newsroom", "--directory", str(tmp_path / "none"), check=False)

    assert finished.returncode != 0
    assert "No backup found" in finished.stderr
