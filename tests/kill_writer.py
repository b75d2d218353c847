"""Save a large map to PATH again and again, for the kill test (tests/test_kill_save.py).

    python tests/kill_writer.py PATH N

Saves N times (or until killed) with ``cxmap.save``, alternating two versions of a
map that differ throughout, "A" and "B".  The map's title is the version and the
save's number: "A 0", "B 1", "A 2", ...  After each save returns it prints
``saved K SECONDS`` (the save's duration) and flushes, so whoever kills it knows which
saves were complete and how long one takes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cxdesigner.fileformat import cxmap  # noqa: E402
from cxdesigner.model import JourneyMap  # noqa: E402

STAGES = 12
TOUCHPOINTS = {"A": 1_200, "B": 1_100}  # different sizes, so a mix of the two shows
TEXT = 2_000  # characters of description per touchpoint: about 2.5 MB a file


def build(version: str) -> JourneyMap:
    """One of the two versions, the same on every call (fixed ids, no clock)."""
    j = JourneyMap()
    j.set_document(title=f"{version} -", client=f"client {version}")
    stages = [j.add_stage(f"{version} stage {i}", id=f"s{i}").id for i in range(STAGES)]
    previous = None
    for i in range(TOUCHPOINTS[version]):
        body = (f"{version}{i} " * (TEXT // 6))[:TEXT]
        previous = j.add_touchpoint(stages[i % STAGES], f"{version} touchpoint {i}",
                                    id=f"t{i}", flow_from=previous, description=body,
                                    x=float(i), emotions={"*": (i % 5) - 2}).id
    return j


def marker(k: int) -> str:
    """The title of save number ``k``."""
    return f"{'AB'[k % 2]} {k}"


def main(path: Path, count: int) -> None:
    versions = {"A": build("A"), "B": build("B")}
    for k in range(count):
        journey = versions["AB"[k % 2]]
        journey.set_document(title=marker(k))
        start = time.perf_counter()
        cxmap.save(journey, path)
        print(f"saved {k} {time.perf_counter() - start:.4f}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
