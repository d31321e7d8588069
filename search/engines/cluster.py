"""The readers' search on Elasticsearch or OpenSearch, with the database engine behind it.

Every write also goes to the database engine, so that it can answer whenever the cluster
cannot: a reader always gets results, and the cluster's trouble goes to the log.
"""

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

from .base import SearchHits
from .cluster_mapping import (
    document_source,
    index_body,
    language_analyzers,
    page_ids,
    search_body,
    search_hits,
    suggest_body,
)

logger = logging.getLogger(__name__)

# Seconds a reader waits for the cluster before the database answers instead.
TIMEOUT = 5
# Writes run in background jobs and rebuilds, where a busy cluster is worth waiting for.
WRITE_TIMEOUT = 60
JSON_MEDIA_TYPE = re.compile(r"application/(json|x-ndjson)")


@dataclass(frozen=True)
class Cluster:
    """A client of one cluster, its bulk helper and the errors its client raises."""

    client: object
    writer: object  # the same cluster, with the patience of background writes
    bulk: object
    unreachable: tuple  # the cluster did not answer: connection refused, timeout, TLS
    failed: tuple  # any error of the client, unreachable or refused


def _opensearch(url):
    from opensearchpy import OpenSearch, helpers
    from opensearchpy.exceptions import ConnectionError, OpenSearchException

    client = OpenSearch(hosts=[url], timeout=TIMEOUT, max_retries=1)
    writer = OpenSearch(hosts=[url], timeout=WRITE_TIMEOUT, max_retries=1)
    return Cluster(client, writer, helpers.bulk, (ConnectionError,), (OpenSearchException,))


def _elasticsearch(url, major):
    import elasticsearch
    from elasticsearch import helpers

    class Elasticsearch(elasticsearch.Elasticsearch):
        # The 9.x client asks for answers "compatible-with=9", which an 8.x cluster
        # refuses with a 400; asking for the cluster's own version serves both.
        def perform_request(self, method, path, *, headers=None, **kwargs):
            if headers and major:
                compatible = rf"application/vnd.elasticsearch+\1; compatible-with={major}"
                headers = {
                    name: JSON_MEDIA_TYPE.sub(compatible, value) for name, value in headers.items()
                }
            return super().perform_request(method, path, headers=headers, **kwargs)

    client = Elasticsearch(hosts=[url], request_timeout=TIMEOUT, max_retries=1)
    unreachable = (elasticsearch.ConnectionError, elasticsearch.ConnectionTimeout)
    failed = (elasticsearch.ApiError, elasticsearch.TransportError, helpers.BulkIndexError)
    writer = client.options(request_timeout=WRITE_TIMEOUT)
    return Cluster(client, writer, helpers.bulk, unreachable, failed)


@lru_cache(maxsize=4)
def cluster(url, backend):
    """The client for SEARCH_URL, of OpenSearch's or Elasticsearch's kind as the backend says."""
    if "opensearch" in backend:
        return _opensearch(url)
    version = re.search(r"elasticsearch(\d+)", backend)
    return _elasticsearch(url, version.group(1) if version else "")


class ClusterEngine:
    """The readers' index on the cluster, kept in step with the database engine's."""

    def __init__(self, fallback):
        self.fallback = fallback
        self.cluster = cluster(settings.SEARCH_URL, settings.SEARCH_BACKEND)
        self.client = self.cluster.client
        self.writer = self.cluster.writer
        self.index_name = f"{settings.SEARCH_INDEX}-reader"

    # Writes: the database first; a cluster error then rolls both back and the job retries.

    def index(self, documents):
        self.fallback.index(documents)
        if not documents:
            return
        self.ensure_index()
        actions = (
            {
                "_index": self.index_name,
                "_id": document.page_id,
                "_source": document_source(document),
            }
            for document in documents
        )
        self.cluster.bulk(self.writer, actions, refresh=True)

    def remove(self, page_ids):
        self.fallback.remove(page_ids)
        if not page_ids:
            return
        actions = (
            {"_op_type": "delete", "_index": self.index_name, "_id": page_id}
            for page_id in page_ids
        )
        # Removal runs as an editor unpublishes or deletes, which the cluster must not
        # stop: the page already left the database, so readers never see its result, and
        # the next rebuild drops what stayed behind.
        try:
            self.ensure_index()
            _done, errors = self.cluster.bulk(
                self.writer, actions, refresh=True, raise_on_error=False
            )
        except self.cluster.failed:
            logger.exception("Search cluster: pages %s stay in its index", list(page_ids))
            return
        # A page the cluster never held answers 404, which is what removal wants.
        failures = [error for error in errors if error.get("delete", {}).get("status") != 404]
        if failures:
            logger.error("Search cluster: removing pages failed: %s", failures)

    def clear(self):
        """Empty the index by creating it afresh, with the mapping that settings give now."""
        self.fallback.clear()
        if self.writer.indices.exists(index=self.index_name):
            self.writer.indices.delete(index=self.index_name)
        self.writer.indices.create(index=self.index_name, body=index_body(language_analyzers()))

    def ensure_index(self):
        # Writing to a missing index would create one with guessed types: create ours first.
        if self.writer.indices.exists(index=self.index_name):
            return
        try:
            self.writer.indices.create(
                index=self.index_name, body=index_body(language_analyzers())
            )
        except self.cluster.failed:
            if not self.writer.indices.exists(index=self.index_name):
                raise

    # Reads: never an error for the reader.

    def _ask(self, body):
        """The cluster's answer to a search body, or None when the database must answer."""
        try:
            return self.client.search(index=self.index_name, body=body)
        except self.cluster.unreachable as error:
            logger.warning("Search cluster unreachable, the database answers: %r", error)
        except self.cluster.failed:
            logger.exception("Search cluster failed to answer, the database answers")
        return None

    def search(self, request):
        body = search_body(request)
        if body is None:
            return SearchHits()
        response = self._ask(body)
        if response is None:
            return self.fallback.search(request)
        return search_hits(response)

    def suggest(self, text, languages, limit):
        body = suggest_body(text, languages, limit)
        if body is None:
            return []
        response = self._ask(body)
        if response is None:
            return self.fallback.suggest(text, languages, limit)
        return page_ids(response)
