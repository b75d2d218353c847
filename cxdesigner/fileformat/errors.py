"""How the file layer reports trouble: one error for a refused file, problems for repairs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a file that loading repaired or dropped.

    ``location`` is a JSON path into the file (``$.graph.nodes[3].emotions``) or, for
    CSV, ``line 4, column "emotion"``; ``action`` says what loading did about it.
    """

    location: str
    message: str
    action: str = "repaired"  # "repaired", "dropped" or "kept" (a warning only)

    def __str__(self) -> str:
        return f"{self.location}: {self.message} ({self.action})"


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
