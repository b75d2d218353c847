"""The report's map pages: parts tile the whole map, empty stages included (issue 14)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cxdesigner.export.report import build_report
from cxdesigner.model import JourneyMap

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo"))
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils are not installed")
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
NAMES = {"en": ["Exposure", "Consideration", "Purchase", "Use", "Loyalty", "Advocacy"],
         "he": ["חשיפה", "שקילה", "רכישה", "שימוש", "נאמנות", "המלצה"]}


def six_stages(lang: str, filled: int = 4, cards: int = 6) -> JourneyMap:
    """Six stages, the last ones without touchpoints yet."""
    j = JourneyMap(document={"title": "Six", "language": lang,
                             "direction": "rtl" if lang == "he" else "ltr"})
    stages = [j.add_stage(name).id for name in NAMES[lang]]
    for n, stage in enumerate(stages[:filled]):
        for k in range(cards):
            j.add_touchpoint(stage, f"T{n}-{k}", x=k * 240.0, emotions={"*": k % 5 - 2})
    return j


def pages(path: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [BIDI.sub("", subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), str(path),
                                         "-"], capture_output=True, text=True).stdout)
            for p in range(1, count + 1)]


@pytest.mark.parametrize("lang", ["en", "he"])
def test_empty_stages_at_the_end_get_a_detail_page(tmp_path, lang):
    path = tmp_path / "map.pdf"
    build_report(six_stages(lang), path, sections=["map"])
    details = pages(path)[1:]  # the overview first, then the parts
    assert len(details) >= 2
    for name in NAMES[lang]:
        assert any(name in page for page in details), name


@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_card_is_on_a_detail_page(tmp_path, lang):
    path = tmp_path / "map.pdf"
    build_report(six_stages(lang), path, sections=["map"])
    text = "\n".join(pages(path)[1:])
    for n in range(4):
        for k in range(6):
            assert f"T{n}-{k}" in text


def test_an_empty_stage_between_full_ones_is_shown(tmp_path):
    j = six_stages("en")
    j.move_stage(j.stages()[4], 1)  # "Loyalty", empty, second
    path = tmp_path / "map.pdf"
    build_report(j, path, sections=["map"])
    assert any("Loyalty" in page for page in pages(path)[1:])
