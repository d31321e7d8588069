"""Serve the bench database with gunicorn and measure every kind of reader page (issue #9);
count the queries of the translator's admin pages (issue #18)."""

import json
import os
import platform
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from cms.bench import loadgen, server
from cms.bench.admin_pages import bench_translator, translator_addresses
from cms.bench.pages import (
    CACHED_TARGETS,
    MEMORY_TARGET_MB,
    QUERY_BUDGETS,
    UNCACHED_TARGETS,
    bench_addresses,
)

BARE = "bare Django view"
MODES = {"uncached": "off", "cached": "on"}


class Command(BaseCommand):
    help = "Throughput, latency, queries and memory of the reader's pages under gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="Load per page and mode.")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--json", type=Path, help="Also write the results here.")

    def handle(self, *args, **options):
        if options["seconds"] < 1:
            raise CommandError("--seconds must be at least 1.")
        try:
            loadgen.wrk_path()
            addresses = bench_addresses()
            translator, admin_addresses = bench_translator(), translator_addresses()
        except (loadgen.LoadGeneratorMissing, LookupError) as error:
            raise CommandError(str(error)) from error
        queries, sizes = self.count_queries(addresses)
        # Admin pages are counted, not loaded: the page cache never serves them.
        admin_queries, _sizes = self.count_queries(admin_addresses, translator)
        results = {
            "queries": queries,
            "admin_queries": admin_queries,
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
            for name, count in (queries | admin_queries).items()
            if count > QUERY_BUDGETS[name]
        ]
        if over:
            raise CommandError("Over the query budget: " + "; ".join(over))

    def count_queries(self, addresses, user=None):
        """Uncached queries per page, in this process, after one warm-up request each;
        as `user` when given (logged in as the admin's session would be)."""
        client = Client()
        if user is not None:
            client.force_login(user)
        queries, sizes = {}, {}
        with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=["testserver"]):
            for name, path in addresses.items():
                client.get(path)
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(path)
                if response.status_code != 200:
                    raise CommandError(f"{name} ({path}) answered {response.status_code}.")
                queries[name] = len(captured)
                sizes[name] = len(response.content)
        return queries, sizes

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
    lines += ["", "| translator's admin page (ru) | queries (budget) |", "|---|---|"]
    for name, count in results["admin_queries"].items():
        lines.append(f"| {name} | {count} ({QUERY_BUDGETS[name]}) |")
    lines += ["", *target_lines(results)]
    return "\n".join(lines)


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
