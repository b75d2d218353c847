"""E-mails as feedback items: an ``.mbox`` file, one ``.eml`` or a folder of them (no Qt).

One item per message: its day (the Date header's, in the sender's own offset), the
subject as title, the text body as description (the plain part when there is one,
else the HTML part as text), ``source`` and ``channel`` "email".  Attachments are
not read.  The sender (the From header) is returned beside the item, for masking
their name, and is not kept in it.

Python's ``email`` package does the decoding (quoted-printable, base64, RFC 2047
headers, charsets); Hebrew mail often says ``iso-8859-8-i``, which Python does not
know, so that name is taught to it as ISO-8859-8 (the same letters; the "-i" only
says how they are ordered).  A message that cannot be read is skipped and reported
by its number; it never stops the others.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import email
import mailbox
import os
import stat
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

from ..model import schema as S
from . import files
from .errors import FileFormatError, Problem
from .feedback_warnings import WarningLog

MAX_MAILBOX_BYTES = 256 * 1024 * 1024  # an mbox past this is refused before it is read
MAX_MESSAGE_BYTES = 25 * 1024 * 1024  # what mail servers let through, attachments and all
MAX_FOLDER_ENTRIES = 2 * S.MAX_FEEDBACK


def _hebrew_aliases(name: str):
    if name in ("iso_8859_8_i", "iso_8859_8_e", "iso8859_8_i", "iso8859_8_e"):
        return codecs.lookup("iso8859_8")
    return None


codecs.register(_hebrew_aliases)


@dataclass
class Mail:
    """A message as a feedback item's fields, and its sender's display name."""

    fields: dict
    sender: str = ""
    address: str = ""


@dataclass
class MailRead:
    mails: list[Mail] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def looks_like_mbox(head: bytes) -> bool:
    return head.lstrip(b"\r\n").startswith(b"From ")


def looks_like_message(head: bytes) -> bool:
    """A file that starts with mail headers (an .eml saved without its extension)."""
    first = head.lstrip(b"\r\n").split(b"\n", 1)[0]
    name, colon, _ = first.partition(b":")
    headers = (b"received", b"return-path", b"from", b"to", b"subject", b"date",
               b"message-id", b"mime-version", b"delivered-to", b"x-")
    return bool(colon) and name.lower().startswith(headers) and b" " not in name.strip()


def read_mbox(path: str | os.PathLike[str]) -> MailRead:
    name = os.fspath(path)
    f, st = files.open_regular(name, MAX_MAILBOX_BYTES, "mailbox")
    f.close()
    if st.st_size == 0:
        raise FileFormatError("The mailbox is empty.", name)
    result, log = MailRead(), WarningLog()
    base = Path(name).name
    try:
        box = mailbox.mbox(name, create=False)
    except (OSError, mailbox.Error) as exc:
        raise FileFormatError(f"The mailbox could not be read ({exc}).", name) from None
    try:
        for number, key in enumerate(box.iterkeys(), 1):
            if number > S.MAX_FEEDBACK:
                raise FileFormatError(f"The mailbox holds more than {S.MAX_FEEDBACK:,} "
                                      "messages, more than a map may keep.", name)
            # The reader's own index gives each message's size before it is read.
            start, stop = getattr(box, "_toc", {}).get(key, (0, 0))
            if stop - start > MAX_MESSAGE_BYTES:
                _skip(log, base, number, f"it is {(stop - start) / 2**20:,.0f} MiB, more "
                      f"than the {MAX_MESSAGE_BYTES // 2**20} MiB a message may have")
                continue
            _take(box.get_bytes(key), number, base, result, log)
    except OSError as exc:
        raise FileFormatError(f"The mailbox could not be read ({exc.strerror or exc}).",
                              name) from None
    finally:
        box.close()
    if not result.mails:
        raise FileFormatError("The mailbox holds no message CX Designer could read."
                              + _first(log), name)
    result.warnings = log.problems()
    return result


def read_eml(path: str | os.PathLike[str]) -> MailRead:
    name = os.fspath(path)
    data = files.read_bytes(name, MAX_MESSAGE_BYTES, "message")
    if not data.strip():
        raise FileFormatError("The message file is empty.", name)
    result = MailRead()
    why = _take(data, 1, Path(name).name, result, WarningLog())
    if why:
        raise FileFormatError(f"This is not an e-mail message CX Designer can read: {why}.",
                              name)
    return result


def read_folder(path: str | os.PathLike[str]) -> MailRead:
    """Every ``.eml`` of a folder (not its sub-folders), in name order.  Links and
    anything that is not a regular file are skipped and reported, never opened."""
    folder = os.fspath(path)
    result, log = MailRead(), WarningLog()
    base = Path(folder).name or folder
    try:
        with os.scandir(folder) as entries:
            names = []
            for n, entry in enumerate(entries):
                if n >= MAX_FOLDER_ENTRIES:
                    raise FileFormatError(f"The folder holds more than {MAX_FOLDER_ENTRIES:,} "
                                          "files; CX Designer reads fewer at a time.", folder)
                names.append(entry.name)
    except OSError as exc:
        raise FileFormatError(f"The folder could not be read ({exc.strerror or exc}).",
                              folder) from None
    others = 0
    number = 0
    for entry_name in sorted(names):
        full = os.path.join(folder, entry_name)
        try:
            mode = os.lstat(full).st_mode
        except OSError:
            continue  # gone since the listing
        if stat.S_ISLNK(mode):
            log.add(base, entry_name, "This is a symbolic link; links are not followed. "
                    "Skipped.", "dropped", many="symbolic links were skipped")
            continue
        kind = files.describe_kind(mode)
        if kind == "folder":
            continue
        if kind is not None:
            log.add(base, entry_name, f"This is a {kind}, not a message file. Skipped.",
                    "dropped", many="special files (pipes, devices, sockets) were skipped")
            continue
        if not entry_name.lower().endswith(".eml"):
            others += 1
            continue
        number += 1
        if number > S.MAX_FEEDBACK:
            raise FileFormatError(f"The folder holds more than {S.MAX_FEEDBACK:,} messages, "
                                  "more than a map may keep.", folder)
        try:
            data = files.read_bytes(full, MAX_MESSAGE_BYTES, "message")
        except FileFormatError as exc:
            log.add(base, entry_name, f"{exc.message} Skipped.", "dropped",
                    many="message files could not be read and were skipped")
            continue
        _take(data, number, base, result, log, by_name=entry_name)
    if others:
        log.add(base, "", f"{others:,} file{'s' if others != 1 else ''} not named .eml "
                f"{'were' if others != 1 else 'was'} not read.", "dropped")
    if not result.mails:
        raise FileFormatError("The folder holds no e-mail messages (.eml files) CX Designer "
                              "could read." + _first(log), folder)
    result.warnings = log.problems()
    return result


def _first(log: WarningLog) -> str:
    problems = log.problems()
    return f" {problems[0].message}" if problems else ""


def _skip(log: WarningLog, base: str, number: int, why: str, by_name: str = "") -> None:
    """``by_name``: the message's file in a folder, which names it better than a number."""
    where = by_name or f"message {number}"
    log.add(base, where, f"{'This message' if by_name else f'Message {number}'} was "
            f"skipped: {why}.", "dropped", many="messages could not be read and were skipped")


