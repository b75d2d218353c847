"""What every part of the report shares: the map, its direction and language, the
chosen persona, the styles, and the pages where headings landed."""

from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import JourneyMap, plan, scoring
from ..model import schema as S
from . import fonts
from .labels import Labels
from .rtl import Style

INK = "#1d2530"
MUTED = "#5b6672"
FAINT = "#8a949e"
RULE = "#d5dae0"
LIGHT = "#f3f5f7"
WHITE = "#ffffff"
RED = "#c0392b"
AMBER = "#b9770e"
# A title longer than this is shortened with an ellipsis wherever the report lists or
# draws it (tables, headings, the map, the contents) and given whole only in the stage
# details, so one pasted page cannot turn a 12-page report into 90.
TITLE_CHARS = 120
ELLIPSIS = "\u2026"
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
            "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_CLOSERS = {"\u202c", "\u2069"}


@lru_cache(maxsize=1024)  # a few colours, asked for on every row
def mix(colour: str, other: str = WHITE, amount: float = 0.5) -> str:
    """``colour`` moved ``amount`` of the way towards ``other`` (hex colours)."""
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def shorten(text: str, most: int = TITLE_CHARS) -> str:
    """``text`` cut to about ``most`` characters, at a space if one is near, with an
    ellipsis.

    Bidi-safe: a mark is never parted from its letter (Hebrew points), and direction
    embeddings or isolates the cut leaves open are closed before the ellipsis, so they
    cannot reorder what follows the title.
    """
    text = " ".join(text.split()) if len(text) > most else text
    if len(text) <= most:
        return text
    cut = most
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1  # keep a letter with its points
    space = text.rfind(" ", most * 3 // 4, cut + 1)
    kept = text[:space if space > 0 else cut].rstrip()
    opened: list[str] = []
    for ch in kept:
        if ch in _OPENERS:
            opened.append(_OPENERS[ch])
        elif ch in _CLOSERS and opened:
            opened.pop()
    return kept + "".join(reversed(opened)) + ELLIPSIS


@dataclass
class Theme:
    accent: str

    def __post_init__(self) -> None:
        r, b = fonts.REGULAR, fonts.BOLD
        self.body = Style(r, 9.2, INK)
        self.body_bold = Style(b, 9.2, INK)
        self.small = Style(r, 7.8, MUTED)
        self.small_bold = Style(b, 7.8, INK)
        self.tiny = Style(r, 6.8, MUTED)
        self.h1 = Style(b, 20.0, self.accent)
        self.h2 = Style(b, 13.0, INK)
        self.h3 = Style(b, 10.5, INK)
        self.accent_bold = Style(b, 9.2, self.accent)
        self.tint = mix(self.accent, WHITE, 0.86)
        self.tint_strong = mix(self.accent, WHITE, 0.7)
        self.dark = mix(self.accent, "#000000", 0.25)


@dataclass
class Ctx:
    journey: JourneyMap
    labels: Labels
    theme: Theme
    persona: str = S.GENERAL
    today: _dt.date = field(default_factory=_dt.date.today)
    consultant: str = ""
    tally: fonts.Tally = field(default_factory=fonts.Tally)
    pages: dict[str, int] = field(default_factory=dict)  # heading key -> page number
    numbers: dict[str, int] = field(default_factory=dict)  # touchpoint -> its number
    page_refs: list[str] = field(default_factory=list)  # keys whose page is printed
    since: str | None = None  # the snapshot the progress section compares with
    # What several sections ask of the map, worked out once per report (the map does
    # not change while its report is made: the editor hands over a copy).
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def rtl(self) -> bool:
        found = self._memo.get("rtl")
        if found is None:
            found = self._memo["rtl"] = self.journey.document["direction"] == "rtl"
        return found

    def derived(self) -> plan.Plan:
        """The prioritised action trees (the summary and the plan both use them)."""
        if "plan" not in self._memo:
            self._memo["plan"] = plan.derive(self.journey, today=self.today)
        return self._memo["plan"]

    def ranking(self) -> list:
        """The ranked notes (summary, SWOT, matrix)."""
        if "ranking" not in self._memo:
            self._memo["ranking"] = scoring.rank(self.journey)
        return self._memo["ranking"]

    def t(self, text: str | None) -> str:
        """User text made safe for the report font."""
        return fonts.clean(text or "")

    def title(self, element: str, fallback: str = "") -> str:
        """The element's title, shortened to ``TITLE_CHARS`` with an ellipsis."""
        return shorten(self.t(self.journey.title(element))) or fallback

    def full_title(self, element: str) -> str:
        """The whole title, for the one place that gives it: the stage details."""
        return self.t(self.journey.title(element))

    def register(self, key: str, page: int) -> None:
        self.pages.setdefault(key, page)

    def persona_name(self, persona: str) -> str:
        if persona == S.GENERAL:
            return self.labels("all_customers")
        return self.title(persona, persona)
