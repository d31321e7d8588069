"""The reader's search engine: the database's own full-text search, or a search cluster."""

from django.conf import settings
from django.db import connection

from .cluster import ClusterEngine
from .postgres import PostgresEngine
from .sqlite import SQLiteEngine


def database_engine():
    if connection.vendor == "postgresql":
        return PostgresEngine()
    return SQLiteEngine()


def get_engine():
    if getattr(settings, "SEARCH_URL", ""):
        return ClusterEngine(fallback=database_engine())
    return database_engine()
