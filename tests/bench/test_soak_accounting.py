"""The soak's bookkeeping: wrk's count of subscribe posts against a server that records each,
and the rule that calls the workers' memory flat."""

import shutil
from collections import Counter
from urllib.parse import parse_qs

import pytest

from cms.bench import soak_load, soak_memory
from cms.bench.soak_ledger import post_of
from tests.loopback import QuietHandler, serving

RUN = "0badcafe"


class StandInSite(QuietHandler):
    """Answers reads 200 and subscribe posts as the form does: 302, or 429 for every fifth."""

    served = []  # (email, status), in the order answered
    # Connections kept open, as wrk expects: no reconnect per request to stall a stream.
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.answer(200)

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        email = form["email"][0]
        status = 429 if post_of(RUN, email)[1] % 5 == 0 else 302
        self.served.append((email, status))
        self.answer(status)

    def answer(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def stand_in_site():
    StandInSite.served = []
    with serving(StandInSite) as site:
        yield site.url


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_every_post_the_site_accepted_is_in_the_ledger_or_still_in_flight(stand_in_site):
    streams = soak_load.streams(8, ["/en/", "/ru/"], ["/en/search/?q=x"], ["en", "ru"], RUN)

    loads, ledger = soak_load.run_side_by_side(stand_in_site, streams, seconds=2)

    accepted_by_site = {
        post_of(RUN, email) for email, status in StandInSite.served if status == 302
    }
    outcome = ledger.reconcile(stored=accepted_by_site)
    assert outcome["accepted"] > 10
    assert outcome["lost"] == 0
    assert outcome["rows_though_refused"] == 0
    assert outcome["rows_of_answered_posts"] == outcome["accepted"]
    limited = {post_of(RUN, email) for email, status in StandInSite.served if status == 429}
    assert outcome["rate_limited"] == len(limited - ledger.unanswered)
    assert loads["subscribe"].statuses == Counter(
        {302: outcome["accepted"], 429: outcome["rate_limited"]}
    )
    assert set(loads["read"].statuses) == {200} and set(loads["search"].statuses) == {200}
    assert {kind: load.connections for kind, load in loads.items()} == {
        "read": 5,
        "search": 2,
        "subscribe": 1,
    }


def samples(*workers, seconds=120, every=2):
    """[(moment, {pid: MB})]: worker 1, 2… each reading what its function gives at the moment."""
    return [
        (moment, {pid: memory(moment) for pid, memory in enumerate(workers, 1)})
        for moment in range(0, seconds + 1, every)
    ]


def filling_caches(moment):
    return 120 + 30 * min(1, moment / 15)  # grows in the warm-up, then holds


def leaking(moment):
    return 150 + moment / 4  # 30 MB over two minutes, never levelling


def still(moment):
    return 150


def test_memory_that_holds_still_after_warm_up_is_flat():
    verdict = soak_memory.flatness(samples(filling_caches, still), seconds=120)

    assert verdict["flat"]
    assert verdict["workers"][1]["last_quarter_mb"] == 150
    assert verdict["workers"][1]["growth_mb"] == 0


def test_memory_that_keeps_growing_is_not_flat():
    verdict = soak_memory.flatness(samples(leaking, still), seconds=120)

    assert not verdict["flat"]
    assert not verdict["workers"][1]["flat"] and verdict["workers"][2]["flat"]
    # Quarters of 25 s, 75 s apart: about 19 MB grown, 10 % of about 158 MB allowed.
    assert verdict["workers"][1]["growth_mb"] > verdict["workers"][1]["allowed_mb"]


def test_a_worker_replaced_during_the_run_fails_the_memory_check():
    run = samples(still, still)
    for moment, sample in run:
        if moment > 60:
            sample[3] = sample.pop(2)  # gunicorn started a new worker in its place

    verdict = soak_memory.flatness(run, seconds=120)

    assert not verdict["flat"]
    assert not verdict["workers"][2]["alive_throughout"]
    assert not verdict["workers"][3]["alive_throughout"]
