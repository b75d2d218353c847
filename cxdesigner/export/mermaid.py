"""The map as a Mermaid ``journey`` diagram in a Markdown file (no Qt).

    from cxdesigner.export.mermaid import mermaid_text, export_mermaid

For teams that keep their documents in Markdown (GitHub, GitLab, Obsidian and many
wikis draw Mermaid): the title, a ``section`` per stage, a task per touchpoint
(``Task: score: actors``), its emotion -2..2 as Mermaid's score 1..5, its actors the
personas it is assigned to, or a customer.

Mermaid's journey grammar ends a name at ``:``, ``;``, ``#`` and a line break, reads a
line that starts with ``title``, ``section`` (and a few other words) as a statement,
skips ``%%`` as a comment, and splits actors at commas.  Such characters are written as
Mermaid's entity codes (``#58;`` for a colon), which Mermaid turns back into the
character when it draws, so every title reads as typed.
"""

from __future__ import annotations

import re

from ..model import schema as S
from ..model.vocabulary import vocabulary

# The characters a journey line breaks on (and ``,`` in an actor's name, ``%`` for
# "%%"), as Mermaid's numeric entity codes.
_BREAKING = {":": "#58;", ";": "#59;", "#": "#35;", "%": "#37;"}
_ACTOR_BREAKING = {**_BREAKING, ",": "#44;"}
# Words Mermaid's lexer takes as a statement at the start of a line.
_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")
CUSTOMER = {"en": "Customer", "he": "לקוח"}


def clean(text: str, table: dict[str, str] = _BREAKING) -> str:
    """One line of text Mermaid reads as plain words (see the module's notes)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = "".join(table.get(c, c) for c in text)
    if text.lower().startswith(_KEYWORDS):  # its first letter as a code: not a statement
        text = f"#{ord(text[0])};{text[1:]}"
    return text


def score(emotion: float | None) -> int:
    """Emotion -2..2 as Mermaid's 1..5 (none: the middle, 3)."""
    if emotion is None:
        return 3
    return max(1, min(5, round(emotion) + 3))


def mermaid_text(journey) -> str:
    """The Markdown file: a heading and the fenced ``mermaid`` block."""
    words = vocabulary(journey.document["language"])
    title = journey.document["title"] or words("untitled")
    customer = CUSTOMER[words.lang]
    heading = re.sub(r"\s+", " ", title).strip()
    lines = [f"# {heading}", "", "```mermaid", "journey",
             f"    title {clean(title)}"]
    for stage in journey.stages():
        lines.append(f"    section {clean(journey.title(stage) or words('untitled_stage'))}")
        for tp in journey.touchpoints_in(stage):
            name = clean(journey.title(tp) or words("untitled_touchpoint"))
            personas = journey.personas_of(tp)
            actors = [clean(journey.title(p) or words("untitled_persona"), _ACTOR_BREAKING)
                      for p in sorted(personas, key=lambda p: (journey.title(p), p))]
            lines.append(f"      {name}: {score(_emotion(journey, tp, personas))}: "
                         f"{', '.join(actors) or customer}")
    lines += ["```", ""]
    return "\n".join(lines)


def _emotion(journey, tp: str, personas: list[str]) -> float | None:
    """The general emotion, else the mean of the assigned personas' own."""
    general = journey.emotion(tp)
    if general is not None:
        return general
    table = journey.get(tp)["emotions"]
    values = [table[p] for p in personas if p in table] or [
        v for k, v in table.items() if k != S.GENERAL]
    return sum(values) / len(values) if values else None


def export_mermaid(journey, path) -> None:
    """Write the Markdown file (UTF-8, atomically); ``FileFormatError`` if it cannot."""
    from ..fileformat.files import write_atomic

    write_atomic(path, mermaid_text(journey).encode("utf-8"), backup=False)
