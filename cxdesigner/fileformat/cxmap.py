"""The .cxmap file: a versioned JSON envelope around the journey graph.

    {"format": "cxdesigner-map", "version": 2, "app_version": "0.1.0",
     "document": {...map details..., "stage_order": [...]},
     "graph": {"directed": true, "multigraph": false, "graph": {},
               "nodes": [{"id": ..., "kind": ..., ...fields}],
               "edges": [{"source": ..., "target": ..., "kind": ...}]}}

``graph`` is NetworkX node-link data with the ``edges`` key named explicitly.  See
docs/file-format.md for every field.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import gc
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..model.journey import JourneyMap
from .errors import FileFormatError, Problem
from .limits import FORMAT, MAX_FILE_BYTES, VERSION
from .migrations import migrate
from .validate import Checker, printable


@dataclass
class Loaded:
    journey: JourneyMap
    problems: list[Problem] = field(default_factory=list)
    version: int = VERSION  # the version the file was written in


# ------------------------------------------------------------------ reading
def load(path: str | os.PathLike[str]) -> Loaded:
    """Open a .cxmap file.  Raises ``FileFormatError`` with a message for the user."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(_too_big(size), str(path))
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise FileFormatError("There is no such file.", str(path)) from None
    except IsADirectoryError:
        raise FileFormatError("This is a folder, not a map file.", str(path)) from None
    except PermissionError:
        raise FileFormatError("You do not have permission to read this file.",
                              str(path)) from None
    except OSError as exc:
        raise FileFormatError(f"The file could not be read ({exc.strerror}).",
                              str(path)) from None
    try:
        return loads(data)
    except FileFormatError as exc:
        raise FileFormatError(exc.message, str(path), exc.location) from None


def loads(data: bytes | str) -> Loaded:
    if isinstance(data, str):
        text = data
        # Unlike decoded bytes, a str may hold a lone surrogate itself, not only as a
        # \ud800 escape; then the loader's quick checks do not apply.
        raw_clean = text.isascii() or _encodes(text)
    else:
        raw_clean = True
        if len(data) > MAX_FILE_BYTES:
            raise FileFormatError(_too_big(len(data)))
        if b"\x00" in data[:8192]:
            raise FileFormatError("This is a binary file, not a CX Designer map.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileFormatError(f"The file is not UTF-8 text (bad byte at offset "
                                  f"{exc.start}); it is not a CX Designer map or it is "
                                  "damaged.") from None
    if not text.strip():
        raise FileFormatError("The file is empty.")
    with _gc_paused():
        return _parse_and_build(text, raw_clean)


@contextlib.contextmanager
def _gc_paused():
    # Loading creates a large number of objects that all stay alive; letting the
    # cyclic collector walk them again and again costs a quarter of a large load.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_and_build(text: str, raw_clean: bool = True) -> Loaded:
    try:
        raw = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        hint = (" It looks cut short: the file may be truncated." if exc.pos >= len(text.rstrip())
                else "")
        raise FileFormatError(f"The file is damaged: it is not valid JSON ({exc.msg}, line "
                              f"{exc.lineno}, column {exc.colno}).{hint}") from None
    except ValueError as exc:
        raise FileFormatError(f"The file is damaged: {exc}") from None
    except RecursionError:
        raise FileFormatError("The file is damaged: its JSON is nested too deeply.") from None
    # Text decoded from UTF-8 can only hold a lone surrogate as an escape; without
    # one, every string is known to be valid Unicode and the loader's quick checks apply.
    return from_data(raw, surrogate_free=raw_clean and _SURROGATE_ESCAPE.search(text) is None)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def from_data(raw: Any, surrogate_free: bool = False) -> Loaded:
    """Check and build a map from parsed JSON (which may be changed in the process)."""
    version = _check_envelope(raw)
    data = migrate(raw, version, VERSION)
    checker = Checker(surrogate_free)
    journey = checker.build(data)
    return Loaded(journey, checker.problems, version)


def _check_envelope(raw: Any) -> int:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise FileFormatError("This is not a CX Designer map: it is JSON, but of another "
                              "kind (no \"format\": \"cxdesigner-map\").", location="$.format")
    version = raw.get("version")
    if type(version) is not int or version < 1:
        raise FileFormatError(f"The map's version {version!r:.40} is not a valid version "
                              "number.", location="$.version")
    if version > VERSION:
        app = raw.get("app_version")
        by = f" (by CX Designer {printable(app):.20})" if isinstance(app, str) else ""
        raise FileFormatError(f"This map was saved by a newer CX Designer{by}, in file "
                              f"version {version}; this one reads versions up to {VERSION}. "
                              "Update CX Designer to open it.", location="$.version")
    return version


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"it contains {name}, which is not a number JSON allows")


