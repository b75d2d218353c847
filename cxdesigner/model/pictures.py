"""Pictures on touchpoints: a touchpoint's ``picture`` field holds a PNG or JPEG image
as base64 text, inside the .cxmap (a map stays one file that can be mailed).

Three levels of checking, from cheap to thorough:

* ``check`` (the schema's check, run on every edit and every loaded touchpoint): text,
  within the per-image limit, starting like a PNG or JPEG.  No decoding: a map of
  thousands of touchpoints loads at the speed of the bulk path.
* ``verify`` (the loader, only for the few pictures present): the whole text decodes and
  Pillow decodes the image itself, so a damaged picture is reported and dropped.
* ``prepare`` (the editor, for a dropped or pasted image): refuses what is not a PNG or
  JPEG, a decompression bomb or a damaged image, downscales, re-encodes without the
  metadata (a shop photo's EXIF carries where it was taken), and keeps within the limit.

Pillow is imported only when an image is decoded: opening a map without pictures, or
starting the editor, costs nothing for it.  No Qt here (the file loader and the report
use this module).
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import warnings
from itertools import repeat
from typing import Any, Iterable

MAX_PICTURE_BYTES = 1024 * 1024  # one picture, after re-encoding
MAX_PICTURE_CHARS = 4 * ((MAX_PICTURE_BYTES + 2) // 3)  # the same, as base64 text
# All pictures of a map together: well within the 64 MiB file limit (base64 adds a
# third, and the rest of the map needs room too).
MAX_MAP_PICTURE_BYTES = 24 * 1024 * 1024
MAX_INPUT_BYTES = 64 * 1024 * 1024  # a file or clipboard image bigger is not read at all
MAX_SIDE = 1600  # the long side a picture is brought down to
SMALLER_SIDES = (1280, 1024, 800, 640, 480)  # tried in turn while it is over the limit
JPEG_QUALITY = 85
_PNG, _JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


class PictureError(ValueError):
    """An image refused.  ``reason`` names the kind for the editor's translated
    message ("not_image", "damaged", "too_many_pixels", "too_big", "map_full",
    "not_base64"); ``str()`` is the English message the loader and CLI show."""

    def __init__(self, reason: str, message: str, **values: Any):
        super().__init__(message)
        self.reason = reason
        self.values = values


def mib(count: int) -> str:
    return f"{count / 2**20:,.0f} MiB" if count % 2**20 == 0 else f"{count / 2**20:,.1f} MiB"


# ---------------------------------------------------------------- the field's check
def check(value: Any) -> str:
    """The schema's check of ``picture``: "" or base64 text of a PNG or JPEG within the
    per-image limit.  Decodes only the first 12 characters (the file's signature)."""
    if type(value) is not str:
        raise ValueError("must be text (a picture written as base64)")
    if not value:
        return value
    if len(value) > MAX_PICTURE_CHARS:
        raise ValueError(f"is longer than {MAX_PICTURE_CHARS:,} characters (a picture of "
                         f"at most {mib(MAX_PICTURE_BYTES)})")
    try:
        head = base64.b64decode(value[:12], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("is not base64 text") from None
    if not head.startswith((_PNG, _JPEG)):
        raise ValueError("must be a PNG or JPEG picture")
    return value


# The bulk loader checks fields of one shape as a column: pictures are few, so it calls
# this check on the non-empty ones only (fileformat/bulk.py).
check.shape = ("picture", check)


def decoded_size(text: str) -> int:
    """The bytes a base64 text stands for, without decoding it."""
    return len(text) * 3 // 4 - text.endswith("=") - text.endswith("==")


def total_bytes(pictures: Iterable[str]) -> int:
    return sum(map(decoded_size, pictures))


def decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise PictureError("not_base64", "is not valid base64 text") from None


# ------------------------------------------------------------- decoding an image
def _open(data: bytes):
    """The image Pillow reads from ``data``, its header checked (not yet decoded)."""
    from PIL import Image, UnidentifiedImageError
    if not data.startswith((_PNG, _JPEG)):
        raise PictureError("not_image", "is not a PNG or JPEG image")
    with warnings.catch_warnings():
        # Past MAX_IMAGE_PIXELS Pillow only warns (twice that, it refuses): both are a
        # refusal here, before a pixel is decoded.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=("PNG", "JPEG"))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _bomb() from None
        except UnidentifiedImageError:
            raise PictureError("damaged", "is a damaged image (its header cannot be "
                               "read)") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _damaged(exc) from None
    limit = Image.MAX_IMAGE_PIXELS or 89_478_485  # Pillow's default, should one unset it
    if image.width * image.height > limit:
        raise _bomb()
    return image


def _bomb() -> PictureError:
    from PIL import Image
    limit = Image.MAX_IMAGE_PIXELS or 89_478_485
    return PictureError("too_many_pixels", f"has more than {limit:,} pixels (a "
                        "decompression bomb, or far too large a picture)", limit=limit)


def _damaged(exc: BaseException) -> PictureError:
    return PictureError("damaged", f"is a damaged image ({str(exc)[:80] or type(exc).__name__})")


def _load(image) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a truncated or broken stream is a refusal
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, EOFError, Warning) as exc:
            raise _damaged(exc) from None
        except MemoryError:
            raise _bomb() from None


def verify(text: str) -> int:
    """Decode a stored picture completely; its size in bytes, or ``PictureError``."""
    data = decode(text)
    image = _open(data)
    if image.format == "JPEG":
        # Decoding at an eighth of the size reads every byte of the stream (a truncated
        # file still fails) at a fraction of the cost.
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
    _load(image)
    return len(data)


# --------------------------------------------------------------- preparing a new one
def prepare(data: bytes, max_side: int = MAX_SIDE) -> str:
    """PNG or JPEG bytes (a file, the clipboard) made fit for a touchpoint: at most
    ``max_side`` pixels on the long side, re-encoded without metadata, within
    ``MAX_PICTURE_BYTES``; the base64 text.  Raises ``PictureError``.  (The report
    asks for a smaller side: a picture printed a few centimetres wide.)"""
    from PIL import ImageOps
    if len(data) > MAX_INPUT_BYTES:
        raise PictureError("too_big", f"is {mib(len(data))}; a picture file of at most "
                           f"{mib(MAX_INPUT_BYTES)} can be used", limit=MAX_INPUT_BYTES)
    image = _open(data)
    source = image.format
    if source == "JPEG":
        # A phone's 4,000-pixel photo decodes at half or a quarter of its size straight
        # away (never below MAX_SIDE): several times faster, and the drop stays snappy.
        k = min(1.0, max_side / max(image.size))  # the size it will be brought to
        image.draft("RGB", (math.ceil(image.width * k), math.ceil(image.height * k)))
    _load(image)
    try:
        image = ImageOps.exif_transpose(image)  # upright, since its EXIF will be gone
    except Exception:  # a broken orientation tag: the picture as stored
        pass
    alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if alpha:
        image = image.convert("RGBA")
    elif image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    for side in (max_side, *(side for side in SMALLER_SIDES if side < max_side)):
        encoded = _encode(image, side, alpha, source)
        if len(encoded) <= MAX_PICTURE_BYTES:
            return base64.b64encode(encoded).decode("ascii")
    raise PictureError("too_big", f"stays over {mib(MAX_PICTURE_BYTES)} even at "
                       f"{SMALLER_SIDES[-1]} pixels; a picture may take at most "
                       f"{mib(MAX_PICTURE_BYTES)}", limit=MAX_PICTURE_BYTES)


def _encode(image, side: int, alpha: bool, source: str) -> bytes:
    from PIL import Image
    small = image.copy()
    small.thumbnail((side, side), Image.Resampling.LANCZOS)  # only ever shrinks
    small.info.clear()  # EXIF, XMP, ICC, comments: nothing of the original's metadata
    candidates = []
    if not alpha:
        out = io.BytesIO()
        small.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        candidates.append(out.getvalue())
    if alpha or source == "PNG":  # a screenshot or a drawing is often smaller as PNG
        out = io.BytesIO()
        small.save(out, "PNG", optimize=True)
        candidates.append(out.getvalue())
    return min(candidates, key=len)


def map_full(current: int, adding: int) -> PictureError | None:
    """The refusal of a picture that would take a map's pictures past their limit."""
    if current + adding <= MAX_MAP_PICTURE_BYTES:
        return None
    return PictureError("map_full", f"would take the map's pictures to "
                        f"{mib(current + adding)}; a map may hold at most "
                        f"{mib(MAX_MAP_PICTURE_BYTES)} of pictures",
                        limit=MAX_MAP_PICTURE_BYTES)


def map_bytes(journey: Any) -> int:
    """The bytes of all the pictures of a map (a walk over its elements' fields in C)."""
    found = map(dict.get, journey.graph.nodes.values(), repeat("picture"))
    return total_bytes(filter(None, found))
