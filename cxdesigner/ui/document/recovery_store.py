"""The recovery folder on disk: kept private, and read at start-up without trusting it.

The folder holds other editors' unsaved work, so it is made ``0700`` (and tightened to
that if it is ours and wider), and every file in it ``0600``: no other local user reads
the edits (POSIX; Windows keeps its per-user app-data rights).

Reading it at start-up must never hang, crash or take long, whatever the folder holds:

- only regular files count (``lstat``): a FIFO, socket, device, folder or symbolic link
  with a recovery file's name is skipped and reported, never opened; files are opened
  with ``O_NONBLOCK | O_NOFOLLOW`` and checked again on the open descriptor;
- only the small sidecar is read (at most ``MAX_SIDECAR_BYTES``) with a few bytes of
  each map's ends to tell a cut-short copy; a map is loaded only when the user chooses
  Recover or Save As (``Entry.load``);
- at most ``MAX_ENTRIES`` copies are listed, the newest; the others stay on disk and
  are offered once these are dealt with.
"""

from __future__ import annotations

import datetime as _dt
import errno
import json
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...fileformat import FileFormatError, Problem
from ...fileformat import cxmap
from ...fileformat.limits import MAX_FILE_BYTES
from .document import DiskState, Document

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
MAX_SIDECAR_BYTES = 64 * 1024  # ours are under 1 KiB: anything larger is not ours
MAX_ENTRIES = 200  # listed at one start; the rest wait their turn
STALE_TEMP_S = 3600  # a temporary file this old belongs to a write that died

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_EPOCH = _dt.datetime.fromtimestamp(0, _dt.timezone.utc)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # A count goes third, as in Qt's own call, so that lupdate sees the plural.
    return QCoreApplication.translate("Autosave", text, disambiguation, n)


# ------------------------------------------------------------------ private files
def prepare_folder(folder: Path) -> None:
    """Make the folder (``0700``) or check it: ours, and tightened to ``0700`` if wider.
    Raises ``OSError`` (its ``strerror`` says why) if it cannot be made private."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if os.name != "posix":
        return
    info = os.stat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, tr("it is not a folder"), str(folder))
    if info.st_uid != os.geteuid():
        # Another user's folder: they could read every copy; better no autosave.
        raise PermissionError(errno.EPERM, tr("the folder belongs to another user"),
                              str(folder))
    if info.st_mode & 0o077:
        os.chmod(folder, PRIVATE_FOLDER)


def make_private(path: Path) -> bool:
    """Make sure ``path`` exists as a ``0600`` file before an atomic write replaces it:
    the writer keeps the mode of the file it replaces, so the copy is never readable
    by others, not even for a moment.  True if an empty file was created here."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY,
                     PRIVATE_FILE)
    except FileExistsError:
        if os.name == "posix":
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
                os.chmod(path, PRIVATE_FILE)  # a copy an older version left readable
        return False
    os.close(fd)
    return True


def remove_if_empty(path: Path) -> None:
    """Remove a placeholder ``make_private`` made whose write then failed."""
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size == 0:
            os.unlink(path)
    except OSError:
        pass


def write_copy(map_path: Path, meta_path: Path, payload: bytes, meta: bytes) -> str | None:
    """Write a recovery copy and its sidecar (on a worker thread); the error's message,
    or None.  The files are ``0600`` from their first byte: the atomic writer keeps the
    mode of the file it replaces, so a private empty one is put there first."""
    created: list[Path] = []
    try:
        map_path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        for path, data in ((map_path, payload), (meta_path, meta)):
            if make_private(path):
                created.append(path)
            cxmap.write_atomic(path, data, backup=False)
    except FileFormatError as exc:
        error = exc.message
    except Exception as exc:  # noqa: BLE001 - a worker must report, never die silently
        error = str(exc) or type(exc).__name__
    else:
        return None
    for path in created:  # an empty placeholder offers nothing
        remove_if_empty(path)
    return error


def open_regular(path: Path, flags: int = os.O_RDONLY) -> tuple[int, os.stat_result]:
    """Open a regular file without following a link or blocking on a FIFO; raises
    ``OSError`` for anything else (the descriptor is then closed)."""
    fd = os.open(path, flags | _NOFOLLOW | _NONBLOCK | _BINARY)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def read_small_json(path: Path, limit: int = MAX_SIDECAR_BYTES) -> dict:
    """A small JSON object from a regular file; {} if it is missing, unreadable, not an
    object, or larger than ``limit`` (then ``TooLarge`` is raised instead)."""
    try:
        fd, info = open_regular(path)
    except OSError:
        return {}
    try:
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        with os.fdopen(fd, "rb") as f:
            fd = -1
            raw = f.read(limit + 1)
    except OSError:
        return {}
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limit:
        raise TooLarge(len(raw))
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


class TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_quietly(path: Path | None) -> None:
    if path is None:
        return
    try:
        os.unlink(path)
    except OSError:
        pass


def remove_if_stale(path: Path) -> None:
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime > STALE_TEMP_S:
            os.unlink(path)
    except OSError:
        pass


def marker_path(folder: Path, instance: str) -> Path:
    return folder / f"session-{instance}.json"


# ------------------------------------------------------------------ what a scan finds
@dataclass
class Skipped:
    """Something in the folder that is not offered, and why (for the user)."""

    name: str
    reason: str


@dataclass
class Scan:
    folder: Path
    entries: list["Entry"] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=dict)  # instance -> locked marker fd
    skipped: list[Skipped] = field(default_factory=list)
    not_listed: int = 0  # copies beyond MAX_ENTRIES, left for a later start

    def release(self) -> None:
        """Let go of the claimed markers; a dead instance with no copies left has its
        marker removed."""
        for instance, fd in self.claims.items():
            try:
                left = list(self.folder.glob(f"{instance}-*.cxmap"))
            except OSError:
                left = [None]
            if not left:
                remove_quietly(marker_path(self.folder, instance))
            os.close(fd)
        self.claims.clear()


@dataclass
class Entry:
    """One recovery copy left by an instance that is not running.  ``read_sidecar``
    fills in what the list shows; the map itself is read by ``load``, on demand."""

    folder: Path
    instance: str
    key: str
    title: str = ""
    original_path: Path | None = None
    copied_at: _dt.datetime | None = None  # aware, UTC
    size: int = 0  # of the map copy, bytes
    disk: DiskState | None = None  # the original file as the document knew it
    journey: object = None  # the loaded JourneyMap, once loaded
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None  # why it cannot be recovered, once known

    @property
    def map_path(self) -> Path:
        return self.folder / f"{self.instance}-{self.key}.cxmap"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.instance}-{self.key}.json"

    @property
    def readable(self) -> bool:
        """Not known to be unreadable (a copy not loaded yet counts as readable)."""
        return self.error is None

    def read_sidecar(self, mtime: float | None = None) -> None:
        """Read the sidecar (whatever it holds, within ``MAX_SIDECAR_BYTES``, else
        ``TooLarge``) and check the map's ends: a copy cut short is known at once."""
        meta = read_small_json(self.meta_path)
        if isinstance(meta.get("title"), str):
            self.title = meta["title"]
        if isinstance(meta.get("original_path"), str) and meta["original_path"]:
            self.original_path = Path(meta["original_path"])
        self.copied_at = _parse_time(meta.get("copied_at"))
        if self.copied_at is None and mtime is not None:
            self.copied_at = _dt.datetime.fromtimestamp(mtime, _dt.timezone.utc)
        self.disk = DiskState.from_json(meta.get("disk"))
        self.error = self._quick_check()

    def _quick_check(self) -> str | None:
        """What the map's size and last bytes tell, without reading it: a copy that is
        too large or cut short is known at once (a whole map ends with ``}``)."""
        try:
            fd, info = open_regular(self.map_path)
        except OSError as exc:
            return tr("The copy cannot be read (%1).").replace("%1", exc.strerror or str(exc))
        try:
            self.size = info.st_size
            if info.st_size > MAX_FILE_BYTES:
                return _too_big(info.st_size)
            os.lseek(fd, max(0, info.st_size - 64), os.SEEK_SET)
            tail = os.read(fd, 64)
        except OSError as exc:
            return tr("The copy cannot be read (%1).").replace("%1", exc.strerror or str(exc))
        finally:
            os.close(fd)
        if tail.rstrip().endswith(b"}"):
            return None
        if info.st_size <= len(tail):  # all of it: the loader says what is wrong
            try:
                cxmap.loads(tail)
            except FileFormatError as exc:
                return exc.message
        return tr("The file is damaged: it ends before the map does. It looks cut short: "
                  "the file may be truncated.")

    def load(self) -> bool:
        """Load the map copy (Recover, Save As).  False with ``error`` set if it cannot
        be; the copy stays on disk either way."""
        if self.journey is not None:
            return True
        if self.error is not None:
            return False
        try:
            fd, info = open_regular(self.map_path)
            try:
                if info.st_size > MAX_FILE_BYTES:
                    self.error = _too_big(info.st_size)
                    return False
                with os.fdopen(fd, "rb") as f:
                    fd = -1
                    data = f.read(MAX_FILE_BYTES + 1)
            finally:
                if fd >= 0:
                    os.close(fd)
        except OSError as exc:
            self.error = tr("The copy cannot be read (%1).").replace(
                "%1", exc.strerror or str(exc))
            return False
        try:
            loaded = cxmap.loads(data)
        except FileFormatError as exc:
            self.error = exc.message
            return False
        self.journey, self.problems = loaded.journey, loaded.problems
        if not self.title:
            self.title = loaded.journey.document["title"]
        return True

    def document(self) -> Document:
        """The recovered map as a document: modified, on its original file (or
        untitled), remembering that file as it was when the copy was made."""
        if not self.load():
            raise FileFormatError(self.error or "", str(self.map_path))
        document = Document(self.journey, self.original_path)
        document.disk_state = self.disk
        document.mark_modified()
        return document

    def remove(self) -> None:
        remove_quietly(self.map_path)
        remove_quietly(self.meta_path)


