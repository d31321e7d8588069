"""Production refuses to start without its secrets; the embedded default needs none."""

import os
import subprocess
import sys
from pathlib import Path

from django.utils.translation import get_language_info

ROOT = Path(__file__).resolve().parent.parent


def start_django(settings_module, code="print('started')", **env):
    """Django set up in a fresh process with nothing of the suite's environment that
    settings read (secrets, database, broker), then `code` run."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "CELERY_BROKER_URL", "REDIS_URL"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_names_every_missing_variable():
    result = start_django("cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in result.stderr


def test_production_refuses_sqlite():
    result = start_django(
        "cms.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="news.example",
        DATABASE_URL="sqlite:////tmp/newsroom.sqlite3",
    )
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_production_starts_with_its_variables():
    result = start_django(
        "cms.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="news.example",
        DATABASE_URL="postgres://newsroom@127.0.0.1:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_production_has_neither_the_demo_nor_the_benchmarks():
    """No `load_demo_newsroom` (it creates a known admin password) and no bench commands."""
    result = start_django(
        "cms.settings.production",
        code="from django.conf import settings; "
        "from django.core.management import get_commands; "
        "print(sorted(a for a in settings.INSTALLED_APPS if a in ('cms.demo', 'cms.bench')), "
        "'load_demo_newsroom' in get_commands(), 'bench_pages' in get_commands())",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="news.example",
        DATABASE_URL="postgres://newsroom@127.0.0.1:5432/newsroom",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "False", "False"]

    embedded = start_django(
        "cms.settings.dev",
        code="from django.core.management import get_commands; "
        "print('load_demo_newsroom' in get_commands(), 'bench_pages' in get_commands())",
    )
    assert embedded.stdout.split() == ["True", "True"], embedded.stderr


def test_embedded_default_starts_with_nothing_set():
    result = start_django("cms.settings.dev")
    assert result.returncode == 0, result.stderr


def test_amharic_is_a_known_language():
    info = get_language_info("am")
    assert info["name_local"] == "አማርኛ"
    assert info["bidi"] is False


def test_jobs_without_a_broker_run_here_with_a_quiet_log():
    """The embedded default runs jobs in-process; handing one over must not log a warning
    about a broker host nobody configured (it did, once per server process)."""
    result = start_django(
        "cms.settings.dev",
        code="from cms.celery import app; "
        "print(app.conf.task_always_eager, app.tasks['celery.backend_cleanup'].delay().status)",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "SUCCESS"]
    assert "hostname" not in result.stderr.lower(), result.stderr
