"""Drive one address with wrk (Debian's `wrk`) and read its throughput and latency."""

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# wrk prints only fixed percentiles; its Lua hook gives any, in microseconds.
REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), errors))
end
"""
LINE = re.compile(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\d+)$", re.MULTILINE)


class LoadGeneratorMissing(RuntimeError):
    pass


@dataclass
class Load:
    requests: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    errors: int


def wrk_path():
    path = shutil.which("wrk")
    if path is None:
        raise LoadGeneratorMissing("wrk is not installed: apt-get install wrk")
    return path


def drive(url, seconds, connections=4):
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "report.lua"
        script.write_text(REPORT)
        command = [
            wrk_path(),
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = LINE.search(output)
    if found is None:
        raise RuntimeError(f"wrk said nothing we understand:\n{output}")
    requests, duration_us, p50, p95, errors = map(int, found.groups())
    return Load(
        requests=requests,
        requests_per_second=requests / (duration_us / 1e6) if duration_us else 0.0,
        p50_ms=p50 / 1000,
        p95_ms=p95 / 1000,
        errors=errors,
    )
