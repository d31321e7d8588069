"""Minutes of mixed load on gunicorn: no 5xx, no lost subscription, flat memory (issue #10)."""

import json
import os
import platform
import secrets
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from cms.bench import loadgen, server, soak_load, soak_memory
from cms.bench.soak_addresses import languages, reader_paths, search_paths
from cms.bench.soak_ledger import email_prefix, post_of
from cms.newsletter.models import Subscriber

# Posts still queued in the server when wrk stops are served after it; count rows only
# once their number has held still this long.
QUIET_SECONDS = 3
DRAIN_LIMIT_SECONDS = 60
# The per-address limit stays at production's; each post names its own client address
# in X-Forwarded-For, which the server trusts as if one proxy stood in front of it.
SERVER_ENVIRONMENT = {"NEWSLETTER_TRUSTED_PROXIES": "1"}


class Command(BaseCommand):
    help = "Reads, searches and newsletter posts side by side under gunicorn; checks the outcome."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=120, help="Length of the load.")
        parser.add_argument("--connections", type=int, default=32, help="Of all kinds together.")
        parser.add_argument("--json", type=Path, help="Also write the results here.")

    def handle(self, *args, **options):
        seconds, connections = options["seconds"], options["connections"]
        if seconds < 4:
            raise CommandError("--seconds must be at least 4.")
        if connections < 3:
            raise CommandError("--connections must be at least 3: one for each kind.")
        try:
            loadgen.wrk_path()
            reads, searches = reader_paths(), search_paths()
        except (loadgen.LoadGeneratorMissing, LookupError) as error:
            raise CommandError(str(error)) from error
        run = secrets.token_hex(4)
        try:
            results = soak(run, reads, searches, seconds, connections)
        finally:
            forget_subscribers(run)
        self.stdout.write(render(results))
        if options["json"]:
            options["json"].parent.mkdir(parents=True, exist_ok=True)
            options["json"].write_text(json.dumps(results, indent=2, ensure_ascii=False))
            self.stdout.write(f"Written to {options['json']}")
        failed = [check["detail"] for check in results["checks"] if not check["passed"]]
        if failed:
            raise CommandError("The soak failed: " + "; ".join(failed))


def soak(run, reads, searches, seconds, connections):
    streams = soak_load.streams(connections, reads, searches, languages(), run)
    subscribers_before = Subscriber.objects.count()
    with server.gunicorn(SERVER_ENVIRONMENT) as (base, master):
        warm_up(base, reads, searches)
        sampler = soak_memory.MemorySampler(master.pid, soak_memory.sample_interval(seconds))
        sampler.start()
        try:
            loads, ledger = soak_load.run_side_by_side(base, streams, seconds)
        finally:
            sampler.stop()
        stored = wait_for_rows(run)
    results = {
        "run": run,
        "addresses": {"read": len(reads), "search": len(searches)},
        "streams": {kind: stream_figures(load) for kind, load in loads.items()},
        "subscriptions": {
            **ledger.reconcile(stored),
            "subscribers_before": subscribers_before,
            "subscribers_after": Subscriber.objects.count(),
        },
        "memory": soak_memory.flatness(sampler.samples, seconds),
        "memory_samples": sampler.samples,
        **context(seconds, connections),
    }
    results["checks"] = checks(results)
    return results