def _too_big(size: int) -> str:
    return (f"The file is {size / 2**20:,.1f} MiB; CX Designer opens maps of at most "
            f"{MAX_FILE_BYTES // 2**20} MiB.")


# ------------------------------------------------------------------ writing
def to_data(journey: JourneyMap) -> dict[str, Any]:
    unknown = journey.unknown
    doc = dict(journey.document)
    doc["stage_order"] = list(journey.stage_order)
    doc.update(unknown.get("document", {}))
    g = journey.graph
    nodes = [{"id": n, **attrs} for n, attrs in g.nodes(data=True)]
    edges = [{"source": u, "target": v, **attrs} for u, v, attrs in g.edges(data=True)]
    graph = {"directed": True, "multigraph": False, "graph": {}, "nodes": nodes,
             "edges": edges, **unknown.get("graph", {})}
    return {"format": FORMAT, "version": VERSION, "app_version": __version__,
            "document": doc, "graph": graph, **unknown.get("envelope", {})}


def dumps(journey: JourneyMap) -> str:
    return json.dumps(to_data(journey), ensure_ascii=False, allow_nan=False, indent=1)


def save(journey: JourneyMap, path: str | os.PathLike[str], *,
         overwrite_newer: bool = False) -> None:
    """Save atomically: the old file stays whole until the new one is complete.

    The previous file is kept as ``NAME.bak``.  A file written by a newer version is
    never replaced silently (``overwrite_newer`` to do it anyway).  Raises
    ``FileFormatError``; on any failure the file on disk is the previous version.
    """
    path = Path(path)
    if not overwrite_newer:
        newer = _version_on_disk(path)
        if newer is not None and newer > VERSION:
            raise FileFormatError(f"The file on disk was saved by a newer CX Designer "
                                  f"(file version {newer}); saving would lose what it "
                                  "holds. Save under another name.", str(path))
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    created = None if journey.document["created"] else now
    previous = dict(journey.document)
    journey.touch_timestamps(created, now)
    try:
        payload = dumps(journey).encode("utf-8")
        write_atomic(path, payload)
    except BaseException:
        journey.touch_timestamps(previous["created"], previous["modified"] or now)
        raise


def write_atomic(path: Path, payload: bytes, backup: bool = True) -> None:
    """Write ``payload`` to ``path`` via a flushed temporary file and an atomic rename,
    keeping the previous file as ``path + ".bak"``; then read it back to check it."""
    folder = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileFormatError(_write_error(exc), str(path)) from None
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            _copy_mode(path, tmp)
            if backup and path.exists():
                _write_backup(path)
            os.replace(tmp, path)
        except BaseException:
            _remove_quietly(tmp)
            raise
        _fsync_folder(folder)
        with open(path, "rb") as f:
            if f.read() != payload:
                raise OSError(errno.EIO, "the saved file reads back different")
    except OSError as exc:
        raise FileFormatError(_write_error(exc), str(path)) from None


def _write_backup(path: Path) -> None:
    # Copy rather than rename, so the original never leaves its place before the
    # new file takes it.
    bak = path.with_name(path.name + ".bak")
    fd, tmp = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, bak)
    except BaseException:
        _remove_quietly(tmp)
        raise


def _copy_mode(path: Path, tmp: str) -> None:
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is done
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _write_error(exc: OSError) -> str:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "you do not have permission to write there",
        errno.EPERM: "you do not have permission to write there",
        errno.EROFS: "the folder is read-only",
        errno.ENOENT: "the folder does not exist",
    }.get(exc.errno, exc.strerror or str(exc))
    return f"Could not save: {reason}. The previous file, if any, is unchanged."


_VERSION_RE = re.compile(rb'"format"\s*:\s*"cxdesigner-map".{0,200}?"version"\s*:\s*(\d{1,9})',
                         re.S)


def _version_on_disk(path: Path) -> int | None:
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    match = _VERSION_RE.search(head)
    return int(match.group(1)) if match else None

