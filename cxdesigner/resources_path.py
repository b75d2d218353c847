"""Where the bundled resources are, installed or in a checkout (no Qt)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource(*parts: str) -> Path:
    return Path(str(files("cxdesigner.resources").joinpath(*parts)))