def warm_up(base, reads, searches):
    """One home page and one search per language: templates compiled, facts cached."""
    homes = [path for path in reads if path.count("/") == 2]
    for path in homes + searches[:: max(1, len(searches) // len(homes))]:
        urllib.request.urlopen(base + path, timeout=60).read()


def run_rows(run):
    rows = Subscriber.objects.filter(email__startswith=email_prefix(run))
    return {post_of(run, email) for email in rows.values_list("email", flat=True)} - {None}


def wait_for_rows(run):
    """The run's rows once no more arrive: the (thread, number) of each post they came from."""
    deadline = time.monotonic() + DRAIN_LIMIT_SECONDS
    rows, still_since = run_rows(run), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - still_since < QUIET_SECONDS:
        time.sleep(0.5)
        now = run_rows(run)
        if len(now) != len(rows):
            rows, still_since = now, time.monotonic()
    return rows


def forget_subscribers(run):
    """The bench dataset is reused: leave its subscriber list as it was built."""
    Subscriber.objects.filter(email__startswith=email_prefix(run)).delete()


def stream_figures(load):
    return {
        "connections": load.connections,
        "requests": load.requests,
        "requests_per_second": round(load.requests_per_second, 1),
        "p50_ms": load.p50_ms,
        "p95_ms": load.p95_ms,
        "p99_ms": load.p99_ms,
        "max_ms": load.max_ms,
        "statuses": {str(status): count for status, count in sorted(load.statuses.items())},
        "socket_errors": load.socket_errors,
    }


def context(seconds, connections):
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "seconds": seconds,
        "connections": connections,
        "workers": server.WORKERS,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
    }


def all_statuses(results):
    total = Counter()
    for stream in results["streams"].values():
        total.update({int(status): count for status, count in stream["statuses"].items()})
    return total


def checks(results):
    statuses = all_statuses(results)
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    dropped = sum(
        stream["socket_errors"][kind]
        for stream in results["streams"].values()
        for kind in ("connect", "read", "write")
    )
    posts = results["subscriptions"]
    memory = results["memory"]
    grown = [
        f"worker {pid}: {worker.get('growth_mb', '?')} MB"
        + ("" if worker["alive_throughout"] else " (replaced during the run)")
        for pid, worker in memory["workers"].items()
        if not worker["flat"]
    ]
    return [
        check("no 5xx", server_errors == 0, f"{server_errors} responses with a 5xx status"),
        check("every request answered", dropped == 0, f"{dropped} connections failed or dropped"),
        check(
            "no subscription lost",
            posts["lost"] == 0 and posts["rows_though_refused"] == 0,
            f"{posts['accepted']} posts accepted, {posts['rows_of_answered_posts']} rows of "
            f"answered posts ({posts['lost']} lost, {posts['rows_though_refused']} stored for "
            "posts answered with another status)",
        ),
        check(
            "subscribe posts accepted or rate-limited",
            posts["refused_otherwise"] == 0,
            f"{posts['refused_otherwise']} posts answered neither 302 nor 429",
        ),
        check("memory flat", memory["flat"], "memory grew: " + ", ".join(grown)),
    ]


def check(name, passed, detail):
    return {"name": name, "passed": bool(passed), "detail": detail}


def render(results):
    lines = [
        f"Soak: {results['seconds']} s, {results['connections']} connections, "
        f"{results['workers']} gunicorn workers, {results['database']}",
        "",
        "| kind | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms "
        "| statuses | socket errors (connect/read/write/timeout) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, stream in results["streams"].items():
        statuses = ", ".join(f"{status}: {count}" for status, count in stream["statuses"].items())
        errors = "/".join(str(count) for count in stream["socket_errors"].values())
        lines.append(
            f"| {kind} | {stream['connections']} | {stream['requests']} "
            f"| {stream['requests_per_second']:.1f} | {stream['p50_ms']:.0f} "
            f"| {stream['p95_ms']:.0f} | {stream['p99_ms']:.0f} | {stream['max_ms']:.0f} "
            f"| {statuses} | {errors} |"
        )
    posts = results["subscriptions"]
    lines += [
        "",
        f"Subscribe posts: {posts['posts_answered']} answered, {posts['accepted']} accepted "
        f"(302), {posts['rate_limited']} rate-limited (429), {posts['refused_otherwise']} "
        f"refused otherwise; rows of answered posts {posts['rows_of_answered_posts']}, lost "
        f"{posts['lost']}; {posts['unanswered']} unanswered when the load stopped "
        f"({posts['unanswered_with_row']} of them stored); subscribers "
        f"{posts['subscribers_before']} → {posts['subscribers_after']} (the run's rows are "
        "deleted afterwards)",
        "",
        f"Memory ({results['memory']['rule']}; warm-up "
        f"{results['memory']['warm_up_seconds']:.0f} s):",
    ]
    for pid, worker in results["memory"]["workers"].items():
        if "first_quarter_mb" in worker:
            lines.append(
                f"- worker {pid}: {worker['first_quarter_mb']:.0f} → "
                f"{worker['last_quarter_mb']:.0f} MB ({worker['growth_mb']:+.1f}, allowed "
                f"+{worker['allowed_mb']:.1f}): {'flat' if worker['flat'] else 'NOT flat'}"
            )
        else:
            lines.append(f"- worker {pid}: not alive throughout or too few samples: NOT flat")
    lines += ["", "Checks:"]
    lines += [
        f"- {item['name']}: {'passed' if item['passed'] else 'FAILED (' + item['detail'] + ')'}"
        for item in results["checks"]
    ]
    return "\n".join(lines)
