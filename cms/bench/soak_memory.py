"""The gunicorn workers' resident memory through a soak, and whether it stayed flat.

The rule: after a warm-up (templates compiled, caches filled), the mean of the last
quarter of the samples may exceed the mean of the first quarter by at most 10 % and at
most 20 MB. A worker replaced during the run (crashed or killed for a timeout) fails it.
"""

import math
import statistics
import threading
import time

from . import server

GROWTH_SHARE = 0.10
GROWTH_MB = 20.0
WARM_UP_SECONDS = 20.0
RULE = (
    f"last-quarter mean ≤ first-quarter mean + min({GROWTH_SHARE:.0%}, {GROWTH_MB:.0f} MB), "
    "quarters taken after the warm-up, every worker alive from start to end"
)


def warm_up_seconds(seconds):
    return min(WARM_UP_SECONDS, seconds / 6)


def sample_interval(seconds):
    """About 60 samples a run, no more often than 4 a second, no less than every 2 s."""
    return max(0.25, min(2.0, seconds / 60))


class MemorySampler(threading.Thread):
    """Reads every worker's VmRSS each interval until stopped: [(seconds, {pid: MB})]."""

    def __init__(self, master_pid, interval):
        super().__init__(daemon=True)
        self.master_pid = master_pid
        self.interval = interval
        self.samples = []
        self.stopped = threading.Event()

    def run(self):
        started = time.monotonic()
        while True:
            moment = time.monotonic() - started
            sample = {}
            for pid in server.worker_pids(self.master_pid):
                try:
                    sample[pid] = round(server.resident_memory_mb(pid), 1)
                except OSError:  # the worker ended between listing and reading
                    continue
            self.samples.append((round(moment, 2), sample))
            if self.stopped.wait(self.interval):
                return

    def stop(self):
        self.stopped.set()
        self.join()


def flatness(samples, seconds):
    """Per worker: first- and last-quarter means after the warm-up, growth, allowance, verdict."""
    warm_up = warm_up_seconds(seconds)
    quarter = (seconds - warm_up) / 4
    workers = {pid for _moment, sample in samples for pid in sample}
    verdicts = {}
    for pid in sorted(workers):
        first = readings(samples, pid, warm_up, warm_up + quarter)
        last = readings(samples, pid, seconds - quarter, math.inf)
        alive = all(pid in sample for _moment, sample in samples)
        verdicts[pid] = verdict(first, last, alive)
    return {
        "rule": RULE,
        "warm_up_seconds": warm_up,
        "workers": verdicts,
        "flat": bool(verdicts) and all(worker["flat"] for worker in verdicts.values()),
    }


def readings(samples, pid, start, end):
    return [sample[pid] for moment, sample in samples if start <= moment < end and pid in sample]


def verdict(first, last, alive):
    if not (first and last and alive):
        return {"alive_throughout": alive, "flat": False, "samples": len(first) + len(last)}
    first_mb, last_mb = statistics.fmean(first), statistics.fmean(last)
    allowed = min(GROWTH_SHARE * first_mb, GROWTH_MB)
    return {
        "alive_throughout": True,
        "first_quarter_mb": round(first_mb, 1),
        "last_quarter_mb": round(last_mb, 1),
        "growth_mb": round(last_mb - first_mb, 1),
        "allowed_mb": round(allowed, 1),
        "flat": last_mb - first_mb <= allowed,
    }
