"""The file rules of touchpoints' pictures (``model/pictures.py``), repaired as the
loader repairs: a picture that is not valid base64, not a PNG or JPEG, or that Pillow
cannot decode is reported with its JSON location and dropped (the touchpoint stays);
past ``MAX_MAP_PICTURE_BYTES`` of pictures in all, the pictures past it (in file order)
are dropped and reported.

Only the pictures present are decoded, found by a column walk in C (``map``,
``compress``): a map without pictures pays one pass of ``dict.get`` over its elements,
on the bulk path and the careful one alike.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from ..model.pictures import MAX_MAP_PICTURE_BYTES, PictureError, mib, verify


class PictureChecks:
    """A mixin of ``validate.Checker`` (it reports through ``report`` and names places
    with ``_node``)."""

    def _pictures(self, nodes: list[tuple[str, dict[str, Any]]]) -> None:
        present = map(dict.get, map(itemgetter(1), nodes), repeat("picture"))
        total = 0
        for node_id, fields in compress(nodes, present):
            where = f"{self._node(node_id)}.picture"
            try:
                size = verify(fields["picture"])
            except PictureError as exc:
                self.report(where, f"picture {exc}", "dropped",
                            many="pictures could not be read and were dropped")
                fields["picture"] = ""
                continue
            if total + size > MAX_MAP_PICTURE_BYTES:
                self.report(where, f"the map's pictures would pass "
                            f"{mib(MAX_MAP_PICTURE_BYTES)}", "dropped",
                            many=f"pictures past the map's {mib(MAX_MAP_PICTURE_BYTES)} "
                            "of pictures were dropped")
                fields["picture"] = ""
                continue
            total += size
