"""Autosave and crash recovery: a recovery copy of every document with unsaved changes.

The recovery folder (``recovery_dir()``: the user's app-data folder + ``recovery``)
holds, for each running editor (an *instance*, named by a fresh uuid):

    session-<instance>.json     the session marker: pid and start time.  While the
                                editor runs it holds an OS lock on it (POSIX ``flock``),
                                which the OS drops when the process ends, however it
                                ends; a clean exit removes the marker.
    <instance>-<doc>.cxmap      a document's recovery copy: what Save would write, compact
    <instance>-<doc>.json       its sidecar: original path or null, title, time of the
                                copy, pid, instance, and the original file's state

The folder is ``0700`` and every file in it ``0600``; the start-up scan reads only
regular files and only the sidecars, never a map (``recovery_store``, which also holds
``Entry`` and ``Scan``).  An instance whose marker is gone or unlocked (or, where the
file system has no locks, whose pid is dead) is not running: its copies are offered on
the next start (``Session.scan``).  A running instance never touches another running
one's files.

An ``Autosaver`` follows one document: about ``IDLE_MS`` after editing pauses, and at
least every ``MAX_MS`` during continuous editing, it serialises the map on the GUI thread
(``serialise``: the model may change under a worker) and writes the bytes on a worker
thread (``cxmap.write_atomic``, no ``.bak``), never two writes of one document at
once.  A map the loader would refuse (over ``MAX_FILE_BYTES``) gets no copy: the
previous one stays, the user is told once, and it is tried again only every ``MAX_MS``.
The copy is removed when the document becomes unmodified (saved, or undone back to
clean) and when its window closes discarding the changes.

Windows (untested here): no marker lock is kept (an open file cannot be renamed), so
the pid decides, and a pid reused after a crash hides that crash's copies until the
process holding it ends.
"""

from __future__ import annotations

import concurrent.futures
import datetime as _dt
import json
import os
import re
import tempfile
import threading
import uuid
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal, Slot

from ...fileformat import FileFormatError
from ...fileformat import cxmap
from ...fileformat.limits import MAX_EDGES, MAX_FILE_BYTES, MAX_NODES
from .document import Document
# The folder's side lives in recovery_store; its names are kept importable from here.
from .recovery_store import (Entry, Scan, TooLarge,
                             make_private, marker_path, open_regular, pid_alive, prepare_folder,
                             read_entries, read_small_json, regular_or_skipped, remove_if_stale,
                             remove_quietly, write_copy)

IDLE_MS = 1000  # a copy this long after editing pauses
MAX_MS = 60_000  # and at least this often while editing goes on
ENV_VAR = "CXD_RECOVERY_DIR"
SIDECAR_FORMAT = "cxdesigner-recovery"

_ENTRY = re.compile(r"^([0-9a-f]{32})-([0-9a-f]{32})\.(cxmap|json)$")
_MARKER = re.compile(r"^session-([0-9a-f]{32})\.json$")

_folder_override: Path | None = None
_session: "Session | None" = None
_session_error: str | None = None
_executor: concurrent.futures.ThreadPoolExecutor | None = None
_bridge: "_Bridge | None" = None


def tr(text: str) -> str:
    return QCoreApplication.translate("Autosave", text)


# ------------------------------------------------------------------ the folder
def use_folder(path: str | os.PathLike[str] | None) -> None:
    """Keep recovery files in this folder instead of the user's (tests; portable runs)."""
    global _folder_override
    _folder_override = Path(path) if path is not None else None


def recovery_dir() -> Path:
    """``use_folder``'s folder, else ``$CXD_RECOVERY_DIR``, else app data/recovery."""
    if _folder_override is not None:
        return _folder_override
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)) / "recovery"


# ------------------------------------------------------------------ the session
def start_session(folder: str | os.PathLike[str] | None = None) -> "Session | None":
    """Start this editor's session (its marker).  On failure autosave is off, and
    ``session_error()`` says why; the editor still runs."""
    global _session, _session_error
    end_session()
    session = Session(Path(folder) if folder is not None else recovery_dir())
    try:
        session.start()
    except OSError as exc:
        _session_error = tr("Autosave is off: cannot write to %1 (%2).").replace(
            "%1", str(session.folder)).replace("%2", exc.strerror or str(exc))
        return None
    _session, _session_error = session, None
    return session


def current_session() -> "Session | None":
    return _session


def session_error() -> str | None:
    return _session_error


def end_session() -> None:
    """A clean exit: finish the writes under way, then end the session."""
    global _session
    session, _session = _session, None
    wait_for_writes()
    if session is not None:
        session.end()


