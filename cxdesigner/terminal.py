"""Text from a map, made safe to print on a terminal (no Qt).

A title, a key name or a file name comes from whoever wrote the file, and a terminal
obeys what it prints: an escape sequence can clear the screen, retitle the window,
write the clipboard (OSC 52) or hide what follows; a bidi override can reorder the
rest of the line, so a title could make the next column read backwards.  So:

* escape sequences are removed whole, not only their ESC byte: CSI (``ESC [`` ...
  final byte), OSC, DCS, SOS, PM and APC (up to their terminator, BEL or ST, or the
  end of the line when there is none), other two-character escapes, and the same
  sequences introduced by 8-bit C1 bytes (U+009B, U+009D, U+0090, ...);
* the remaining controls become a space when they separate text (tab, line breaks,
  vertical tab, form feed, the C0 separators, NEL, U+2028/U+2029), so a title with
  Excel's line break prints on its line, and U+FFFD (visibly "something was here")
  otherwise (BEL, backspace, NUL, DEL, C1 controls...);
* bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) are
  removed: they open a scope that can run past the title to the end of the line.  The
  marks U+200E, U+200F and U+061C are kept: they open no scope, act only on the
  neutral characters beside them, no more than a Latin or Hebrew letter would, and a
  Hebrew title may need them to read right.

Letters of any script, Hebrew included, pass through unchanged.

    clean(title)        one field: nothing in it can act on the terminal
    clean_block(text)   several lines: the same, keeping the line breaks
"""

from __future__ import annotations

import re

# Whole escape sequences, 7-bit and 8-bit forms.  A string command's payload runs to
# its terminator; unterminated, it is cut at the line's end so it cannot eat the rest
# of the output.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"  # CSI
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"  # any other escape: ESC, intermediates, final
)
_SPACE_LIKE = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_BIDI_SCOPES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TABLE = {ord(c): " " for c in _SPACE_LIKE}
_TABLE.update({c: "\ufffd" for c in range(0x20) if chr(c) not in _SPACE_LIKE})
_TABLE.update({c: "\ufffd" for c in range(0x7f, 0xa0) if chr(c) not in _SPACE_LIKE})
_TABLE.update({ord(c): None for c in _BIDI_SCOPES})
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + _BIDI_SCOPES + "]")


def clean(text: object) -> str:
    """``text`` (any object, as ``str()`` shows it) with nothing a terminal acts on."""
    text = str(text)
    if not _UNSAFE.search(text):
        return text  # the usual case, and cheap
    return _SEQUENCE.sub("", text).translate(_TABLE)


def clean_block(text: object) -> str:
    """Like ``clean``, line by line: the line breaks stay."""
    return "\n".join(clean(line) for line in str(text).split("\n"))
