"""The map's picture for the deck: the canvas's renderer, wrapped for ``export.deck``
(the export layer never imports Qt or the canvas; the editor and the command line hand
this function in)."""

from __future__ import annotations

from ..canvas.render import RenderError, ensure_app, png_bytes
from ..export.deck_map import MapPictureError


def map_picture(journey, scale: float, persona: str | None) -> tuple[bytes, float, list[str]]:
    """The whole map as PNG bytes at ``scale`` (or the largest that fits), the scale
    used and the renderer's notes."""
    try:
        ensure_app()
        data, rendered = png_bytes(journey, scale, persona)
    except RenderError as exc:
        raise MapPictureError(str(exc)) from None
    return data, rendered.scale, list(rendered.notes)
