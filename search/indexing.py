"""Keeping the reader's search index in step with live pages."""

import logging

from django.db import connection, transaction

from cms.core.searchable import searchable_models
from cms.privacy import restricted_paths

from .documents import build_document
from .engines import get_engine
from .models import SearchDocument

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def _store(pages, engine, hidden_paths):
    documents = []
    for page in pages:
        if hidden_paths and page.path.startswith(hidden_paths):
            continue
        document, codes = build_document(page)
        document.locale = page.locale
        document.codes = codes
        document.country_codes = " ".join(codes)
        documents.append(document)
    _delete_documents([document.page_id for document in documents])
    SearchDocument.objects.bulk_create(documents)
    engine.index(documents)
    return len(documents)


def _delete_documents(page_ids):
    SearchDocument.objects.filter(pk__in=page_ids).delete()


def _live_pages(model):
    return model.search_queryset(model.objects.live()).order_by("pk")


def index_pages(page_ids):
    """Index the given pages as they are live now, and drop those no longer searchable."""
    engine = get_engine()
    with transaction.atomic():
        indexed = set()
        hidden = restricted_paths()
        for model in searchable_models():
            pages = list(_live_pages(model).filter(pk__in=page_ids))
            _store(pages, engine, hidden)
            indexed.update(page.pk for page in pages if not page.path.startswith(hidden or ("~",)))
        remove_pages([pk for pk in page_ids if pk not in indexed])


def remove_pages(page_ids):
    """Take pages out of search at once (unpublished, deleted or made private)."""
    if page_ids:
        _delete_documents(page_ids)
        get_engine().remove(page_ids)


def rebuild(progress=None):
    """Index every live searchable page afresh; returns how many documents were written."""
    engine = get_engine()
    hidden = restricted_paths()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        engine.clear()
    total = 0
    for model in searchable_models():
        last_pk = 0
        while True:
            with transaction.atomic():
                batch = list(_live_pages(model).filter(pk__gt=last_pk)[:BATCH_SIZE])
                if not batch:
                    break
                total += _store(batch, engine, hidden)
            last_pk = batch[-1].pk
            if progress:
                progress(total)
    if connection.vendor == "postgresql":
        # The planner's row estimates must know the new rows, or it picks plans for a few.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}")
    logger.info("Search index rebuilt: %s documents", total)
    return total
