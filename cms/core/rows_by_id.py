"""Rows known by their ids, read from the database only when something asks for more.

A listing's cards usually come from the cache by id (core/templatetags/reader_cache_tags.py):
the rows behind them, their joins and their pictures' renditions are then never needed.
"""

from collections.abc import Sequence

from django.utils.functional import cached_property


class RowsById(Sequence):
    """`pks` in order; `load(pks)` gives their rows, in any order, the first time one is asked
    for. A row gone in between (deleted, unpublished) is left out."""

    def __init__(self, pks, load):
        self.pks = list(pks)
        self._load = load

    def __len__(self):
        return len(self.pks)

    def __getitem__(self, index):
        return self._loaded[index]

    @cached_property
    def _loaded(self):
        if not self.pks:
            return []
        by_pk = {row.pk: row for row in self._load(self.pks)}
        return [by_pk[pk] for pk in self.pks if pk in by_pk]
