"""Masking personal data in what customers wrote, before it is kept in a map (no Qt).

A map travels: it is mailed to a client, pushed to a live room, put in a report.  So
feedback comes in with the people in it masked by default: e-mail addresses, phone
numbers, Israeli ID numbers, card numbers and the writer's own name become visible
tokens (``[email]``, ``[phone]``, ``[id]``, ``[card]``, ``[name]``), and the item counts
how many it lost.  What the text is *about* stays: dates, prices, order numbers and
scores look like none of these.

The rules, in the order they run (a token has no digits, so a later rule never
re-reads an earlier one's work):

- e-mail: ``user@domain.tld`` (the domain may be Hebrew);
- card: 13 to 19 digits, single spaces or dashes between, passing the Luhn check
  (so a long order number fails nine times in ten);
- phone: Israeli (``05x-xxx-xxxx``, ``0x-xxxxxxx``, ``07x``), ``+972...`` and any
  ``+`` international form, and the North American ``(555) 123-4567`` and
  ``555-123-4567``; 8 to 15 digits in all;
- Israeli ID: 9 digits passing the ID check digit, unless an order word (order,
  invoice, ref, ticket, tracking, #, הזמנה, חשבונית, אסמכתא, מעקב, פנייה) comes just
  before it;
- names: the sender's display name and each part of it (two letters or more), whole
  words, case-insensitive, and in Hebrew also after a one- or two-letter prefix
  (ו, ה, ב, ל, מ, ש, כ: "לדנה", "to Dana", becomes "ל[name]").

Every pattern is linear in the text: runs are entered only at their start (a
look-behind), and every repetition is bounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

EMAIL, PHONE, ID, CARD, NAME = "[email]", "[phone]", "[id]", "[card]", "[name]"

# Text may touch a Hebrew letter ("ל054..."), never a Latin letter or digit: that would
# be part of a code or a longer number.
_EDGE_BEFORE = r"(?<![0-9A-Za-z+])"
_EDGE_AFTER = r"(?![0-9A-Za-z])"

# The user part is ASCII and starts with a letter or digit, so that "ל-dana@..." keeps
# its Hebrew "to"; the domain may be Hebrew (an internationalised name).
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+'])[A-Za-z0-9][A-Za-z0-9._%+'\-]{0,63}"
                    r"@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_CARD = re.compile(_EDGE_BEFORE + r"\d(?:[ \-]?\d){12,18}" + _EDGE_AFTER)
_PHONE = re.compile(_EDGE_BEFORE + r"""(?:
      \+\d{1,3}[ .\-]?(?:\(0?\d{1,4}\)|\d{1,4})(?:[ .\-]?\d{2,4}){1,4}  # +972 54-123-4567
    | 0(?:5\d|7\d|[23489])[ \-]?\d{3}[ \-]?\d{4}                     # 054-1234567, 03-1234567
    | \(\d{3}\)[ ]?\d{3}[ .\-]\d{4}                                   # (555) 123-4567
    | \d{3}[.\-]\d{3}[.\-]\d{4}                                       # 555-123-4567
    )""" + _EDGE_AFTER, re.VERBOSE)
_ID = re.compile(_EDGE_BEFORE + r"\d{9}" + _EDGE_AFTER)
_ORDER_WORDS = re.compile(r"(?:order|invoice|ref|reference|ticket|tracking|no\.|#|הזמנה|"
                          r"חשבונית|אסמכתא|מעקב|פנייה|מס['׳]?|מספר)\W{0,3}$", re.IGNORECASE)
_HEBREW_PREFIX = "[והבלמשכ]{0,2}"
_NAME_PART = re.compile(r"[^\W\d_](?:[^\W\d_]|['׳\-])*[^\W\d_]")  # two letters or more
# Words in a display name that name no one ("Customer Service", "Mr", "בע\"מ").
_NOT_NAMES = frozenset("""mr mrs ms dr prof the and of team support service customer
    customers info sales office noreply no reply bot ltd inc co company mail
    מר גב גברת דר ד"ר פרופ שירות לקוחות צוות מכירות משרד בעמ בע"מ""".split())


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def israeli_id_ok(digits: str) -> bool:
    """The check digit of an Israeli ID (תעודת זהות): weights 1,2,1,2... with digit sums."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (1 + i % 2)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def name_parts(display_name: str) -> list[str]:
    """The words of a sender's name worth masking, the whole name first."""
    display = " ".join(display_name.replace('"', " ").replace(",", " ").split())
    parts = [p for p in _NAME_PART.findall(display) if p.casefold() not in _NOT_NAMES]
    wholes = [" ".join(parts)]
    if len(parts) == 2:  # "Levi, Dana" signs as "Dana Levi"
        wholes.append(f"{parts[1]} {parts[0]}")
    return list(dict.fromkeys([*wholes, *parts] if len(parts) > 1 else parts))


class Masker:
    """Masks one writer's text: the fixed rules, and their name when it is known."""

    def __init__(self, names: Iterable[str] = ()):
        words = sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)
        self._names = None
        if words:
            alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
            self._names = re.compile(rf"(?<!\w)({_HEBREW_PREFIX})(?:{alternatives})(?!\w)",
                                     re.IGNORECASE)

    def mask(self, text: str) -> tuple[str, int]:
        """The text with personal data replaced by tokens, and how many were."""
        count = 0

        def sub(pattern: re.Pattern[str], token: str | Callable[[re.Match[str]], str],
                keep: Callable[[re.Match[str]], bool] | None = None) -> None:
            nonlocal text, count

            def replace(m: re.Match[str]) -> str:
                nonlocal count
                if keep is not None and keep(m):
                    return m[0]
                count += 1
                return token if isinstance(token, str) else token(m)
            text = pattern.sub(replace, text)
        if "@" in text:
            sub(_EMAIL, EMAIL)
        if any(c.isdigit() for c in text):
            sub(_CARD, CARD, lambda m: not luhn_ok(_digits(m[0])))
            sub(_PHONE, PHONE, lambda m: not 8 <= len(_digits(m[0])) <= 15)
            sub(_ID, ID, lambda m: not israeli_id_ok(m[0]) or bool(
                _ORDER_WORDS.search(text[max(0, m.start() - 24):m.start()])))
        if self._names is not None:
            sub(self._names, lambda m: m[1] + NAME)  # "לדנה": "ל[name]"
        return text, count


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def mask_text(text: str, names: Iterable[str] = ()) -> tuple[str, int]:
    """``text`` masked (see the module's rules), and how many pieces were masked."""
    return Masker(names).mask(text)


def mask_item(item: Mapping[str, Any], names: Iterable[str] = (),
              masker: Masker | None = None) -> dict[str, Any]:
    """A feedback item's fields with every text in it masked (title, description,
    source, channel and the file's own columns), ``masked`` counting them."""
    masker = masker or Masker(names)
    out = dict(item)
    count = 0
    for key in ("title", "description", "source", "channel"):
        if isinstance(out.get(key), str) and out[key]:
            out[key], n = masker.mask(out[key])
            count += n
    if out.get("fields"):
        fields = {}
        for key, value in out["fields"].items():
            fields[key], n = masker.mask(value)
            count += n
        out["fields"] = fields
    out["masked"] = int(out.get("masked") or 0) + count
    return out
