"""Warnings of a feedback import, grouped by file and kind (no Qt).

A survey of 50,000 rows can name a touchpoint the map lacks on 10,000 of them: listed
one by one they would bury everything else.  So a kind seen up to ``DETAIL`` times in
a file is listed warning by warning, and a more frequent one becomes one warning that
counts them and names the first few places.
"""

from __future__ import annotations

from .errors import DETAIL, Problem


class WarningLog:
    def __init__(self) -> None:
        # (file, kind, action) -> [count, [(where, message, note)...]]
        self._groups: dict[tuple[str, str, str], list] = {}

    def add(self, file: str, where: str, message: str, action: str = "kept",
            many: str | None = None, note: str = "") -> None:
        """One warning about ``file`` at ``where`` (may be ""); ``many`` names its kind in
        a summary ("rows name no touchpoint..."), ``note`` what tells it apart there."""
        group = self._groups.setdefault((file, many or message, action), [0, []])
        group[0] += 1
        if len(group[1]) < DETAIL:
            group[1].append((where, message, note))

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        for (file, many, action), (count, details) in self._groups.items():
            if count == len(details):
                out += [Problem(f"{file}: {where}" if where else file, message, action)
                        for where, message, _ in details]
                continue
            first = ", ".join(f"{where} ({note})" if note else where
                              for where, _, note in details)
            out.append(Problem(file, f"{count:,} {many}; the first at {first}; and "
                               f"{count - len(details):,} more.", action, count))
        return out
