"""What a report may be asked for, checked before any drawing starts (no ReportLab)."""

from __future__ import annotations

import datetime as _dt
import os
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..fileformat import files
from ..fileformat.errors import FileFormatError

# The sections, in the order the report prints them.
SECTIONS = ("cover", "contents", "summary", "progress", "map", "curve", "stages", "blueprint", "swot",
            "matrix", "plan", "personas")
PAPERS = ("a4", "letter")
DEFAULT_ACCENT = "#1f5f8b"

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_SIDE = 4000


class ReportError(Exception):
    """The report cannot be made: a message for the user, and no file was changed."""


@dataclass(frozen=True)
class Branding:
    """The consultant's touch: a logo (PNG or JPEG), an accent colour (#RRGGBB), the
    name on the cover (default: the map's author) and the date (default: today)."""
    logo: str | os.PathLike[str] | None = None
    accent: str = DEFAULT_ACCENT
    consultant: str | None = None
    date: _dt.date | None = None


def check_paper(paper: str) -> str:
    key = (paper or "").strip().lower()
    if key not in PAPERS:
        raise ReportError(f"Unknown paper size {paper!r:.40}; choose a4 or letter.")
    return key


def parse_sections(sections: str | Iterable[str] | None) -> tuple[str, ...]:
    """The chosen sections in report order; ``None`` gives all of them."""
    if sections is None:
        return SECTIONS
    if isinstance(sections, str):
        sections = sections.split(",")
    chosen = {s.strip().lower() for s in sections if s.strip()}
    unknown = sorted(chosen - set(SECTIONS))
    if unknown:
        raise ReportError(f"Unknown report section {', '.join(unknown)!s:.80}; choose from: "
                          f"{', '.join(SECTIONS)}.")
    if not chosen:
        raise ReportError(f"No report section chosen; choose from: {', '.join(SECTIONS)}.")
    return tuple(s for s in SECTIONS if s in chosen)


def check_accent(colour: str) -> str:
    if not isinstance(colour, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", colour.strip()):
        raise ReportError(f"The accent colour must be written #RRGGBB (got {colour!r:.40}).")
    return colour.strip().lower()


def check_logo(path: str | os.PathLike[str]) -> tuple[Path, str, int, int]:
    """Check a logo before use: a PNG or JPEG file of at most 5 MB and 4000 x 4000
    pixels.  Returns ``(path, "png" or "jpeg", width, height)``."""
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise ReportError(f"The logo {name!r} does not exist.")
    try:
        # Opened without blocking and checked as a regular file: a named pipe or a
        # device given as the logo must not hang the export.
        f, st = files.open_regular(path, None, what="logo image")
    except FileFormatError as exc:
        raise ReportError(f"The logo {name!r}: {exc.message}") from None
    with f:
        size = st.st_size
        if size > MAX_LOGO_BYTES:
            raise ReportError(f"The logo {name!r} is {size / 1048576:.1f} MB; use an image "
                              f"of at most {MAX_LOGO_BYTES // 1048576} MB.")
        try:
            head = f.read(min(size, 1 << 20))
        except OSError as exc:
            raise ReportError(f"The logo {name!r} could not be read ({exc.strerror}).") from None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind, dims = "png", _png_size(head)
    elif head.startswith(b"\xff\xd8\xff"):
        kind, dims = "jpeg", _jpeg_size(head)
    else:
        raise ReportError(f"The logo {name!r} is not a PNG or JPEG image; save it as PNG "
                          "or JPEG.")
    if dims is None:
        raise ReportError(f"The logo {name!r} is damaged: its size cannot be read.")
    width, height = dims
    if not (0 < width <= MAX_LOGO_SIDE and 0 < height <= MAX_LOGO_SIDE):
        raise ReportError(f"The logo {name!r} is {width} x {height} pixels; use an image "
                          f"of at most {MAX_LOGO_SIDE} x {MAX_LOGO_SIDE}.")
    return path, kind, width, height


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                      0xCE, 0xCF):
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None