def abandon_session() -> None:
    """Drop the session as a crash would: marker and copies stay, the lock goes
    (tests, which cannot crash the process they run in)."""
    global _session
    session, _session = _session, None
    wait_for_writes()
    if session is not None:
        session.abandon()


def wait_for_writes() -> None:
    """Block until every recovery write under way has finished (exit; tests)."""
    global _executor
    executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True)
    if _bridge is not None and shiboken6.isValid(_bridge):
        QCoreApplication.sendPostedEvents(_bridge)  # deliver their "done" here


class Session:
    """One running editor's claim on the recovery folder."""

    def __init__(self, folder: Path, instance: str | None = None):
        self.folder = Path(folder)
        self.instance = instance or uuid.uuid4().hex
        self.pid = os.getpid()
        self._lock_fd: int | None = None

    @property
    def marker(self) -> Path:
        return marker_path(self.folder, self.instance)

    def map_path(self, key: str) -> Path:
        return self.folder / f"{self.instance}-{key}.cxmap"

    def meta_path(self, key: str) -> Path:
        return self.folder / f"{self.instance}-{key}.json"

    def start(self) -> None:
        prepare_folder(self.folder)  # 0700: the copies are nobody else's to read
        payload = json.dumps({"format": "cxdesigner-session", "instance": self.instance,
                              "pid": self.pid, "started": _now_iso()}).encode("utf-8")
        # Written under a temporary name, locked, then renamed into place: no other
        # instance ever sees the marker of a running instance unlocked.
        fd, tmp = tempfile.mkstemp(prefix=".session-", suffix=".tmp", dir=self.folder)
        try:
            _try_lock(fd)
            os.write(fd, payload)
            os.fsync(fd)
            if os.name == "nt":  # an open file cannot be renamed there; no lock kept
                os.close(fd)
                fd = -1
            os.replace(tmp, self.marker)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            remove_quietly(Path(tmp))
            raise
        self._lock_fd = fd if fd >= 0 else None

    def end(self) -> None:
        """A clean exit.  The marker goes, unless copies remain (a document neither
        saved nor discarded): then it stays, unlocked, and they are offered next time."""
        if not self._own_entries():
            remove_quietly(self.marker)
        self._release()

    def abandon(self) -> None:
        """Let go as a crash would: the lock goes, every file stays (tests)."""
        self._release()

    def _release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def _own_entries(self) -> list[Path]:
        try:
            return list(self.folder.glob(f"{self.instance}-*.cxmap"))
        except OSError:
            return []

    def scan(self, load: bool = False) -> Scan:
        """The copies left by instances that are not running, newest first, described
        by their sidecars (``recovery_store``: regular files only, nothing loaded, at
        most ``MAX_ENTRIES``; ``load`` also loads each map).  The scan holds their
        markers' locks, so no other instance offers them at the same time, until
        ``Scan.release()``."""
        scan = Scan(self.folder)
        try:
            names = os.listdir(self.folder)
        except OSError:
            return scan
        groups: dict[str, dict[str, set[str]]] = {}
        markers: set[str] = set()
        for name in names:
            if (m := _ENTRY.match(name)) and m[1] != self.instance:
                groups.setdefault(m[1], {}).setdefault(m[2], set()).add(m[3])
            elif (m := _MARKER.match(name)) and m[1] != self.instance:
                markers.add(m[1])
            elif name.startswith(".") and name.endswith(".tmp"):
                remove_if_stale(self.folder / name)
        dead = []
        for instance in sorted(markers | set(groups)):
            marker = marker_path(self.folder, instance)
            if instance in markers and not regular_or_skipped(marker, scan):
                continue  # not a marker we wrote: its instance's files are left alone
            alive, fd = _claim(marker)
            if alive:
                continue
            if fd is not None:
                scan.claims[instance] = fd
            dead.append(instance)
        read_entries(scan, groups, dead)
        if load:
            for entry in scan.entries:
                entry.load()
        return scan


# ------------------------------------------------------------------ autosaving
class _Slot:
    """What one document's writer shares with the worker thread, under ``lock``."""

    def __init__(self, owner: "Autosaver"):
        self.lock = threading.Lock()
        self.busy = False  # a write under way
        self.wanted = True  # False: the copy must go (the worker removes it after writing)
        self.owner: Autosaver | None = owner
        self.error: str | None = None
        self.thread: int | None = None  # the thread of the last write
        self.writes = 0


