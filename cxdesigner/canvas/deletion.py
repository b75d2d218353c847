"""What a deletion took, in words for the status bar, from the edit's own operations."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence

from ..model import Change
from ..model import schema as S
from ..model.changes import AddEdge, RemoveEdge, RemoveNode
from .texts import tr


def _deleted_one(kind: str) -> str:
    """The one element a deletion was about, by kind (literal texts: lupdate finds only
    those)."""
    return {S.STAGE: tr("Deleted stage “%1”"), S.TOUCHPOINT: tr("Deleted touchpoint “%1”"),
            S.NOTE: tr("Deleted note “%1”"), S.ACTION: tr("Deleted action “%1”"),
            S.PERSONA: tr("Deleted persona “%1”")}[kind]


def _counted(counts: Counter) -> list[str]:
    """What went with it, in the order the message lists it."""
    texts = ((S.STAGE, lambda n: tr("%n stage(s)", None, n)),
             (S.TOUCHPOINT, lambda n: tr("%n touchpoint(s)", None, n)),
             (S.NOTE, lambda n: tr("%n note(s)", None, n)),
             (S.ACTION, lambda n: tr("%n action(s)", None, n)),
             (S.PERSONA, lambda n: tr("%n persona(s)", None, n)),
             (S.FLOW, lambda n: tr("%n flow(s)", None, n)))
    return [text(counts[kind]) for kind, text in texts if counts[kind] > 0]


_TITLE_CHARS = 40


def removed_counts(change: Change | None) -> Counter:
    """What an edit removed, by kind (node kinds, and ``flow``), from its operations:
    the model's cascade, exactly as undo will restore it."""
    counts: Counter = Counter()
    for op in (change.ops if change is not None else ()):
        kind = type(op)
        if kind is RemoveNode:
            counts[op.kind] += 1
        elif kind in (RemoveEdge, AddEdge) and op.kind == S.FLOW:
            counts[S.FLOW] += 1 if kind is RemoveEdge else -1  # a bridge gives one back
    return +counts  # drops zero and below


def deletion_summary(change: Change | None, named: tuple[str, str, str] | None = None
                     ) -> str | None:
    """"Deleted stage “Purchase” with 12 touchpoints and 9 notes — Ctrl+Z restores it",
    or "Deleted 3 touchpoints, 5 notes and 4 flows — ...".  ``named`` (id, kind, title):
    the one element selected, named rather than counted.  None if nothing went."""
    counts = removed_counts(change)
    if not counts:
        return None
    if named is not None and counts[named[1]] >= 1:
        _id, kind, title = named
        counts[kind] -= 1
        title = title.strip() or tr("Untitled")
        if len(title) > _TITLE_CHARS:
            title = title[:_TITLE_CHARS - 1] + "…"
        head = _deleted_one(kind).replace("%1", title)
        rest = _join(_counted(counts))
        text = tr("%1 with %2").replace("%1", head).replace("%2", rest) if rest else head
    else:
        text = tr("Deleted %1").replace("%1", _join(_counted(counts)))
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)
    return tr("%1 — %2 restores it").replace("%1", text).replace("%2", undo)


def _join(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c", in the interface language."""
    if len(parts) <= 1:
        return "".join(parts)
    return tr("%1 and %2").replace("%1", tr(", ").join(parts[:-1])).replace("%2", parts[-1])
