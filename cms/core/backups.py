"""Backups of the newsroom: the database (in its engine's own format) and the media files,
side by side in backups/<timestamp>/, and their restoration."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


def engine():
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def postgres_environment():
    """libpq's variables for the configured database, so no password is on a command line."""
    database = settings.DATABASES["default"]
    names = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
    env = {variable: str(database[key]) for key, variable in names.items() if database.get(key)}
    return os.environ | env | {"PGDATABASE": database["NAME"]}


def run(command):
    finished = subprocess.run(command, env=postgres_environment(), capture_output=True, text=True)
    if finished.returncode != 0:
        raise BackupError(f"{command[0]} failed: {finished.stderr.strip()}")


def dump_database(target):
    if engine() == "sqlite":
        connection.ensure_connection()
        # SQLite's online backup: a consistent copy even while the site writes.
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}"])


def load_database(source):
    if engine() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as saved:
            saved.backup(connection.connection)
        saved.close()
    else:
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={settings.DATABASES['default']['NAME']}",
                str(source),
            ]
        )


def archive_media(target):
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")


def restore_media(source):
    media_root = Path(settings.MEDIA_ROOT)
    staging = media_root.with_name(media_root.name + ".restoring")
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(source, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the tree and devices.
        archive.extractall(staging, filter="data")
    shutil.rmtree(media_root, ignore_errors=True)
    extracted = staging / "media"
    if extracted.exists():
        extracted.rename(media_root)
    else:
        media_root.mkdir(parents=True)
    shutil.rmtree(staging)


def create_backup(directory):
    """Write a new backup under directory and return its folder."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = Path(directory) / stamp
    folder.mkdir(parents=True)
    vendor = engine()
    dump_database(folder / DUMPS[vendor])
    archive_media(folder / MEDIA_ARCHIVE)
    manifest = {"created_at": stamp, "engine": vendor, "database": DUMPS[vendor]}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def latest_backup(directory):
    folders = sorted(path.parent for path in Path(directory).glob(f"*/{MANIFEST}"))
    if not folders:
        raise BackupError(f"No backup found in {directory}.")
    return folders[-1]


def restore_backup(folder):
    """Replace the database and the media files with the backup's."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup: {error}") from error
    if manifest.get("engine") != engine():
        raise BackupError(
            f"The backup is of a {manifest.get('engine')} database; this site runs on {engine()}."
        )
    load_database(folder / manifest["database"])
    restore_media(folder / MEDIA_ARCHIVE)
