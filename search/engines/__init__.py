"""The reader's search engine: the database's own full-text search, or a search cluster."""

from django.conf import settings
from django.db import connection


def database_engine():
    if connection.vendor == "postgresql":
        from .postgres import PostgresEngine

        return PostgresEngine()
    from .sqlite import SQLiteEngine

    return SQLiteEngine()


def get_engine():
    if getattr(settings, "SEARCH_URL", ""):
        from .cluster import ClusterEngine

        return ClusterEngine(fallback=database_engine())
    return database_engine()
