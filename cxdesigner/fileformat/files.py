"""Every read and write of a user's file goes through here (no Qt).

Reading: the file is ``stat``-ed first (following links) and refused when it is not a
regular file (a folder, a named pipe, a device, a socket) or is over the size limit,
before a byte is read or hashed; it is then opened non-blocking, so a named pipe swapped
in between never blocks, and checked again with ``fstat`` on the open descriptor.

Writing (``write_atomic``): the new content goes to a temporary file beside the real
file, is flushed and synced, then renamed over it, so the old file stays whole until the
new one is complete; the previous file is kept as ``NAME.bak``; the result is read back.

- A symbolic link is written *through*: the link stays a link, its target gets the new
  content, and the ``.bak`` lies beside the target.
- A folder, a named pipe, a device or a socket is never replaced: refused, nothing
  written.
- The new file and the ``.bak`` keep the original's permission bits and, where the
  user may set it, its group (a team's 0660 file stays the team's).
- A read-only file is not replaced unless the caller says so (``ReadOnlyFileError``,
  so the editor can offer Save As).
- A ``.bak`` name taken by something that is not a file (a folder...) does not stop
  the save: the backup is skipped and a note returned says so.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import IO

from .errors import FileFormatError
from .limits import FORMAT, MAX_FILE_BYTES

__all__ = ["ReadOnlyFileError", "describe_kind", "open_regular", "read_bytes", "file_state",
           "version_on_disk", "same_file", "refuse_same_file", "write_target",
           "write_atomic"]


class ReadOnlyFileError(FileFormatError):
    """The file to replace is read-only; nothing was written (offer Save As)."""


# ------------------------------------------------------------------ what a path is
def describe_kind(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, when it is not a regular file; else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _not_a_file(kind: str, what: str) -> str:
    if kind == "folder":
        return f"This is a folder, not a {what}."
    return f"This is a {kind}, not a {what}."


# ------------------------------------------------------------------ reading
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_NOCTTY", 0))


def open_regular(path: str | os.PathLike[str], limit: int | None = MAX_FILE_BYTES,
                 what: str = "map file") -> tuple[IO[bytes], os.stat_result]:
    """Open a regular file for reading, never blocking on what is not one.

    Returns the open binary file and its ``fstat``.  Raises ``FileFormatError`` (with
    ``path``) for a missing, special, too big or unreadable file; ``OSError`` does not
    escape.  ``limit`` None: any size.
    """
    name = os.fspath(path)
    try:
        # stat first, following links: a link to /dev/zero or a pipe is refused before
        # it is opened, and a file over the limit before it is read or hashed.
        _check_regular(os.stat(name), name, limit, what)
        # O_NONBLOCK: if a pipe is swapped in after the stat, opening it still returns
        # at once (and fstat below refuses it) instead of waiting for a writer.
        fd = os.open(name, _READ_FLAGS | _NONBLOCK)
    except OSError as exc:
        raise FileFormatError(_read_error(exc), name) from None
    try:
        st = os.fstat(fd)
        _check_regular(st, name, limit, what)
        if _NONBLOCK:
            import fcntl  # POSIX only, like O_NONBLOCK itself

            flags = fcntl.fcntl(fd, fcntl.F_GETFL)
            fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~_NONBLOCK)
        return open(fd, "rb", closefd=True), st
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):
            raise FileFormatError(_read_error(exc), name) from None
        raise


def _check_regular(st: os.stat_result, name: str, limit: int | None, what: str) -> None:
    kind = describe_kind(st.st_mode)
    if kind is not None:
        raise FileFormatError(_not_a_file(kind, what), name)
    if limit is not None and st.st_size > limit:
        raise FileFormatError(too_big(st.st_size, limit, what), name)


def too_big(size: int, limit: int = MAX_FILE_BYTES, what: str = "map file") -> str:
    if what == "map file":
        return (f"The file is {size / 2**20:,.1f} MiB; CX Designer opens maps of at most "
                f"{limit // 2**20} MiB.")
    return (f"The file is {size / 2**20:,.1f} MiB; CX Designer reads a {what} of at most "
            f"{limit / 2**20:,.0f} MiB.")


def _read_error(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "There is no such file."
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "You do not have permission to read this file."
    if exc.errno == errno.EISDIR:
        return "This is a folder, not a map file."
    if exc.errno == errno.ELOOP:
        return "The file is a symbolic link that leads round in a loop."
    return f"The file could not be read ({exc.strerror or exc})."


def read_bytes(path: str | os.PathLike[str], limit: int | None = MAX_FILE_BYTES,
               what: str = "map file") -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes.  Raises
    ``FileFormatError`` (a file that grew past the limit while read is refused too)."""
    f, _ = open_regular(path, limit, what)
    with f:
        try:
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as exc:
            raise FileFormatError(_read_error(exc), os.fspath(path)) from None
    if limit is not None and len(data) > limit:
        raise FileFormatError(too_big(len(data), limit, what), os.fspath(path))
    return data


def file_state(path: str | os.PathLike[str], limit: int | None = MAX_FILE_BYTES
               ) -> tuple[int, int, str]:
    """(size, mtime in ns, SHA-256 hex) of a regular file, hashed only after its type
    and size are checked.  Raises ``FileFormatError``."""
    f, st = open_regular(path, limit)
    digest = hashlib.sha256()
    with f:
        try:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        except OSError as exc:
            raise FileFormatError(_read_error(exc), os.fspath(path)) from None
    return st.st_size, st.st_mtime_ns, digest.hexdigest()


