"""Limits a .cxmap file must keep; each is tested exactly at and one past the boundary."""

from ..model.pictures import MAX_MAP_PICTURE_BYTES, MAX_PICTURE_BYTES
from ..model.schema import MAX_ACTION_DEPTH, MAX_FEEDBACK, MAX_SNAPSHOTS, MAX_TEXT

FORMAT = "cxdesigner-map"
VERSION = 4  # the version this release writes; it reads 1..VERSION

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_NODES = 200_000
MAX_EDGES = 1_000_000
MAX_TEXT_CHARS = MAX_TEXT  # longer text is cut to this length and reported
MAX_NESTING = 32  # depth of a value this version does not know, kept as it is
MAX_SUBACTION_DEPTH = MAX_ACTION_DEPTH
MAX_PICTURE = MAX_PICTURE_BYTES  # one touchpoint's picture (model/pictures.py)
MAX_MAP_PICTURES = MAX_MAP_PICTURE_BYTES  # all of a map's pictures together
MAX_FEEDBACK_ITEMS = MAX_FEEDBACK  # customer feedback items (model/feedback_edits.py)
MAX_MAP_SNAPSHOTS = MAX_SNAPSHOTS  # review snapshots
