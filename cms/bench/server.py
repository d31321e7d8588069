"""gunicorn serving the bench settings on a free loopback port, and its workers' memory."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

WORKERS = 2


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(environment, workers=WORKERS):
    """Yields (base URL, master process); stops the server however the block ends."""
    port = free_port()
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, **environment, "DJANGO_SETTINGS_MODULE": "cms.settings.bench"}
    master = subprocess.Popen(
        [
            str(gunicorn_bin),
            "cms.wsgi:application",
            f"--workers={workers}",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, master)
        yield base, master
    finally:
        master.terminate()
        master.wait(timeout=30)


def wait_until_up(base, master, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if master.poll() is not None:
            raise RuntimeError(f"gunicorn stopped with code {master.returncode}")
        try:
            urllib.request.urlopen(f"{base}/bench/bare/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {base} within {seconds} s")


def worker_pids(master_pid):
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The parent's pid is the 2nd field after the parenthesised command name.
        if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
            pids.append(int(entry.name))
    return pids


def peak_memory_mb(pid):
    """VmHWM: the most resident memory the process ever held."""
    return status_field_mb(pid, "VmHWM")


def resident_memory_mb(pid):
    """VmRSS: the resident memory the process holds now."""
    return status_field_mb(pid, "VmRSS")


def status_field_mb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0
