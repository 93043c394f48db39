"""Readers for coded datasets (ACLED, UCDP GED, GDELT), registered by name in ``readers``.

    >>> from conflictwatch.sources.datasets import readers
    >>> readers.names()
    ['acled', 'gdelt', 'ucdp']

A reader yields one ``Row`` per record: ``row.ok`` when it holds an event; ``row.problems`` when
it could not be read; neither (``event is None`` and no problems) when the record is out of scope
for the dataset (a GDELT statement rather than violence) and is counted as skipped.
"""

# Importing a reader's module registers it (the same ``readers.add`` third parties call).
from . import acled, gdelt, ucdp
from .acled import AcledReader
from .base import DatasetReader, Row, readers
from .gdelt import GdeltReader
from .ucdp import UcdpReader

__all__ = [
    "AcledReader",
    "DatasetReader",
    "GdeltReader",
    "Row",
    "UcdpReader",
    "acled",
    "gdelt",
    "readers",
    "ucdp",
]
