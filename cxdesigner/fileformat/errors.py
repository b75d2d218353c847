"""How the file layer reports trouble: one error for a refused file, problems for repairs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A hostile file can hold millions of faults of one kind; listing each would take
# longer than loading and bury the message.  So problems of one kind are summarised
# past DETAIL, and the whole report stays within MAX_PROBLEMS and MAX_PROBLEM_CHARS.
DETAIL = 5
MAX_PROBLEMS = 100
MAX_PROBLEM_CHARS = 20_000
_MAX_LOCATION = 200


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file that loading repaired or dropped.

    ``location`` is a JSON path into the file (``$.graph.nodes[3].emotions``) or, for
    CSV, ``line 4, column "emotion"``; ``action`` says what loading did about it.
    ``count`` is how many faults the problem stands for (more than one when many of
    one kind are summarised).
    """

    location: str
    message: str
    action: str = "repaired"  # "repaired", "dropped" or "kept" (a warning only)
    count: int = 1

    def __str__(self) -> str:
        return f"{self.location}: {self.message} ({self.action})"


@dataclass(slots=True)
class _Group:
    many: str  # reads after a count: "emotions name no persona of this map"
    action: str
    place: str  # the innermost JSON location holding every occurrence
    count: int = 0
    details: list[tuple[str, str]] = field(default_factory=list)


class ProblemLog:
    """Collects problems in constant memory per kind; ``problems()`` lists them.

    A kind is its ``many`` phrase and action.  A kind seen at most ``DETAIL`` times
    is listed problem by problem; a more frequent one becomes one problem that names
    the count, the place and the first locations.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], _Group] = {}

    def add(self, location: str, message: str, action: str = "repaired",
            many: str | None = None) -> None:
        """One fault; ``many`` names its kind in a summary ("links repeat a link"),
        else the message itself is the kind."""
        group = self._groups.get((many or message, action))
        if group is None:
            self.add_many([(location, message)], 1, location, action, many or message)
            return
        # Called once per fault, so a million times for a hostile file: kept inline.
        group.count += 1
        place = group.place
        if not (location.startswith(place) and _step_ends(location, len(place))):
            group.place = _common_place(place, location)
        if len(group.details) < DETAIL:
            group.details.append((location, message))

    def add_many(self, first: list[tuple[str, str]], count: int, place: str,
                 action: str, many: str) -> None:
        """``count`` faults of one kind, all inside ``place``; ``first`` holds the
        ``(location, message)`` of the first few (callers need not build the rest)."""
        key = (many, action)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = _Group(many, action, place)
        else:
            group.place = _common_place(group.place, place)
        group.count += count
        room = DETAIL - len(group.details)
        if room > 0:
            group.details.extend(first[:room])

    def problems(self) -> list[Problem]:
        items: list[Problem] = []
        for group in self._groups.values():
            if group.count == len(group.details):
                items += [Problem(_short(loc), msg, group.action) for loc, msg in group.details]
            else:
                items.append(_summary(group))
        sizes = [len(str(p)) for p in items]
        if len(items) <= MAX_PROBLEMS and sum(sizes) <= MAX_PROBLEM_CHARS:
            return items
        out: list[Problem] = []
        chars = left = 0
        for problem, size in zip(items, sizes):
            if len(out) >= MAX_PROBLEMS - 1 or chars + size > MAX_PROBLEM_CHARS:
                left += problem.count  # one place is kept for the line that counts these
                continue
            out.append(problem)
            chars += size
        if left:
            out.append(Problem("$", f"{left:,} more problems were found but are not "
                               "listed here", "repaired", left))
        return out


def _summary(group: _Group) -> Problem:
    # Name what tells the first few apart: their locations, their messages, or both.
    if len({loc for loc, _ in group.details}) == 1:
        first = "the first: " + "; ".join(f"{msg:.120}" for _, msg in group.details)
    elif len({msg for _, msg in group.details}) == 1:
        first = "the first at " + ", ".join(_short(loc, 80) for loc, _ in group.details)
    else:
        first = "the first at " + "; ".join(f"{_short(loc, 80)} ({msg:.120})"
                                            for loc, msg in group.details)
    rest = group.count - len(group.details)
    return Problem(_short(group.place), f"{group.count:,} {group.many}; {first}; and "
                   f"{rest:,} more", group.action, group.count)


def brief(value: Any) -> str:
    """A value from a file as a message shows it: short, whatever its size or depth."""
    if type(value) is str:
        return repr(value[:60])  # repr shows a lone surrogate as \ud800
    if value is None or type(value) in (bool, int, float):
        text = repr(value)
        return text if len(text) <= 40 else text[:39] + "…"
    return f"a {type(value).__name__}"  # a list or object: repr could be huge or too deep


def _short(text: str, limit: int = _MAX_LOCATION) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _common_place(a: str, b: str) -> str:
    """The longest JSON location that holds both ``a`` and ``b``."""
    if b.startswith(a) and _step_ends(b, len(a)):
        return a  # the usual case, once the place has settled: no character loop
    k = 0
    for x, y in zip(a, b):
        if x != y:
            break
        k += 1
    # Cut back to where both paths end a step: "$.nodes[1" and "$.nodes[12" share "$.nodes".
    while k > 0 and not (_step_ends(a, k) and _step_ends(b, k)):
        k -= 1
    return a[:k] or "$"


def _step_ends(path: str, k: int) -> bool:
    return k == len(path) or path[k] in ".["


class FileFormatError(Exception):
    """A file that cannot be opened or written: not ours, too new, corrupt or too big.

    The message is complete and meant for the user; ``location`` is where in the file,
    if known.
    """

    def __init__(self, message: str, path: str | None = None, location: str | None = None):
        self.message = message
        self.path = path
        self.location = location
        where = f" at {location}" if location else ""
        prefix = f"{path}: " if path else ""
        super().__init__(f"{prefix}{message}{where}")
