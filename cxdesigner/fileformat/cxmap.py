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

import datetime as _dt
import json
import os
import re
import tempfile  # noqa: F401  (tests reach mkstemp as cxmap.tempfile)
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .. import __version__
from ..model.journey import JourneyMap
from ..model.gc_pause import collector_paused
from ..model.pictures import MAX_MAP_PICTURE_BYTES, map_bytes, mib
from .validate_feedback import count_problem
from . import files
from .errors import FileFormatError, Problem, ProblemLog, brief
from .limits import FORMAT, MAX_EDGES, MAX_FILE_BYTES, MAX_NODES, VERSION
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
    # Type and size are checked before a byte is read: a pipe or a device never hangs.
    data = files.read_bytes(path, MAX_FILE_BYTES)
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
    with collector_paused():
        return _parse_and_build(text, raw_clean)


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_and_build(text: str, raw_clean: bool = True) -> Loaded:
    log = ProblemLog()
    try:
        raw = json.loads(text, parse_constant=_refuse_constant,
                         object_pairs_hook=partial(_object, log))
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
    return from_data(raw, surrogate_free=raw_clean and _SURROGATE_ESCAPE.search(text) is None,
                     log=log)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _object(log: ProblemLog, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON keeps the last of repeated keys without a word, and saving would write only
    # that one: a change the user must hear of.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                log.add("$", f"an object repeats the key {brief(key)}; the last value was "
                        "kept", "dropped", "keys are repeated in one object; the last "
                        "value of each was kept")
            seen.add(key)
    return obj


def from_data(raw: Any, surrogate_free: bool = False, log: ProblemLog | None = None) -> Loaded:
    """Check and build a map from parsed JSON (which may be changed in the process);
    ``log`` may hold problems found while parsing."""
    version = _check_envelope(raw)
    checker = Checker(surrogate_free, log)
    data = migrate(raw, version, VERSION, checker.report)
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


def dumps_checked(journey: JourneyMap, *, compact: bool = False) -> bytes:
    """The map's file content, refused (``FileFormatError``, naming the limit, the value
    and the biggest offender) if it breaks a limit the loader holds files to: a save
    must never write what cannot be opened again.

    ``compact``: no indentation, which lets ``json`` use its C encoder (about 3x faster;
    for recovery copies).  Either form loads the same."""
    nodes, edges = journey.graph.number_of_nodes(), journey.graph.number_of_edges()
    if nodes > MAX_NODES:
        raise FileFormatError(f"The map has {nodes:,} elements; CX Designer opens maps of at "
                              f"most {MAX_NODES:,}. Nothing was written.")
    if edges > MAX_EDGES:
        raise FileFormatError(f"The map has {edges:,} links between elements; CX Designer "
                              f"opens maps of at most {MAX_EDGES:,}. Nothing was written.")
    too_many = count_problem(journey)
    if too_many:
        raise FileFormatError(f"{too_many} Nothing was written.")
    pictures = map_bytes(journey)
    if pictures > MAX_MAP_PICTURE_BYTES:
        raise FileFormatError(f"The map's pictures take {mib(pictures)}; CX Designer opens "
                              f"maps with at most {mib(MAX_MAP_PICTURE_BYTES)} of pictures. "
                              "Remove some pictures. Nothing was written.")
    text = (json.dumps(to_data(journey), ensure_ascii=False, allow_nan=False,
                       separators=(",", ":")) if compact else dumps(journey))
    payload = text.encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        raise FileFormatError(f"The map would be {len(payload) / 2**20:,.1f} MiB; CX Designer "
                              f"opens at most {MAX_FILE_BYTES // 2**20} MiB."
                              f"{_longest_text(journey)} Nothing was written.")
    return payload


def _longest_text(journey: JourneyMap) -> str:
    """Names the longest text, as in: The longest text is the evidence of touchpoint
    'Checkout' (100,000 characters).  Only for a map already refused, so one more walk
    over it costs nothing that matters."""
    best, where = 0, ""
    for node, attrs in journey.graph.nodes(data=True):
        for key, value in attrs.items():
            texts = [value] if isinstance(value, str) else (
                [v for v in value if isinstance(v, str)] if isinstance(value, list) else [])
            for text in texts:
                if len(text) > best:
                    title = attrs.get("title")
                    name = f" {printable(title)[:60]!r}" if isinstance(title, str) and title \
                        else f" {node}"
                    best, where = len(text), f"the {key.replace('_', ' ')} of " \
                                             f"{attrs.get('kind', 'element')}{name}"
    for key, value in journey.document.items():
        if isinstance(value, str) and len(value) > best:
            best, where = len(value), f"the map's {key.replace('_', ' ')}"
    return f" The longest text is {where} ({best:,} characters)." if best > 1000 else ""


def save(journey: JourneyMap, path: str | os.PathLike[str], *,
         overwrite_newer: bool = False, replace_read_only: bool = False) -> list[str]:
    """Save atomically: the old file stays whole until the new one is complete.

    Goes through ``files.write_atomic``: through a symbolic link to its target, never
    onto a folder, pipe or device, keeping the file's mode and group.  The previous
    file is kept as ``NAME.bak``.  A file written by a newer version is never replaced
    silently (``overwrite_newer`` to do it anyway), nor a read-only one
    (``replace_read_only``; else ``files.ReadOnlyFileError``), nor is a map written
    that breaks the loader's limits.  Raises ``FileFormatError``; on any failure the
    file on disk is the previous version.  Returns notes for the user (a backup that
    could not be kept).
    """
    path = Path(path)
    files.write_target(path)  # a folder, pipe or device: said before anything else
    if not overwrite_newer:
        # The top-level object parsed, never a pattern: key order must not matter.
        newer = files.version_on_disk(path)
        if newer is not None and newer > VERSION:
            raise FileFormatError(f"The file on disk was saved by a newer CX Designer "
                                  f"(file version {newer}); saving would lose what it "
                                  "holds. Save under another name.", str(path))
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    created = None if journey.document["created"] else now
    previous = dict(journey.document)
    journey.touch_timestamps(created, now)
    try:
        payload = dumps_checked(journey)
        return files.write_atomic(path, payload, replace_read_only=replace_read_only)
    except BaseException:
        journey.touch_timestamps(previous["created"], previous["modified"] or now)
        raise


# Kept here by name: the editor's autosave (and its tests) call ``cxmap.write_atomic``.
write_atomic = files.write_atomic