def _take(data: bytes, number: int, base: str, result: MailRead, log: WarningLog,
          by_name: str = "") -> str | None:
    """Add the message to ``result``, or say why not (and log it)."""
    try:
        mail = parse_message(data)
        why = None if mail is not None else "it has no subject and no text"
    except Exception as exc:  # the email package raises many kinds on a damaged message
        mail, why = None, f"it could not be read ({type(exc).__name__}: {str(exc)[:120]})"
    if mail is None:
        _skip(log, base, number, why, by_name)
        return why
    result.mails.append(mail)
    return None


def parse_message(data: bytes) -> Mail | None:
    """A message as item fields; None when it has neither subject nor text."""
    msg = email.message_from_bytes(data, policy=policy.default)
    if not isinstance(msg, EmailMessage) or not msg.keys():
        return None
    subject = _clean(" ".join(str(msg.get("subject", "") or "").split()))[:S.MAX_TEXT]
    body = _body(msg)
    if not subject and not body:
        return None
    sender = address = ""
    try:
        found = msg.get("from")
        if found is not None and getattr(found, "addresses", None):
            sender = _clean(found.addresses[0].display_name or "")
            address = _clean(found.addresses[0].addr_spec or "")
    except Exception:  # a From header too broken to parse names no one
        pass
    return Mail({"title": subject, "description": body[:S.MAX_TEXT], "date": _date(msg),
                 "source": "email", "channel": "email"}, sender, address)


def _date(msg: EmailMessage) -> str | None:
    try:
        header = msg.get("date")
        when = getattr(header, "datetime", None)
    except Exception:
        return None
    # The day as the sender saw it: a reply at 01:00 in Tel Aviv is that day, not UTC's.
    return when.date().isoformat() if isinstance(when, _dt.datetime) else None


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _part_text(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out: list[str] = []
    for line in lines:  # at most one empty line in a row
        if line or (out and out[-1]):
            out.append(line)
    return _clean("\n".join(out).strip())


def _part_text(part: EmailMessage) -> str:
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, ValueError, AssertionError):
        pass
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def _clean(text: str) -> str:
    """Text a map can keep: no NUL, no lone surrogates (an undecodable header's bytes)."""
    text = text.replace("\0", "")
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


class _Text(HTMLParser):
    _BLOCKS = frozenset({"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "table", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """An HTML body as plain text: tags dropped, scripts and styles left out, a line
    break for each block."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
