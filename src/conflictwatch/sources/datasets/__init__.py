"""Readers for coded datasets (ACLED, UCDP GED, GDELT), registered by name in ``readers``."""

from .base import DatasetReader, Row, readers

__all__ = ["DatasetReader", "Row", "readers"]