class _Bridge(QObject):
    """Carries "write done" from the worker to the GUI thread: it lives there, so the
    signal, emitted on the worker, is queued to it."""

    done = Signal(object)

    def __init__(self):
        super().__init__()
        self.done.connect(self.dispatch)

    @Slot(object)
    def dispatch(self, slot: _Slot) -> None:
        owner = slot.owner
        if owner is not None and shiboken6.isValid(owner):
            owner._finished(slot)


def _get_bridge() -> _Bridge:
    global _bridge
    if _bridge is None or not shiboken6.isValid(_bridge):
        _bridge = _Bridge()
    return _bridge


def _get_executor() -> concurrent.futures.ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=2, thread_name_prefix="cxd-autosave")
    return _executor


def _write_job(slot: _Slot, map_path: Path, meta_path: Path, payload: bytes, meta: bytes,
               bridge: _Bridge) -> None:
    error = write_copy(map_path, meta_path, payload, meta)
    with slot.lock:
        slot.busy = False
        slot.error = error
        slot.thread = threading.get_ident()
        slot.writes += 1
        remove = not slot.wanted
    if remove:  # discarded while this copy was being written
        remove_quietly(map_path)
        remove_quietly(meta_path)
    bridge.done.emit(slot)


class Autosaver(QObject):
    """Keeps a recovery copy of one document while it has unsaved changes."""

    failed = Signal(str)  # a copy could not be written: the message, once per failure run
    written = Signal()  # a copy was written

    def __init__(self, document: Document, session: Session | None,
                 parent: QObject | None = None):
        super().__init__(parent or document)
        self.document = document
        self.session = session
        self.key = uuid.uuid4().hex
        self._slot = _Slot(self)
        self._pending = False  # a change came while a write was under way
        self._failing: str | None = None  # the kind of failure last said, if any
        self._too_large = False  # the last try was refused: serialising is costly
        self._attached = session is not None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._max = QTimer(self, singleShot=True, interval=MAX_MS)
        self._idle.timeout.connect(self.write_now)
        self._max.timeout.connect(self.write_now)
        if self._attached:
            _get_bridge()  # made on the GUI thread, where it must live
            document.journey.events.subscribe("journey_changed", self._on_change)
            document.modified_changed.connect(self._on_modified)
            if document.is_modified:  # an imported or recovered map
                self._on_change()

    @property
    def map_path(self) -> Path | None:
        return self.session.map_path(self.key) if self.session else None

    @property
    def meta_path(self) -> Path | None:
        return self.session.meta_path(self.key) if self.session else None

    @property
    def busy(self) -> bool:
        return self._slot.busy

    @property
    def last_write_thread(self) -> int | None:
        return self._slot.thread

    @property
    def writes(self) -> int:
        return self._slot.writes

    def _on_change(self, _event=None) -> None:
        if not self._attached:
            return
        if not self._too_large:  # a refused map is tried again only every MAX_MS
            self._idle.start()  # restarted by every change: fires when editing pauses
        if not self._max.isActive():  # not restarted: fires during continuous editing
            self._max.start()

    def _on_modified(self, modified: bool) -> None:
        if modified:
            self._on_change()
        else:  # saved, or undone back to what the file holds
            self.remove()

    def write_now(self) -> bool:
        """Start writing a copy (if the document has unsaved changes).  False if none
        was started; a write already under way is followed by another one."""
        self._idle.stop()
        self._max.stop()
        if not self._attached or not self.document.is_modified:
            return False
        slot = self._slot
        with slot.lock:
            if slot.busy:
                self._pending = True
                return False
            slot.busy = True
            slot.wanted = True
        try:
            payload = serialise(self.document.journey)
            meta = self._sidecar(_now_iso())
        except FileFormatError as exc:  # a copy the loader would refuse: keep the last
            with slot.lock:
                slot.busy = False
            self._too_large = True
            self._report("size", tr("The map is too large to keep a recovery copy: %1").replace(
                "%1", exc.message))
            return False
        except Exception as exc:  # noqa: BLE001 - never lose the editor over a copy
            with slot.lock:
                slot.busy = False
            self._report("write", _cannot_write(str(exc) or type(exc).__name__))
            return False
        self._too_large = False
        _get_executor().submit(_write_job, slot, self.map_path, self.meta_path, payload,
                               meta, _get_bridge())
        return True

    def _sidecar(self, copied_at: str) -> bytes:
        document = self.document
        return json.dumps({
            "format": SIDECAR_FORMAT, "version": 1,
            "original_path": str(document.path) if document.path else None,
            "title": document.journey.document["title"],
            "copied_at": copied_at,
            "pid": self.session.pid, "instance": self.session.instance,
            "disk": document.disk_state.to_json() if document.disk_state else None,
        }, ensure_ascii=False, indent=1).encode("utf-8")

    def _finished(self, slot: _Slot) -> None:
        if slot.error is not None:
            self._report("write", _cannot_write(slot.error))
        else:
            self._failing = None
            self.written.emit()
        if self._pending:
            self._pending = False
            self.write_now()

    def _report(self, kind: str, message: str) -> None:
        if self._failing != kind:  # once per run of failures, not at every change
            self._failing = kind
            self.failed.emit(message)

    def remove(self) -> None:
        """Remove the copy (now, or as soon as a write under way ends).  Once
        detached, the autosaver leaves the files alone."""
        self._idle.stop()
        self._max.stop()
        self._pending = False
        if not self._attached:
            return
        slot = self._slot
        with slot.lock:
            slot.wanted = False
            busy = slot.busy
        if not busy:
            remove_quietly(self.map_path)
            remove_quietly(self.meta_path)

    def adopt(self, entry: Entry) -> bool:
        """Make a recovered copy this document's own, by renaming it: at no moment is
        there no copy on disk.  False if it could not be (the old one then stays)."""
        if not self._attached:
            return False
        try:
            os.replace(entry.map_path, self.map_path)
        except OSError:
            return False
        try:
            make_private(self.map_path)  # a copy an older version left readable
        except OSError:
            pass  # the folder is private all the same
        copied = (entry.copied_at or _dt.datetime.now(_dt.timezone.utc)).isoformat(
            timespec="seconds")
        try:
            make_private(self.meta_path)
            cxmap.write_atomic(self.meta_path, self._sidecar(copied), backup=False)
        except (FileFormatError, OSError):
            self.write_now()  # the map is ours; a fresh copy brings its sidecar
        remove_quietly(entry.meta_path)
        self._idle.stop()
        self._max.stop()
        return True

    def discard(self) -> None:
        """The window closes: remove the copy and stop following the document."""
        self.remove()
        self.detach()

    def detach(self) -> None:
        """Stop following the document; the copy stays as it is."""
        self._idle.stop()
        self._max.stop()
        self._pending = False
        if self._attached:
            self._attached = False
            self.document.journey.events.unsubscribe(self._on_change)
            self.document.modified_changed.disconnect(self._on_modified)
        self._slot.owner = None


