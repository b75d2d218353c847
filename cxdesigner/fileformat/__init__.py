"""Files of a journey map, with no Qt: the .cxmap format and the journey CSV."""

from .errors import FileFormatError, Problem

__all__ = ["FileFormatError", "Problem"]
