"""Files of a journey map, with no Qt: the .cxmap format and the journey CSV."""

from .errors import FileFormatError, Problem

__all__ = ["FileFormatError", "Problem"]
# csvio and cxmap are imported by name (``from cxdesigner.fileformat.cxmap import load``)
# so that reading one format never loads the other.
