"""Text made fit for XML 1.0 (no Qt): for GraphML and the SVG picture.

XML 1.0 cannot hold the C0 controls other than tab, line feed and carriage return
(not even escaped as ``&#11;``), U+FFFE, U+FFFF or a lone surrogate; one of them
makes the whole file not well-formed, and viewers refuse it.  Titles do hold them:
Excel writes a line break inside a cell as a vertical tab (U+000B), and a pasted
title can bring a form feed or an escape.

* ``xml_text(text)``: element text and attribute values; each forbidden character
  becomes a space when it separated words (vertical tab, form feed, the C0
  separators: they stand for line breaks, and "a\vb" should not read "ab") and is
  left out otherwise (a NUL or an escape carries nothing a reader of yEd, Gephi or
  a picture could use, and a U+FFFD in every label would only be noise).
* ``xml_name(text)``: a name written into the file (a GraphML key's ``attr.name``, a
  node id): the same.
* ``xml_bytes(data)``: a UTF-8 XML document made by someone else (Qt's SVG
  generator), with the forbidden characters replaced, whether raw or written as
  character references.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SEPARATORS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f")
_REFERENCE = re.compile(rb"&#(x[0-9a-fA-F]+|[0-9]+);")


def _replace_char(char: str) -> str:
    return " " if char in _SEPARATORS else ""


def _replace(match: re.Match) -> str:
    return _replace_char(match.group(0))


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced (see the module)."""
    if text.isascii() and text.isprintable():
        return text  # the usual case, and cheap
    return _FORBIDDEN.sub(_replace, text)


xml_name = xml_text


def _replace_reference(match: re.Match) -> bytes:
    # A character reference to a forbidden character is as bad as the character.
    number = match.group(1)
    code = int(number[1:], 16) if number[:1] == b"x" else int(number)
    if code > 0x10FFFF:
        return b""
    char = chr(code)
    if not _FORBIDDEN.match(char):
        return match.group(0)
    return _replace_char(char).encode()


def xml_bytes(data: bytes) -> bytes:
    """A UTF-8 XML document with the forbidden characters (raw or as references)
    replaced; ``data`` comes back unchanged when it has none."""
    text = data.decode("utf-8", "surrogateescape")
    cleaned = text
    if _FORBIDDEN.search(text):
        # Bytes that were not UTF-8 come back as lone surrogates: replaced too.
        cleaned = _FORBIDDEN.sub(_replace, text)
    out = cleaned.encode("utf-8")
    if b"&#" in out:
        out = _REFERENCE.sub(_replace_reference, out)
    return out if out != data else data
