"""Text copied out of the report reads as the map does (issue 11, item 6).

The report draws right-to-left text in visual order, with brackets mirrored; each
mirrored character is marked with the character it stands for (an ``/ActualText``
span), so that extractors, which reorder the visual line themselves, give "(...)" and
not ")...(".  The report is read back with poppler's pdftotext (skipped when it is not
installed).
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from cxdesigner.export import Branding, fonts, pdftext, rtl
from cxdesigner.fileformat.cxmap import load
from cxdesigner.resources_path import resource

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed")
# pdftotext wraps right-to-left lines in embedding controls; they are not text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e]")
PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">", "\u00ab": "\u00bb"}
CLOSERS = {v: k for k, v in PAIRS.items()}
STYLE = rtl.Style(fonts.REGULAR, 10)


def _sample():
    return load(resource("samples", "bakery-he.cxmap")).journey


@pytest.fixture(scope="module")
def hebrew_report(tmp_path_factory) -> Path:
    from cxdesigner.export.report import build_report

    path = tmp_path_factory.mktemp("copy") / "he.pdf"
    build_report(_sample(), path, branding=Branding(date=_dt.date(2026, 6, 15)))
    return path


def _extract(path: Path, *mode: str) -> str:
    out = subprocess.run(["pdftotext", *mode, str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return BIDI_CONTROLS.sub("", out)


def _bracket_faults(text: str) -> list[str]:
    """Lines with a closing bracket before its opening one, or brackets that never
    pair up (a phrase may run over two lines, so pairing is over the whole text)."""
    faults = [line for line in text.splitlines() if re.search(r"\)[^()]*\(", line)]
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS:
            stack.append(ch)
        elif ch in CLOSERS:
            if not stack or stack.pop() != CLOSERS[ch]:
                faults.append(f"unpaired {ch!r}")
    faults += [f"unclosed {ch!r}" for ch in stack]
    return faults


@needs_pdftotext
@pytest.mark.parametrize("mode", [(), ("-layout",)], ids=["reading", "layout"])
def test_hebrew_report_copies_brackets_the_right_way_round(hebrew_report, mode):
    text = _extract(hebrew_report, *mode)
    assert text.count("(") >= 14  # the sample has bracketed phrases to check
    assert _bracket_faults(text) == []


@needs_pdftotext
def test_bracketed_client_name_comes_back_verbatim(hebrew_report):
    client = _sample().document["client"]
    assert "(" in client
    assert client in _extract(hebrew_report)


@needs_pdftotext
def test_hebrew_touchpoint_titles_come_back_verbatim(hebrew_report):
    # Titles of letters and spaces only: poppler moves a colon or a number around in a
    # right-to-left line, which is its own reordering, not the report's.
    journey = _sample()
    titles = [journey.get(tp)["title"] for stage in journey.stages()
              for tp in journey.touchpoints_in(stage)]
    plain = [t for t in titles if re.fullmatch("[\u05d0-\u05ea\u05be ]+", t)]
    assert len(plain) >= 10
    text = _extract(hebrew_report)
    assert [t for t in plain if t not in text] == []


def test_actual_text_is_utf16be_hex_with_a_byte_order_mark():
    assert pdftext.actual_text("(") == "/Span <</ActualText <FEFF0028>>> BDC"
    assert pdftext.actual_text("א)") == "/Span <</ActualText <FEFF05D00029>>> BDC"


def test_actual_text_writes_characters_past_the_bmp_as_surrogate_pairs():
    assert pdftext.actual_text("\U0001F600") == "/Span <</ActualText <FEFFD83DDE00>>> BDC"


def test_visual_runs_know_their_mirrored_characters():
    # The quick path (Hebrew and punctuation only) and the full algorithm (a Latin
    # word in the line) both say which drawn character stands for which.
    for line in ("שלום (עולם)", "שלום (world עולם)"):
        runs = rtl.visual([(line, STYLE)], True)
        drawn = runs[0][0]
        marks = runs.mirrored[0]
        assert sorted(logical for _, logical in marks) == ["(", ")"]
        assert all(drawn[i] == PAIRS.get(c) or drawn[i] == CLOSERS.get(c) for i, c in marks)


def test_left_to_right_text_gets_no_marks():
    runs = rtl.visual([("Owner (Dana) [x]", STYLE), (" note", STYLE.but(size=9))], False)
    assert getattr(runs, "mirrored", None) is None


def _page_code(spans, is_rtl: bool) -> str:
    fonts.register()
    canv = Canvas("unused.pdf")
    rtl.draw_line(canv, spans, 50, 700, 400, is_rtl)
    return " ".join(canv._code)


def _marked_spans(code: str) -> list[str]:
    """The ActualText of each marked span, checking BDC and EMC pair up."""
    depth, found = 0, []
    for m in re.finditer(r"<</ActualText <FEFF([0-9A-F]*)>>> BDC|\bEMC\b", code):
        if m.group(0) == "EMC":
            depth -= 1
            assert depth >= 0
        else:
            depth += 1
            found.append(bytes.fromhex(m.group(1)).decode("utf-16-be"))
    assert depth == 0
    return found


def test_each_mirrored_bracket_is_drawn_in_a_balanced_span():
    bold = rtl.Style(fonts.BOLD, 10)
    code = _page_code([("תווית [א] ", bold), ("ערך (ב) «ג»", STYLE)], True)
    assert sorted(_marked_spans(code)) == sorted("[]()\u00ab\u00bb")


def test_a_right_to_left_line_without_brackets_has_no_spans():
    assert "BDC" not in _page_code([("שלום עולם 2026", STYLE)], True)


def test_a_first_strong_isolate_becomes_the_embedding_its_text_calls_for():
    from cxdesigner.export import fonts

    fonts.register()
    assert fonts.clean("רגש (\u2068Tom\u2069)") == "רגש (\u202aTom\u202c)"
    assert fonts.clean("Emotion (\u2068רונית\u2069)") == "Emotion (\u202bרונית\u202c)"
    # Digits and spaces have no direction of their own: left to right by default.
    assert fonts.clean("\u2068 12 \u2069") == "\u202a 12 \u202c"


def test_user_text_in_a_sentence_is_embedded_in_its_own_direction():
    from cxdesigner.export import fonts

    assert fonts.embed("Tom") == "\u202aTom\u202c"
    assert fonts.embed("רונית") == "\u202bרונית\u202c"
    assert fonts.embed("") == ""
