"""Serve the bench database with gunicorn and measure every kind of reader page (issue #9);
count and time the admin pages of editors and translators (issues #18 and #19)."""

import json
import math
import os
import platform
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cms.bench import loadgen, server
from cms.bench.admin_pages import ADMIN_P95_TARGET_MS, ADMIN_QUERY_BUDGET, admin_pages
from cms.bench.pages import (
    CACHED_TARGETS,
    MEMORY_TARGET_MB,
    QUERY_BUDGETS,
    UNCACHED_TARGETS,
    bench_addresses,
)
from cms.core.serving import ready_to_serve

BARE = "bare Django view"
MODES = {"uncached": "off", "cached": "on"}


class Command(BaseCommand):
    help = "Throughput, latency, queries and memory of the reader's pages under gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="Load per page and mode.")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--json", type=Path, help="Also write the results here.")
        parser.add_argument(
            "--admin-requests", type=int, default=20, help="Timed requests per admin page."
        )

    def handle(self, *args, **options):
        if options["seconds"] < 1:
            raise CommandError("--seconds must be at least 1.")
        try:
            loadgen.wrk_path()
            addresses = bench_addresses()
            editors_pages = admin_pages()
        except (loadgen.LoadGeneratorMissing, LookupError) as error:
            raise CommandError(str(error)) from error
        queries, sizes = self.count_queries(addresses)
        # Admin pages are counted and timed in this process, not loaded over HTTP: the page
        # cache never serves them and each is one person's request at a time.
        admin = self.measure_admin(editors_pages, options["admin_requests"])
        results = {
            "queries": queries,
            "admin": admin,
            "bytes": sizes,
            "modes": {},
            "peak_worker_mb": 0.0,
        }
        for mode, switch in MODES.items():
            environment = {"PAGE_CACHE": switch, "BENCH_BARE_BYTES": str(sizes["article"])}
            with server.gunicorn(environment) as (base, master):
                results["modes"][mode] = self.drive_all(base, addresses, options)
                peak = max(server.peak_memory_mb(pid) for pid in server.worker_pids(master.pid))
            results["peak_worker_mb"] = max(results["peak_worker_mb"], peak)
        results.update(self.context(options))
        self.stdout.write(render_table(results, addresses))
        if options["json"]:
            options["json"].parent.mkdir(parents=True, exist_ok=True)
            options["json"].write_text(json.dumps(results, indent=2, ensure_ascii=False))
            self.stdout.write(f"Written to {options['json']}")
        over = [
            f"{name}: {count} queries > {QUERY_BUDGETS[name]}"
            for name, count in queries.items()
            if count > QUERY_BUDGETS[name]
        ] + [
            f"{name} (admin, as {row['user']}): {row['queries']} queries > {row['budget']}"
            for name, row in admin.items()
            if row["queries"] > row["budget"]
        ]
        if over:
            raise CommandError("Over the query budget: " + "; ".join(over))

    def count_queries(self, addresses):
        """Uncached queries per page, in this process, after one warm-up request each."""
        client = Client()
        queries, sizes = {}, {}
        with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=["testserver"]):
            for name, path in addresses.items():
                queries[name], response = warm_count(client, name, path)
                sizes[name] = len(response.content)
        return queries, sizes

    def measure_admin(self, pages, requests):
        """Per admin page: its queries after one warm-up request, and the p50 and p95 of
        `requests` more, as the role that works there."""
        users = get_user_model().objects.in_bulk(
            {page.username for page in pages}, field_name="username"
        )
        measured = {}
        # As a serving worker runs (cms/wsgi.py): its loaded code set aside from the
        # garbage collector's full passes.
        ready_to_serve()
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            for page in pages:
                client = Client()
                client.force_login(users[page.username])
                queries, _response = warm_count(client, page.name, page.path)
                times = []
                for _ in range(max(requests, 1)):
                    started = time.perf_counter()
                    client.get(page.path)
                    times.append((time.perf_counter() - started) * 1000)
                times.sort()
                measured[page.name] = {
                    "user": page.username,
                    "path": page.path,
                    "queries": queries,
                    "budget": page.budget,
                    "p50_ms": times[len(times) // 2],
                    "p95_ms": times[math.ceil(0.95 * len(times)) - 1],
                }
                self.stderr.write(f"  {page.name}: {measured[page.name]['p95_ms']:.0f} ms p95")
        return measured

    def drive_all(self, base, addresses, options):
        measured = {}
        for name, path in {BARE: "/bench/bare/", **addresses}.items():
            for _ in range(3):  # warm the workers: templates, renditions, the page cache
                urllib.request.urlopen(base + path, timeout=30).read()
            load = loadgen.drive(base + path, options["seconds"], options["connections"])
            measured[name] = load.__dict__
            self.stderr.write(f"  {name}: {load.requests_per_second:.0f} req/s")
        bare = measured[BARE]["requests_per_second"] or 1.0
        for load in measured.values():
            load["ratio_to_bare"] = load["requests_per_second"] / bare
        return measured

    def context(self, options):
        return {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "seconds_per_page": options["seconds"],
            "connections": options["connections"],
            "workers": server.WORKERS,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
        }


def warm_count(client, name, path):
    """(queries, response) of a request for `path` after one warm-up request for it (as a
    serving worker answers once its per-process caches are full)."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise CommandError(f"{name} ({path}) answered {response.status_code}.")
    # Read now: the captured list is a slice of the connection's log, which the next
    # request empties.
    return len(captured), response


def render_table(results, addresses):
    modes = results["modes"]
    lines = [
        "| page | queries (budget) | uncached req/s | p50 ms | p95 ms | × bare "
        "| cached req/s | p50 ms | p95 ms | × bare |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in [BARE, *addresses]:
        count = results["queries"].get(name)
        cells = [name, "–" if count is None else f"{count} ({QUERY_BUDGETS[name]})"]
        for mode in MODES:
            load = modes[mode][name]
            cells += [
                f"{load['requests_per_second']:.0f}",
                f"{load['p50_ms']:.1f}",
                f"{load['p95_ms']:.1f}",
                f"{load['ratio_to_bare']:.1%}",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", *admin_table(results["admin"]), "", *target_lines(results)]
    return "\n".join(lines)


def admin_table(admin):
    lines = [
        "| admin page | as | queries (budget) | p50 ms | p95 ms |",
        "|---|---|---|---|---|",
    ]
    for name, row in admin.items():
        lines.append(
            f"| {name} | {row['user']} | {row['queries']} ({row['budget']}) "
            f"| {row['p50_ms']:.0f} | {row['p95_ms']:.0f} |"
        )
    over = [name for name, row in admin.items() if row["queries"] > ADMIN_QUERY_BUDGET]
    slow = [name for name, row in admin.items() if row["p95_ms"] > ADMIN_P95_TARGET_MS]
    count = len(admin)
    lines += [
        "",
        f"- within {ADMIN_QUERY_BUDGET} queries: {count - len(over)} of {count} admin pages"
        + (f"; NOT met by {', '.join(over)}" if over else ": met"),
        f"- p95 ≤ {ADMIN_P95_TARGET_MS} ms: {count - len(slow)} of {count} admin pages"
        + (f"; NOT met by {', '.join(slow)}" if slow else ": met"),
    ]
    return lines


def target_lines(results):
    modes, lines = results["modes"], []
    for mode, targets in (("uncached", UNCACHED_TARGETS), ("cached", CACHED_TARGETS)):
        for name, share in targets.items():
            ratio = modes[mode][name]["ratio_to_bare"]
            verdict = "met" if ratio >= share else "NOT met"
            lines.append(f"- {mode} {name}: {ratio:.1%} of bare (target ≥ {share:.0%}): {verdict}")
    first = modes["uncached"]["section page 1"]["requests_per_second"]
    deep = modes["uncached"]["section page 500"]["requests_per_second"]
    lines.append(f"- section page 500 / page 1 throughput: {deep / first:.0%}" if first else "")
    peak = results["peak_worker_mb"]
    verdict = "met" if peak < MEMORY_TARGET_MB else "NOT met"
    lines.append(
        f"- peak memory per worker: {peak:.0f} MB (target < {MEMORY_TARGET_MB}): {verdict}"
    )
    return lines
