#!/usr/bin/env python3
"""Update the Hebrew translation source and compile it.

    .venv/bin/python tools/i18n.py      (or: python3 dev.py i18n)

1. ``pyside6-lupdate`` reads every ``cxdesigner/**/*.py`` into
   ``resources/i18n/cxdesigner_he.ts``: new texts are added unfinished, translations
   of texts still in the source are kept, texts gone from the source are dropped.
2. ``pyside6-lrelease`` compiles it into ``resources/i18n/cxdesigner_he.qm``, which the
   editor loads.  Commit both.

Translate the unfinished texts (Qt Linguist: ``pyside6-linguist``, or any editor) and
run it again.  ``tests/test_i18n.py`` fails while a text is missing or unfinished, or
while the ``.qm`` is not the one the ``.ts`` compiles to.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cxdesigner"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("he",)


def ts_path(language: str) -> Path:
    return I18N / f"cxdesigner_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N / f"cxdesigner_{language}.qm"


def tool(name: str) -> str | None:
    """A Qt tool: beside this Python (a virtual environment's bin), else on the PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:1])} failed:\n{result.stdout}{result.stderr}")


def update(ts: Path, language: str = "he") -> None:
    """Extract the source's texts into ``ts`` (kept translations, no obsolete ones)."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise RuntimeError("pyside6-lupdate is not installed (it comes with PySide6)")
    # No locations: line numbers would change the file at every edit of the source.
    _run([lupdate, "-silent", "-no-obsolete", "-locations", "none",
          "-target-language", language, *map(str, sources()), "-ts", str(ts)])


def release(ts: Path, qm: Path) -> None:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        raise RuntimeError("pyside6-lrelease is not installed (it comes with PySide6)")
    _run([lrelease, "-silent", str(ts), "-qm", str(qm)])


def main() -> int:
    for language in LANGUAGES:
        update(ts_path(language), language)
        release(ts_path(language), qm_path(language))
        text = ts_path(language).read_text(encoding="utf-8")
        unfinished = text.count('type="unfinished"')
        print(f"{ts_path(language).relative_to(ROOT)}: {text.count('<source>')} texts, "
              f"{unfinished} unfinished; "
              f"{qm_path(language).relative_to(ROOT)} rebuilt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
