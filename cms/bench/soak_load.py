"""The soak's load: wrk streams of reads, searches and subscribe posts, run side by side.

One wrk process per kind of request, so that every status is counted against its kind
(wrk's response hook cannot tell which request an answer belongs to when a thread holds
several connections). Subscribe posts run one connection per wrk thread: the answer that
arrives is always to the post that thread sent last, so each post's fate is known.
"""

import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from .loadgen import wrk_path
from .soak_ledger import EMAIL_DOMAIN, PostLedger

# Connections per kind, out of 8: mostly reading, some searching, a few subscribing.
MIX = {"search": 2, "subscribe": 1}
TIMEOUT = "10s"

READ_SCRIPT = Template("""
local paths = {$paths}

function init(args)
  statuses = {}
  position = 0
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function report_thread(thread, id)
end
""")

SUBSCRIBE_SCRIPT = Template("""
local languages = {$languages}

function init(args)
  statuses, refused, unanswered = {}, {}, {}
  sent = 0
end

function request()
  if pending then table.insert(unanswered, pending) end
  sent = sent + 1
  pending = sent
  local language = languages[sent % #languages + 1]
  local body = "email=soak-$run-" .. id .. "-" .. sent .. "%40$domain"
    .. "&languages=" .. language .. "&consent=on&website="
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    -- Each post from a client address of its own: the per-address limit stays in force.
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", id % 256,
      math.floor(sent / 256) % 256, sent % 256),
  }
  return wrk.format("POST", "/" .. language .. "/newsletter/subscribe/", headers, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if pending and status ~= $accepted then refused[pending] = status end
  pending = nil
end

function report_thread(thread, id)
  io.write(string.format("SOAK sent %d %d\\n", id, thread:get("sent")))
  for number, status in pairs(thread:get("refused")) do
    io.write(string.format("SOAK refused %d %d %d\\n", id, number, status))
  end
  for _, number in ipairs(thread:get("unanswered")) do
    io.write(string.format("SOAK unanswered %d %d\\n", id, number))
  end
  local pending = thread:get("pending")
  if pending then io.write(string.format("SOAK unanswered %d %d\\n", id, pending)) end
end
""")

# Every script's threads, numbered; done() reports each one's counts (report_thread).
THREADS = """
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
"""

REPORT = """
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("SOAK summary %d %d %d %d %d %d %.0f %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, errors.connect, errors.read, errors.write,
    errors.timeout, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max))
  for _, thread in ipairs(threads) do
    local id = thread:get("id")
    for status, count in pairs(thread:get("statuses")) do
      io.write(string.format("SOAK status %d %d\\n", status, count))
    end
    report_thread(thread, id)
  end
end
"""

SUBSCRIBE_ACCEPTED = 302  # the form redirects to "check your inbox"
SOCKET_ERRORS = ("connect", "read", "write", "timeout")


@dataclass
class Stream:
    kind: str
    connections: int
    threads: int
    script: str


@dataclass
class StreamResult:
    kind: str
    connections: int
    requests: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    socket_errors: dict = field(default_factory=dict)
    statuses: Counter = field(default_factory=Counter)

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0


def lua_strings(values):
    """A Lua table literal of ASCII strings (paths are percent-encoded before they get here)."""
    for value in values:
        if not value.isascii() or '"' in value or "\\" in value:
            raise ValueError(f"Not a plain ASCII request path: {value!r}")
    return ", ".join(f'"{value}"' for value in values)


def split_connections(connections):
    """Connections per kind: MIX's share each (at least one), reads the rest."""
    shares = {kind: max(1, round(connections * weight / 8)) for kind, weight in MIX.items()}
    return {"read": connections - sum(shares.values()), **shares}


def streams(connections, reader_paths, search_paths, languages, run):
    split = split_connections(connections)
    return [
        Stream("read", split["read"], 1, READ_SCRIPT.substitute(paths=lua_strings(reader_paths))),
        Stream(
            "search", split["search"], 1, READ_SCRIPT.substitute(paths=lua_strings(search_paths))
        ),
        Stream(
            "subscribe",
            split["subscribe"],
            split["subscribe"],
            SUBSCRIBE_SCRIPT.substitute(
                languages=lua_strings(languages),
                run=run,
                domain=EMAIL_DOMAIN,
                accepted=SUBSCRIBE_ACCEPTED,
            ),
        ),
    ]


def run_side_by_side(base, all_streams, seconds):
    """Start every stream at once, wait for all; returns ({kind: StreamResult}, PostLedger)."""
    with tempfile.TemporaryDirectory() as folder:
        running = []
        for stream in all_streams:
            script = Path(folder) / f"{stream.kind}.lua"
            script.write_text(THREADS + stream.script + REPORT)
            command = [
                wrk_path(),
                f"-t{stream.threads}",
                f"-c{stream.connections}",
                f"-d{seconds}s",
                "--timeout",
                TIMEOUT,
                "-s",
                str(script),
                f"{base}/",
            ]
            process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
            running.append((stream, process))
        outputs = [
            (stream, process.communicate()[0], process.returncode) for stream, process in running
        ]
    results, ledger = {}, PostLedger()
    for stream, output, returncode in outputs:
        if returncode != 0 or "SOAK summary" not in output:
            raise RuntimeError(f"wrk ({stream.kind}) stopped with {returncode}:\n{output}")
        results[stream.kind] = read_output(stream, output, ledger)
    return results, ledger


def read_output(stream, output, ledger):
    result = StreamResult(stream.kind, stream.connections)
    for line in output.splitlines():
        if not line.startswith("SOAK "):
            continue
        word, *numbers = line.split()[1:]
        numbers = [int(float(number)) for number in numbers]
        if word == "summary":
            result.requests, duration_us = numbers[0], numbers[1]
            result.seconds = duration_us / 1e6
            result.socket_errors = dict(zip(SOCKET_ERRORS, numbers[2:6], strict=True))
            result.p50_ms, result.p95_ms, result.p99_ms, result.max_ms = (
                value / 1000 for value in numbers[6:10]
            )
        elif word == "status":
            result.statuses[numbers[0]] += numbers[1]
        elif word == "sent":
            ledger.sent[numbers[0]] = numbers[1]
        elif word == "refused":
            ledger.refused[(numbers[0], numbers[1])] = numbers[2]
        elif word == "unanswered":
            ledger.unanswered.add((numbers[0], numbers[1]))
    return result
