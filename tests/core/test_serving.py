"""A serving process is ready before its first request (cms/core/serving.py)."""

import subprocess
import sys

from tests.conftest import subprocess_env

REPORT = (
    "import gc, sys; import cms.wsgi; "
    "print(gc.get_freeze_count(), 'cms.api.endpoints' in sys.modules, "
    "callable(cms.wsgi.application))"
)


def test_the_wsgi_application_loads_its_views_and_freezes_them(tmp_path):
    env = subprocess_env(tmp_path / "unused.sqlite3", tmp_path / "media")

    done = subprocess.run(
        [sys.executable, "-c", REPORT], env=env, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr
    frozen, views_loaded, application = done.stdout.split()
    # The objects a worker holds for its lifetime are left out of garbage collection.
    assert int(frozen) > 50_000
    assert views_loaded == "True" and application == "True"
