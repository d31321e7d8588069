"""Background jobs of the readers' search and the admin's page titles (in-process by default,
Celery in production)."""

from django_tasks import task

from . import indexing, page_titles


@task()
def index_pages(page_ids):
    """Bring the search index up to date for these pages. Idempotent."""
    indexing.index_pages(page_ids)


@task()
def index_page_titles(page_ids):
    """Bring the admin's page search up to date for these pages' titles. Idempotent."""
    page_titles.index_titles(page_ids)
