"""What the project asks of a search cluster, checked on the wire with no cluster running.

A stand-in HTTP server on loopback records what the Elasticsearch and OpenSearch clients
send (mapping, settings, queries) and answers with canned payloads shaped as osmem's.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from search.engines.base import SearchRequest
from search.engines.cluster import ClusterEngine
from search.engines.cluster_mapping import index_body, language_analyzers
from tests.loopback import QuietHandler, serving

BACKENDS = {
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
    "opensearch3": "modelsearch.backends.opensearch3",
}
EXPECTED_ANALYZERS = {
    "en": "english",
    "ru": "russian",
    "pt": "portuguese",
    "zh_hans": "cjk",
    "hi": "hindi",
    "ar": "arabic",
    "fa": "persian",
    "am": "standard",
}
CATEGORY = "0b5c8a04-9a3f-4d1e-8a43-1c2f3b4d5e6f"
SEARCH_ANSWER = {
    "took": 1,
    "timed_out": False,
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "hits": [{"_id": "41", "_score": 2.0}, {"_id": "7", "_score": 1.0}],
    },
    "aggregations": {
        "kind": {"buckets": [{"key": "article", "doc_count": 2}]},
        "category": {"buckets": [{"key": CATEGORY, "doc_count": 1}]},
        "country": {"buckets": [{"key": "RU", "doc_count": 2}, {"key": "KZ", "doc_count": 1}]},
        "year": {"buckets": [{"key": 2026, "doc_count": 2}]},
    },
}
HOSTILE_TEXTS = [
    'Zebra" }, "match_all": {',
    '{"script": {"source": "Zebra"}}',
    "Zebra OR 1=1 --",
    "zebra* AND title_en:(x)",
    "ZEBRA\\u0000\x00",
]


class Recorder(QuietHandler):
    """Answers as a cluster would, and keeps every request it was sent."""

    def _answer(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append((self.command, self.path, dict(self.headers), body))
        if self.command == "HEAD":
            status, payload = 404, None
        elif self.path.split("?")[0].endswith("/_search"):
            status, payload = 200, SEARCH_ANSWER
        else:
            status, payload = 200, {"acknowledged": True}
        data = json.dumps(payload).encode() if payload is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer


@pytest.fixture(scope="module")
def recorder():
    with serving(Recorder) as server:
        server.requests = []
        yield server


@pytest.fixture(params=list(BACKENDS))
def engine(request, recorder):
    recorder.requests.clear()
    url = f"http://127.0.0.1:{recorder.server_address[1]}"
    with override_settings(SEARCH_URL=url, SEARCH_BACKEND=BACKENDS[request.param]):
        yield request.param, ClusterEngine(fallback=None)


def sent(recorder, method, path_end):
    return [
        (headers, json.loads(body) if body else None)
        for verb, path, headers, body in recorder.requests
        if verb == method and path.split("?")[0].endswith(path_end)
    ]


def string_values(body, path=()):
    """(key path, text) of every string in a JSON body; dict keys come back as values too."""
    if isinstance(body, dict):
        for key, value in body.items():
            yield path + ("<key>",), key
            yield from string_values(value, path + (key,))
    elif isinstance(body, list):
        for item in body:
            yield from string_values(item, path)
    elif isinstance(body, str):
        yield path, body


@override_settings(SEARCH_ANALYZERS={})
def test_each_language_field_is_analysed_by_that_language_analyzer():
    properties = index_body(language_analyzers())["mappings"]["properties"]

    for suffix, analyzer in EXPECTED_ANALYZERS.items():
        for field in (f"title_{suffix}", f"body_{suffix}"):
            # What a query is analysed with; cjk pages also index single characters.
            mapped = properties[field]
            assert mapped.get("search_analyzer", mapped["analyzer"]) == analyzer, field
    assert properties["title_zh_hans"]["analyzer"] == "cjk_index"
    assert len([name for name in properties if name.startswith("title_")]) == 9


def test_a_setting_replaces_the_analyzer_of_one_language():
    with override_settings(SEARCH_ANALYZERS={"ar": "standard", "hi": "standard"}):
        properties = index_body(language_analyzers())["mappings"]["properties"]

    assert properties["title_ar"]["analyzer"] == properties["body_hi"]["analyzer"] == "standard"
    assert properties["title_ru"]["analyzer"] == "russian"


def test_every_custom_analyzer_and_filter_used_is_defined():
    body = index_body(language_analyzers())
    analysis = body["settings"]["analysis"]
    built_in = set(EXPECTED_ANALYZERS.values())
    for field in body["mappings"]["properties"].values():
        for key in ("analyzer", "search_analyzer"):
            if key in field:
                assert field[key] in analysis["analyzer"] or field[key] in built_in
    built_in_filters = {"cjk_width", "lowercase", "cjk_bigram", "stop"}
    for analyzer in analysis["analyzer"].values():
        assert set(analyzer["filter"]) <= set(analysis["filter"]) | built_in_filters


def test_the_environment_configures_the_cluster_and_its_analyzers():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "SEARCH_URL": "http://search.internal:9200",
        "SEARCH_BACKEND": "modelsearch.backends.opensearch3",
        "SEARCH_INDEX": "wire",
        "SEARCH_ANALYZERS": "ar=standard, hi=standard",
    }
    script = (
        "import json; from cms.settings import base as s; print(json.dumps([s.SEARCH_ANALYZERS,"
        " s.SEARCH_BACKEND, s.SEARCH_INDEX, s.WAGTAILSEARCH_BACKENDS['default']]))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    analyzers, backend, index, admin = json.loads(output)

    assert analyzers == {"ar": "standard", "hi": "standard"}
    assert backend == admin["BACKEND"] == "modelsearch.backends.opensearch3"
    assert index == admin["INDEX"] == "wire"
    assert admin["URLS"] == ["http://search.internal:9200"]


def test_each_client_creates_the_index_with_the_project_mapping(engine, recorder):
    flavour, cluster_engine = engine

    cluster_engine.ensure_index()

    [(headers, body)] = sent(recorder, "PUT", "/newsroom-reader")
    assert body == index_body(language_analyzers())
    content_type = {name.lower(): value for name, value in headers.items()}["content-type"]
    if flavour == "elasticsearch8":
        # The 9.x client must not ask an 8.x cluster for version 9 answers.
        assert content_type == "application/vnd.elasticsearch+json; compatible-with=8"
    else:
        assert content_type.startswith("application/json")


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_user_text_only_travels_as_the_value_of_a_query(engine, recorder, text):
    _flavour, cluster_engine = engine
    request = SearchRequest(text, ((1, "en"), (2, "ru")), kind="article", country="RU")

    hits = cluster_engine.search(request)
    cluster_engine.suggest(text, ((1, "en"),), 8)

    bodies = [body for _headers, body in sent(recorder, "POST", "/newsroom-reader/_search")]
    assert len(bodies) == 2
    for body in bodies:
        holding = [path for path, value in string_values(body) if "zebra" in value.lower()]
        assert holding and all(path[-1] == "query" for path in holding), holding
        keys = {value for path, value in string_values(body) if path[-1] == "<key>"}
        assert not keys & {"match_all", "script", "source", "title_en:(x)"}
    assert hits.page_ids == [41, 7] and hits.total == 2


def test_a_cluster_answer_becomes_hits_with_the_database_engine_facet_shape(engine):
    _flavour, cluster_engine = engine

    hits = cluster_engine.search(SearchRequest("rail", ((1, "en"),)))

    assert hits.facets == {
        "kind": {"article": 2},
        "category": {CATEGORY: 1},
        "country": {"RU": 2, "KZ": 1},
        "year": {2026: 2},
    }
