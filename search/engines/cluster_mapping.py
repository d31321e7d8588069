"""The readers' index on a search cluster: its mapping and the bodies of its requests.

Text goes to the cluster folded by our analyser (case, letter variants, native digits), so
the cluster and the database compare the same forms; the cluster's analyzer of each
language then segments and stems. Everything here is plain data, built with no connection,
and the reader's words only ever travel as the value of a `query`.
"""

import uuid

from django.conf import settings

from ..analysis import MAX_TERM_LENGTH, WORD, fold
from .base import FACETS, SearchHits

# The analyzer of each language that Elasticsearch and OpenSearch both ship; SEARCH_ANALYZERS
# names another for any language, e.g. "standard" on a cluster that lacks one. A change
# takes effect when update_index creates the index afresh.
DEFAULT_ANALYZERS = {
    "en": "english",
    "ru": "russian",
    "pt": "portuguese",
    "zh-hans": "cjk",
    "hi": "hindi",
    "ar": "arabic",
    "fa": "persian",
    "am": "standard",
}
# The built-in cjk analyzer indexes pairs of characters only, so a one-character query
# would find nothing: pages also index single characters while queries stay pairs, as
# search/analysis.py does for the database engines.
INDEX_ANALYZERS = {"cjk": "cjk_index"}
TITLE_BOOST = 5  # as the database engines weigh a title against the body
PREFIX_LENGTH = 20  # the longest beginning of a title word that suggestions match
AGGREGATION_SIZE = 500  # more values than any facet has: the counts are exact

ANALYSIS = {
    "filter": {
        "cjk_unigrams": {"type": "cjk_bigram", "output_unigrams": True},
        "title_prefix": {"type": "edge_ngram", "min_gram": 1, "max_gram": PREFIX_LENGTH},
        "prefix_length": {"type": "truncate", "length": PREFIX_LENGTH},
    },
    "analyzer": {
        "cjk_index": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase", "cjk_unigrams", "stop"],
        },
        "title_prefixes": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase", "cjk_unigrams", "title_prefix"],
        },
        "title_words": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["cjk_width", "lowercase", "cjk_bigram", "prefix_length"],
        },
    },
}
NEWEST_FIRST = [
    {"published_at": {"order": "desc", "missing": "_last"}},
    {"page_id": {"order": "desc"}},
]
FACET_FIELDS = {"kind": "kind", "category": "category_key", "country": "countries", "year": "year"}


def language_analyzers():
    """The cluster analyzer of each content language: ours, or the one settings name."""
    configured = getattr(settings, "SEARCH_ANALYZERS", None) or {}
    return {
        code: configured.get(code) or DEFAULT_ANALYZERS.get(code, "standard")
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def field_suffix(language):
    return language.replace("-", "_")


def folded_text(text, language):
    """The words of a text as our analyser folds them, for the cluster to analyse further."""
    words = (fold(word, language) for word in WORD.findall(text or ""))
    return " ".join(word for word in words if len(word) <= MAX_TERM_LENGTH)


def _text_field(analyzer):
    index_analyzer = INDEX_ANALYZERS.get(analyzer, analyzer)
    field = {"type": "text", "analyzer": index_analyzer}
    if index_analyzer != analyzer:
        field["search_analyzer"] = analyzer
    return field


def index_body(analyzers):
    """Settings and mapping of the readers' index: a title and a body field per language."""
    properties = {
        "page_id": {"type": "long"},
        "locale_id": {"type": "integer"},
        "kind": {"type": "keyword"},
        "category_key": {"type": "keyword"},
        "year": {"type": "integer"},
        "published_at": {"type": "date"},
        "countries": {"type": "keyword"},
        "title_autocomplete": {
            "type": "text",
            "analyzer": "title_prefixes",
            "search_analyzer": "title_words",
        },
    }
    for language, analyzer in analyzers.items():
        suffix = field_suffix(language)
        properties[f"title_{suffix}"] = _text_field(analyzer)
        properties[f"body_{suffix}"] = _text_field(analyzer)
    return {
        # One shard: a newsroom's index is small, and one shard keeps facet counts exact.
        "settings": {"number_of_shards": 1, "analysis": ANALYSIS},
        "mappings": {"dynamic": "strict", "properties": properties},
    }


def document_source(document):
    """What the cluster stores of a saved search document (with `.locale` and `.codes`)."""
    language = document.locale.language_code
    suffix = field_suffix(language)
    title = folded_text(document.title, language)
    return {
        "page_id": document.page_id,
        "locale_id": document.locale_id,
        "kind": document.kind,
        "category_key": str(document.category_key) if document.category_key else None,
        "year": document.year,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "countries": list(document.codes),
        f"title_{suffix}": title,
        f"body_{suffix}": folded_text(f"{document.summary} {document.body}", language),
        "title_autocomplete": title,
    }


def _filters(request):
    filters = [{"terms": {"locale_id": [locale_id for locale_id, _code in request.languages]}}]
    if request.kind:
        filters.append({"term": {"kind": request.kind}})
    if request.category_key:
        filters.append({"term": {"category_key": str(uuid.UUID(str(request.category_key)))}})
    if request.year:
        filters.append({"term": {"year": request.year}})
    if request.country:
        filters.append({"term": {"countries": request.country}})
    return filters


def _language_matches(request):
    # Every word in the title or the body of one language, as the database engines match.
    matches = []
    for _locale_id, language in request.languages:
        words = folded_text(request.text, language)
        if words:
            suffix = field_suffix(language)
            matches.append(
                {
                    "multi_match": {
                        "query": words,
                        "fields": [f"title_{suffix}^{TITLE_BOOST}", f"body_{suffix}"],
                        "type": "cross_fields",
                        "operator": "and",
                    }
                }
            )
    return matches


def search_body(request):
    """The search of a SearchRequest, or None when its text holds no word to look for."""
    matches = _language_matches(request)
    if not matches:
        return None
    sort = NEWEST_FIRST if request.sort == "date" else [{"_score": "desc"}, *NEWEST_FIRST]
    return {
        "query": {
            "bool": {"should": matches, "minimum_should_match": 1, "filter": _filters(request)}
        },
        # Facets count the results as filtered, as DatabaseEngine.facet_counts does.
        "aggs": {
            name: {"terms": {"field": field, "size": AGGREGATION_SIZE}}
            for name, field in FACET_FIELDS.items()
        },
        "sort": sort,
        "from": request.offset,
        "size": request.limit,
        "track_total_hits": True,
        "_source": False,
    }


def suggest_body(text, languages, limit):
    """Titles with words beginning as typed, newest first; None when nothing was typed."""
    matches = []
    for locale_id, language in languages:
        words = folded_text(text, language)
        if words:
            matches.append(
                {
                    "bool": {
                        "filter": [{"term": {"locale_id": locale_id}}],
                        "must": [
                            {"match": {"title_autocomplete": {"query": words, "operator": "and"}}}
                        ],
                    }
                }
            )
    if not matches:
        return None
    return {
        "query": {"bool": {"should": matches, "minimum_should_match": 1}},
        "sort": NEWEST_FIRST,
        "size": limit,
        "_source": False,
    }


def page_ids(response):
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def search_hits(response):
    """SearchHits of a search response: page ids in order, total and facet counts."""
    total = response["hits"]["total"]
    aggregations = response["aggregations"]
    facets = {
        name: {bucket["key"]: bucket["doc_count"] for bucket in aggregations[name]["buckets"]}
        for name in FACETS
    }
    facets["year"] = {int(year): count for year, count in facets["year"].items()}
    return SearchHits(
        page_ids(response), total["value"] if isinstance(total, dict) else total, facets
    )