def version_on_disk(path: str | os.PathLike[str]) -> int | None:
    """The file version of the map at ``path``, read from its parsed top-level object
    (so key order, spacing and a big document before ``version`` do not matter).
    None when there is no readable map there: missing, not a regular file, over the
    size limit, not JSON, not ours."""
    try:
        raw = json.loads(read_bytes(path).decode("utf-8-sig"))
    except (FileFormatError, ValueError, RecursionError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    version = raw.get("version")
    return version if type(version) is int else None


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (through links and hard links)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False  # one of them does not exist (yet): they cannot be one file


def refuse_same_file(output: str | os.PathLike[str], input: str | os.PathLike[str]) -> None:
    """Raise ``FileFormatError`` if writing ``output`` would replace ``input``."""
    if same_file(output, input):
        raise FileFormatError(f"This is the file being read ({os.fspath(input)}); writing "
                              "there would replace it. Choose another name; nothing was "
                              "written.", os.fspath(output))


# ------------------------------------------------------------------ writing
def write_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """Where writing ``path`` really goes (through symbolic links) and what is there now
    (None: nothing yet).  Raises ``FileFormatError`` if it must not be replaced: a
    folder, a named pipe, a device, a socket."""
    name = os.fspath(path)
    target = Path(os.path.realpath(name))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        # A link can lead where no path does (/dev/stdout to "pipe:[…]"): what the link
        # itself reaches decides then, so a pipe or terminal is named, not "no folder".
        try:
            st = os.stat(name)
        except OSError:
            return target, None
    except OSError as exc:
        raise FileFormatError(_write_error(exc), name) from None
    kind = describe_kind(st.st_mode)
    if kind == "folder":
        raise FileFormatError("This is a folder; give the name of a file to write. Nothing "
                              "was written.", name)
    if kind is not None:
        raise FileFormatError(f"This is a {kind}, not a file; CX Designer writes only "
                              "regular files. Nothing was written.", name)
    return target, st


def is_read_only(target: str | os.PathLike[str], st: os.stat_result) -> bool:
    # No write bit at all catches a file made read-only even for root (who may write
    # anything); access() catches the rest (another owner, ACLs, a read-only mount).
    return not st.st_mode & 0o222 or not os.access(target, os.W_OK)


def write_atomic(path: str | os.PathLike[str], payload: bytes, backup: bool = True, *,
                 replace_read_only: bool = False) -> list[str]:
    """Write ``payload`` to ``path`` via a flushed temporary file and an atomic rename,
    keeping the previous file as ``NAME.bak`` (``backup``); then read it back.

    Returns notes for the user (a backup that was skipped).  Raises ``FileFormatError``
    (``ReadOnlyFileError`` for a read-only file, unless ``replace_read_only``); on any
    failure the file on disk is as it was.
    """
    path = Path(path)
    target, old = write_target(path)
    if old is not None and not replace_read_only and is_read_only(target, old):
        raise ReadOnlyFileError("The file is read-only; nothing was written. Choose another "
                                "name, or make it writable first.", str(path))
    folder = target.parent
    notes: list[str] = []
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileFormatError(_write_error(exc), str(path)) from None
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            _take_over_owner_and_mode(tmp, old)
            if backup and old is not None:
                notes += _write_backup(target, old)
            os.replace(tmp, target)
        except BaseException:
            _remove_quietly(tmp)
            raise
        _fsync_folder(folder)
        f, _ = open_regular(target, None)
        with f:
            if f.read() != payload:
                raise OSError(errno.EIO, "the saved file reads back different")
    except OSError as exc:
        raise FileFormatError(_write_error(exc), str(path)) from None
    return notes


def _write_backup(target: Path, old: os.stat_result) -> list[str]:
    bak = target.with_name(target.name + ".bak")
    try:
        st = os.lstat(bak)
    except FileNotFoundError:
        st = None
    # A link named .bak is replaced (the rename does not follow it); anything else
    # that is not a file is left alone, and the save goes on without a backup.
    if st is not None and not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        return [f"No backup was kept: {bak} is a {describe_kind(st.st_mode)}, not a file."]
    # Copy rather than rename, so the original never leaves its place before the new
    # file takes it.
    fd, tmp = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            source, _ = open_regular(target, None)
            with source:
                while chunk := source.read(1 << 20):
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        _take_over_owner_and_mode(tmp, old)
        os.replace(tmp, bak)
    except FileFormatError as exc:  # the original vanished or changed kind meanwhile
        _remove_quietly(tmp)
        raise OSError(errno.EIO, exc.message) from None
    except BaseException:
        _remove_quietly(tmp)
        raise
    return []


def _take_over_owner_and_mode(tmp: str, old: os.stat_result | None) -> None:
    """Give the temporary file the group and permission bits of the file it replaces
    (mkstemp makes it private), or those a new file gets from the umask."""
    if old is None:
        os.chmod(tmp, 0o666 & ~_UMASK)
        return
    if os.stat(tmp).st_gid != old.st_gid:
        try:
            os.chown(tmp, -1, old.st_gid)  # before chmod, which chown may reset
        except PermissionError:
            pass  # not in that group: the file becomes the user's group, as any new file
    # Not setuid/setgid/sticky: a map is never a program.
    os.chmod(tmp, stat.S_IMODE(old.st_mode) & 0o777)


def _current_umask() -> int:
    # Read once at import: os.umask can only be read by setting it, which races with
    # files created meanwhile on other threads (the autosave worker).
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


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
        errno.ENOTDIR: "the folder does not exist",
        errno.ELOOP: "the path is a symbolic link that leads round in a loop",
    }.get(exc.errno, exc.strerror or str(exc))
    return f"Could not save: {reason}. The previous file, if any, is unchanged."
