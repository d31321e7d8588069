"""Background jobs of the reader's search (in-process by default, Celery in production)."""

from django_tasks import task

from . import indexing


@task()
def index_pages(page_ids):
    """Bring the search index up to date for these pages. Idempotent."""
    indexing.index_pages(page_ids)
