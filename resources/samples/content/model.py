"""The plain data the bundled maps are written in (no Qt, no JourneyMap).

Every text is a ``T(english, hebrew)`` pair, so both languages share one structure
and one set of ids.  ``build_samples.py`` turns a ``Content`` into a ``JourneyMap``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# Fixed save times, so the files are the same on every run.
CREATED = "2026-06-01T09:00:00+00:00"
ANY = "*"  # the emotion of any customer (schema.GENERAL), so content needs no import


class T(NamedTuple):
    """A text in English and in Hebrew."""
    en: str
    he: str


def pick(value: Any, lang: str) -> Any:
    return getattr(value, lang) if isinstance(value, T) else value


@dataclass
class Stage:
    id: str
    title: T
    description: T


@dataclass
class Persona:
    id: str
    kind: str
    title: T
    description: T


@dataclass
class Touchpoint:
    id: str
    stage: str
    col: int            # order within the stage
    lane: int           # 0: the main path, 1: a branch's alternative
    channel: str
    mode: str
    owner: T
    title: T
    description: T
    # Emotion, -2..+2, for each of the map's ``feel_keys`` in turn (any customer
    # first, then personas); None: not judged.
    feel: tuple[int | None, ...]
    personas: tuple[str, ...] = ()
    nps: float | None = None
    csat: float | None = None
    kpi: T | str = ""
    evidence: T | str = ""


@dataclass
class Note:
    id: str
    kind: str
    on: str | None      # a touchpoint, a stage, or None for the whole map
    title: T
    description: T | str = ""
    evidence: T | str = ""
    # Scores 1..5: (impact, effort, reach, confidence), or None.
    scores: tuple[int, int, int, int] | None = None
    votes: int = 0
    personas: tuple[str, ...] = ()


@dataclass
class Action:
    id: str
    title: T
    owner: T
    due: str | None  # None: no date yet (a template leaves it to the user)
    status: str = "planned"
    kpi: T | str = ""
    description: T | str = ""
    review_months: int = 3
    addresses: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    children: list["Action"] = field(default_factory=list)


@dataclass
class Document:
    title: T | str
    client: T | str = ""
    author: T | str = ""
    goal: T | str = ""
    scoring_method: str = "impact_effort"

    def fields(self, lang: str) -> dict[str, Any]:
        return {"title": pick(self.title, lang), "client": pick(self.client, lang),
                "author": pick(self.author, lang), "goal": pick(self.goal, lang),
                "language": lang, "direction": "rtl" if lang == "he" else "ltr",
                "scoring_method": self.scoring_method, "created": CREATED}


@dataclass
class Lane:
    """A lane under the touchpoints, with each touchpoint's cell (touchpoint id -> text)
    and its fail or wait marks (touchpoint id -> "fail" or "wait")."""
    id: str
    kind: str
    title: T | str = ""
    cells: dict[str, T | str] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)


@dataclass
class Feedback:
    """What one customer wrote or answered, about a touchpoint (None: not matched yet)."""
    id: str
    on: str | None
    date: str
    source: str
    title: T | str
    text: T
    nps: int | None = None
    csat: int | None = None
    channel: str = ""
    cited_by: tuple[str, ...] = ()  # notes made from it (their evidence)


@dataclass
class Content:
    """One whole map, in the order the builder adds it: stages, personas,
    touchpoints, flows, notes, actions."""
    doc: Document
    stages: list[Stage] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    flows: list[tuple[str, str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    feel_keys: tuple[str, ...] = (ANY,)  # whose emotion each ``Touchpoint.feel`` gives
    lanes: list[Lane] = field(default_factory=list)
    feedback: list[Feedback] = field(default_factory=list)