def read_entries(scan: Scan, groups: dict[str, dict[str, set[str]]],
                 dead: list[str]) -> None:
    """Fill ``scan.entries`` with the copies of the ``dead`` instances: regular files
    only, the newest ``MAX_ENTRIES`` by the map's mtime, sidecars read, nothing loaded."""
    candidates: list[tuple[float, Entry]] = []
    for instance in dead:
        for key, kinds in sorted(groups.get(instance, {}).items()):
            entry = Entry(scan.folder, instance, key)
            if "cxmap" not in kinds:  # a sidecar whose map never came: nothing to offer
                if is_regular(entry.meta_path):
                    remove_quietly(entry.meta_path)
                continue
            try:
                info = os.lstat(entry.map_path)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):
                scan.skipped.append(Skipped(entry.map_path.name, kind_of(info)))
                continue
            if "json" in kinds:
                try:
                    meta_info = os.lstat(entry.meta_path)
                except OSError:
                    meta_info = None
                if meta_info is not None and not stat.S_ISREG(meta_info.st_mode):
                    scan.skipped.append(Skipped(entry.meta_path.name, kind_of(meta_info)))
                    continue
            if info.st_size == 0:  # the first write never came: nothing to offer
                entry.remove()
                continue
            candidates.append((info.st_mtime, entry))
    candidates.sort(key=lambda c: c[0], reverse=True)
    scan.not_listed = max(0, len(candidates) - MAX_ENTRIES)
    for mtime, entry in candidates[:MAX_ENTRIES]:
        try:
            entry.read_sidecar(mtime)
        except TooLarge as big:
            scan.skipped.append(Skipped(entry.meta_path.name, tr(
                "its description is %1 KiB, more than a recovery copy ever has").replace(
                "%1", f"{big.size // 1024:,}")))
            continue
        scan.entries.append(entry)
    scan.entries.sort(key=lambda e: e.copied_at or _EPOCH, reverse=True)


def regular_or_skipped(path: Path, scan: Scan) -> bool:
    """Whether ``path`` is a regular file (or gone); anything else is noted in ``scan``."""
    try:
        info = os.lstat(path)
    except OSError:
        return True  # gone meanwhile: _claim tells
    if stat.S_ISREG(info.st_mode):
        return True
    scan.skipped.append(Skipped(path.name, kind_of(info)))
    return False


def kind_of(info: os.stat_result) -> str:
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        return tr("a symbolic link, not a file")
    if stat.S_ISDIR(mode):
        return tr("a folder, not a file")
    if stat.S_ISFIFO(mode):
        return tr("a pipe, not a file")
    if stat.S_ISSOCK(mode):
        return tr("a socket, not a file")
    return tr("a device or special file, not a file")


def _too_big(size: int) -> str:
    return tr("The file is %1 MiB; CX Designer opens maps of at most %2 MiB.").replace(
        "%1", f"{size / 2**20:,.1f}").replace("%2", str(MAX_FILE_BYTES // 2**20))


def _parse_time(value) -> _dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = _dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=_dt.timezone.utc)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