# ------------------------------------------------------------------ helpers
def serialise(journey) -> bytes:
    """The map as the file format has it, compact: ``cxmap.dumps`` indents, which
    sends ``json`` down its pure-Python encoder, three times slower (10k elements:
    about 75 ms here against 270 ms), and this runs on the GUI thread.

    Raises ``FileFormatError`` for a map the loader would refuse: a copy that cannot
    be recovered is worth less than the previous one, which is then kept."""
    graph = journey.graph
    if graph.number_of_nodes() > MAX_NODES or graph.number_of_edges() > MAX_EDGES:
        raise FileFormatError(tr("it has more elements than a map file holds."))
    payload = json.dumps(cxmap.to_data(journey), ensure_ascii=False, allow_nan=False,
                         separators=(",", ":")).encode("utf-8")
    if len(payload) > MAX_FILE_BYTES:
        raise FileFormatError(tr("it would take %1 MiB; a map file holds at most %2 MiB.")
                              .replace("%1", f"{len(payload) / 2**20:,.1f}")
                              .replace("%2", str(MAX_FILE_BYTES // 2**20)))
    return payload


def _cannot_write(message: str) -> str:
    return tr("Autosave could not write a recovery copy: %1").replace("%1", message)


def _now_iso() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _try_lock(fd: int) -> bool | None:
    """Take the exclusive lock on an open file: True taken, False held by another
    (open file), None where the system or file system has no such locks."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _claim(marker: Path) -> tuple[bool, int | None]:
    """Whether the instance of this marker is running; if not, and its marker could
    be locked, the locked descriptor (the caller's claim on its copies)."""
    try:
        # Never follows a link nor waits on a FIFO put there under a marker's name.
        fd, _info = open_regular(marker, os.O_RDWR)
    except FileNotFoundError:
        return False, None  # no marker: not running
    except OSError:
        return True, None  # cannot tell (or not a marker): leave its files alone
    locked = _try_lock(fd)
    if locked is True:
        return False, fd  # the OS let go of its lock: the process is gone
    os.close(fd)
    if locked is False:
        return True, None
    try:
        pid = read_small_json(marker).get("pid")  # no locks here: the pid decides
    except TooLarge:
        return True, None  # not a marker of ours: leave its files alone
    return (type(pid) is int and pid_alive(pid)), None
