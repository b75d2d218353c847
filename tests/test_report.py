"""The PDF report: content, order, Hebrew, fonts, outline, options and safety.

Text is read back with poppler's pdftotext (skipped when it is not installed).  Hebrew
lines are compared as word tokens: pdftotext moves punctuation around when it
reorders right-to-left text, but it returns the words in reading order.
"""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxdesigner.cli import main
from cxdesigner.export import Branding, ReportError
from cxdesigner.export.options import SECTIONS, parse_sections
from cxdesigner.fileformat.cxmap import load
from cxdesigner.model import JourneyMap
from cxdesigner.model import layout as L
from cxdesigner.model import plan
from cxdesigner.model import schema as S
from cxdesigner.resources_path import resource

from tests.strategies import journeys, texts

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils are not installed")
DAY = _dt.date(2026, 6, 15)
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


def sample(lang: str) -> JourneyMap:
    return load(resource("samples", f"bakery-{lang}.cxmap")).journey


def build(journey: JourneyMap, path: Path, **options) -> Path:
    from cxdesigner.export.report import build_report

    options.setdefault("branding", Branding(date=DAY))
    build_report(journey, path, **options)
    return path


def pdftotext(path: Path, *mode: str, first: int | None = None,
              last: int | None = None) -> str:
    pages = (["-f", str(first)] if first else []) + (["-l", str(last)] if last else [])
    out = subprocess.run(["pdftotext", *mode, *pages, str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return BIDI_MARKS.sub(" ", out)


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def token_line(text: str) -> str:
    return " " + " ".join(tokens(text)) + " "


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def outline_titles(data: bytes) -> list[str]:
    """The titles of the PDF outline (bookmarks), read from the raw file."""
    root = re.search(rb"/Outlines\s+(\d+)\s+0\s+R", data)
    assert root, "the PDF has no outline"
    titles = []
    for m in re.finditer(rb"/Title\s*\(", data):
        obj_start = data.rfind(b" obj", 0, m.start())
        if b"/Parent" not in data[obj_start:data.find(b"endobj", m.start())]:
            continue  # the document information, not a bookmark
        titles.append(_pdf_string(data, m.end()))
    return titles


def _pdf_string(data: bytes, i: int) -> str:
    out, depth = bytearray(), 1
    while True:
        c = data[i]
        if c == 0x5C:  # backslash
            nxt = data[i + 1]
            if 0x30 <= nxt <= 0x37:
                digits = re.match(rb"[0-7]{1,3}", data[i + 1:i + 4]).group()
                out.append(int(digits, 8))
                i += 1 + len(digits)
                continue
            out.append({0x6E: 10, 0x72: 13, 0x74: 9}.get(nxt, nxt))
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                break
        out.append(c)
        i += 1
    raw = bytes(out)
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    if not POPPLER:
        pytest.skip("poppler-utils are not installed")
    folder = tmp_path_factory.mktemp("reports")
    return {lang: build(sample(lang), folder / f"bakery-{lang}.pdf") for lang in ("en", "he")}


# ------------------------------------------------------------------- content
@needs_poppler
@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_touchpoint_and_action_title_is_in_the_report(reports, lang):
    journey = sample(lang)
    # -raw keeps the drawing order (a wrapped table cell stays whole), which is the
    # reading order for left-to-right text; Hebrew needs poppler's reordering.
    text = token_line(pdftotext(reports[lang], *(["-raw"] if lang == "en" else [])))
    titles = [journey.title(e) for e in journey.ids(S.TOUCHPOINT) + journey.ids(S.ACTION)]
    assert len(titles) == 26 + 34
    missing = [t for t in titles if token_line(t) not in text]
    assert missing == []


@needs_poppler
def test_every_title_reads_whole_in_english(reports):
    text = " ".join(pdftotext(reports["en"], "-raw").split())
    journey = sample("en")
    for element in journey.ids(S.TOUCHPOINT) + journey.ids(S.ACTION) + journey.ids(S.NOTE):
        assert " ".join(journey.title(element).split()) in text


def _expected_plan(journey: JourneyMap) -> list[tuple[str, str]]:
    """(number, title) in the order the report prints the plan: an action repeated
    under another note is printed once more, without its sub-actions."""
    derived = plan.derive(journey, today=DAY)
    shown: set[str] = set()
    out: list[tuple[str, str]] = []

    def visit(node):
        out.append((node.number, node.title or "Whole journey"))
        if node.kind == "action":
            if node.id in shown:
                return
            shown.add(node.id)
        for child in node.children:
            visit(child)

    for branch in derived.branches:
        visit(branch)
    return out


@needs_poppler
def test_the_action_tree_is_printed_in_priority_order_with_its_numbers(reports):
    text = " ".join(pdftotext(reports["en"], "-raw").split())
    start = text.rindex("Prioritised action plan")
    end = text.rindex("Personas")
    section = text[start:end]
    position = 0
    expected = _expected_plan(sample("en"))
    assert expected[0] == ("1", "Whole journey") and len(expected) > 40
    for number, title in expected:
        at = section.find(f" {number} ", position)
        found = section.find(title, at)
        # a note's kind stands between its number and its title
        assert at >= 0 and 0 <= found - at <= 20, f"{number} {title} is missing or out of order"
        position = found + 1


@needs_poppler
def test_the_hebrew_action_tree_keeps_its_order(reports):
    text = token_line(pdftotext(reports["he"]))
    start = text.rindex(token_line("תוכנית הפעולה לפי עדיפות"))
    position = start
    for number, title in _expected_plan(sample("he"))[1:]:
        if title == "Whole journey":
            continue
        found = text.find(token_line(title), position)
        assert found >= 0, f"{number} {title} is missing or out of order"
        position = found + 1


@needs_poppler
def test_hebrew_words_come_back_in_reading_order(reports):
    lines = [token_line(line) for line in pdftotext(reports["he"]).splitlines()]
    for title in ("הזמנה חוזרת של עוגת יום הולדת", "מאפיית רוזמרין: מסע הלקוח 2026",
                  "להציג בתפריט את האלרגנים של כל מוצר"):
        assert any(token_line(title) in line for line in lines), title
    # and never the other way round, as a naive right-to-left drawing would give
    backwards = token_line(" ".join(reversed(tokens("הזמנה חוזרת של עוגת יום הולדת"))))
    assert not any(backwards in line for line in lines)


@needs_poppler
def test_hebrew_report_speaks_hebrew_and_reads_from_the_right(reports):
    text = pdftotext(reports["he"])
    for label in ("תקציר מנהלים", "מפת המסע", "עקומת הרגש", "מטריצת עדיפויות", "פרסונות"):
        assert token_line(label) in token_line(text)
    assert "Executive summary" not in text
    # The summary's heading ends at the right margin; the English one starts at the left.
    # (-bbox lists the glyphs as drawn, left to right: a Hebrew word comes reversed)
    boxes = _word_boxes(reports["he"], page=3)
    heading = [b for b in boxes if b[0] == "תקציר"[::-1]]
    assert heading and heading[0][2] > 595 - 60
    boxes = _word_boxes(reports["en"], page=3)
    heading = [b for b in boxes if b[0] == "Executive"]
    assert heading and heading[0][1] < 60


def _word_boxes(path: Path, page: int) -> list[tuple[str, float, float]]:
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path),
                           "-"], capture_output=True, text=True, check=True).stdout
    return [(word, float(x0), float(x1)) for x0, x1, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">'
                       r"([^<]*)</word>", html)]


@needs_poppler
def test_fonts_are_embedded_and_only_dejavu(reports):
    for path in reports.values():
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout
        rows = out.splitlines()[2:]
        assert rows
        for row in rows:
            assert "DejaVuSans" in row.split()[0]
            emb = row.split()[-5]
            assert emb == "yes", row


@needs_poppler
def test_page_count_footer_and_bookmarks(reports):
    for lang, path in reports.items():
        pages = int(pdfinfo(path)["Pages"])
        assert 15 <= pages <= 45
        data = path.read_bytes()
        titles = outline_titles(data)
        text = pdftotext(path)
        if lang == "en":
            for title in ("Contents", "Executive summary", "The journey map", "Emotion curve",
                          "Stage by stage", "Stage 3 \u00b7 Ordering and pickup", "SWOT",
                          "Priority matrix", "Prioritised action plan", "Personas"):
                assert title in titles
            assert f"page 2 of {pages}" in text and f"page {pages} of {pages}" in text
        else:
            assert "תקציר מנהלים" in titles and "עצי הפעולה" not in titles
            assert "שלב 2 \u00b7 שקילה ובירור" in titles
            assert token_line(f"עמוד 2 מתוך {pages}") in token_line(text)


@needs_poppler
def test_contents_give_the_pages_where_sections_start(reports):
    path = reports["en"]
    contents = pdftotext(path, "-layout", first=2, last=2)
    listed = dict(re.findall(r"^\s*(SWOT|Personas)\s*[. ]*\s(\d+)\s*$", contents, re.M))
    assert set(listed) == {"SWOT", "Personas"}
    for title, page in listed.items():
        assert pdftotext(path, first=int(page), last=int(page)).lstrip().startswith(title)


@needs_poppler
def test_overdue_actions_are_marked(tmp_path):
    later = _dt.date(2027, 3, 10)
    journey = sample("en")
    overdue = [a for a in journey.ids(S.ACTION) if plan.is_overdue(journey, a, later)]
    assert overdue
    path = build(journey, tmp_path / "late.pdf", sections="summary,plan",
                 branding=Branding(date=later))
    text = " ".join(pdftotext(path, "-raw").split())
    assert text.count("OVERDUE") >= len(overdue)
    assert "Overdue actions" in text and f"{len(overdue)} overdue" in text
    path = build(sample("he"), tmp_path / "late-he.pdf", sections="plan",
                 branding=Branding(date=later))
    assert "באיחור" in pdftotext(path)


def test_every_label_has_its_hebrew():
    from cxdesigner.export import labels

    assert set(labels.EN) == set(labels.HE)
    for table in (labels.CHANNELS, labels.NOTE_KINDS, labels.NOTE_LETTERS, labels.STATUSES,
                  labels.PERSONA_KINDS, labels.METHODS):
        assert set(table["en"]) == set(table["he"])
    assert set(labels.CHANNELS["en"]) == set(S.CHANNELS)
    assert set(labels.NOTE_KINDS["en"]) == set(S.NOTE_KINDS)
    assert set(labels.STATUSES["en"]) == set(S.ACTION_STATUSES)
    assert set(labels.METHODS["en"]) == set(S.SCORING_METHODS)


HEBREW_LINE = st.text(alphabet=st.sampled_from(
    list("אבגדהוזחטיכלמנסעפצקרשתםןץףך") + ["\u05b8", "\u05c1", "\u05b9", "\u05bc"]
    + list(" .,:;!?\"'()[]{}<>-/\u2013\u2014\u2026\u00b7\u05be\u05f3")), max_size=30)


HEBREW_WITH_NUMBERS = st.text(alphabet=st.sampled_from(
    list("אבגש") + ["\u05b8"] + list("0123456789 .,:/-+%$#\u20aa()\u2013")), max_size=30)


@settings(max_examples=200, deadline=None)
@given(HEBREW_LINE)
def test_the_quick_path_for_hebrew_lines_agrees_with_the_bidi_algorithm(line):
    from cxdesigner.export import rtl

    assert rtl._reversed(line) == rtl._reorder_full(line, True)


@settings(max_examples=400, deadline=None)
@given(HEBREW_WITH_NUMBERS)
def test_the_quick_path_for_hebrew_with_numbers_agrees_with_the_bidi_algorithm(line):
    from cxdesigner.export import rtl

    assert rtl._reorder(line, True) == rtl._reorder_full(line, True)


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"[A-Za-z][A-Za-z0-9 .,:;()\-]*[A-Za-z]|[A-Za-z]", fullmatch=True))
def test_latin_words_in_a_hebrew_paragraph_keep_their_order(line):
    from cxdesigner.export import rtl

    assert rtl._reorder(line, True) == rtl._reorder_full(line, True)


def test_points_come_before_their_letter_and_brackets_mirror():
    from cxdesigner.export import fonts, rtl

    fonts.register()
    # Reversed as a whole, so a point precedes its letter: where DejaVu draws it right.
    word = "שָׁלוֹם"
    assert rtl.display(f"{word} (עולם)", True) == "(םלוע) " + word[::-1]
    assert rtl.display(f"Étape {word}", False) == "Étape " + word[::-1]
    assert rtl.display("Owner (אחראי): Dana", False) == "Owner (יארחא): Dana"
    assert rtl.display("עמוד 3 מתוך 12", True) == "12 ךותמ 3 דומע"


@needs_poppler
def test_the_map_overview_lists_its_parts_with_their_pages(reports):
    path = reports["en"]
    contents = pdftotext(path, "-layout", first=2, last=2)
    overview = int(re.search(r"The journey map\s*[. ]*\s(\d+)", contents).group(1))
    index = pdftotext(path, "-layout", first=overview, last=overview)
    parts = re.findall(r"Part (\d) of (\d) \u00b7 ([^.]+?)\s*[. ]+\s(\d+)\s*$", index, re.M)
    assert len(parts) == int(parts[0][1]) > 1
    for number, count, stages, page in parts:
        text = pdftotext(path, first=int(page), last=int(page))
        assert text.lstrip().startswith(f"The journey map \u00b7 Part {number} of {count}")
        assert stages.split(" \u2013 ")[0] in text


# ------------------------------------------------------------------- options
@needs_poppler
def test_sections_can_be_switched_off(tmp_path):
    path = build(sample("en"), tmp_path / "some.pdf", sections="cover,plan")
    text = pdftotext(path)
    assert "Prioritised action plan" in text
    for absent in ("Executive summary", "SWOT", "Contents", "Priority matrix", "Personas"):
        assert absent not in text
    assert int(pdfinfo(path)["Pages"]) < 10
    path = build(sample("en"), tmp_path / "swot.pdf", sections=["swot"])
    assert pdftotext(path).lstrip().startswith("SWOT")


def test_unknown_sections_and_paper_are_refused():
    with pytest.raises(ReportError, match="bogus"):
        parse_sections("summary,bogus")
    assert parse_sections(None) == SECTIONS
    assert parse_sections(["plan", "cover"]) == ("cover", "plan")
    with pytest.raises(ReportError, match="a4 or letter"):
        build(sample("en"), Path("unused.pdf"), paper="a3")


@needs_poppler
@pytest.mark.parametrize("paper, size", [("a4", "595.276 x 841.89"), ("letter", "612 x 792")])
def test_paper_size(tmp_path, paper, size):
    path = build(sample("en"), tmp_path / f"{paper}.pdf", paper=paper, sections="cover,summary,map")
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", "4", str(path)], capture_output=True,
                           text=True, check=True).stdout
    assert size in pdfinfo(path)["Page size"]
    landscape = " x ".join(reversed(size.split(" x ")))
    assert landscape in sizes  # the map is on landscape pages


@needs_poppler
def test_a_persona_report_shows_that_persona(tmp_path):
    path = build(sample("en"), tmp_path / "noa.pdf", persona="ps-new",
                 sections="curve,personas")
    text = pdftotext(path)
    assert "Noa, new to the neighbourhood" in text
    assert "David, the weekend regular" not in text
    with pytest.raises(ReportError, match="not a persona"):
        build(sample("en"), tmp_path / "x.pdf", persona="nobody")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    raw = b"".join(b"\x00" + b"\x1f\x5f\x8b" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                               0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@needs_poppler
def test_a_logo_goes_on_the_cover(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(120, 40))
    path = build(sample("en"), tmp_path / "logo.pdf", sections="cover",
                 branding=Branding(logo=logo, consultant="Ada Lovelace", accent="#8a2be2",
                                   date=DAY))
    assert b"/Subtype /Image" in path.read_bytes()
    text = pdftotext(path)
    assert "Ada Lovelace" in text and "15 June 2026" in text


@pytest.mark.parametrize("name, content, message", [
    ("notes.png", b"just text, not an image", "not a PNG or JPEG"),
    ("huge.png", _png(1, 1)[:16] + struct.pack(">II", 5000, 20) + _png(1, 1)[24:], "5000 x 20"),
    ("broken.png", _png(4, 4)[:33] + b"\x00" * 40, "could not be read"),
    ("big.jpg", b"\xff\xd8\xff" + b"\x00" * (5 * 1024 * 1024 + 10), "MB"),
    ("missing.png", None, "does not exist"),
])
def test_a_bad_logo_is_refused_with_a_clear_message(tmp_path, name, content, message):
    logo = tmp_path / name
    if content is not None:
        logo.write_bytes(content)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")
    with pytest.raises(ReportError, match=re.escape(message)):
        build(sample("en"), out, branding=Branding(logo=logo))
    assert out.read_bytes() == b"the previous report"


def test_a_bad_accent_is_refused(tmp_path):
    with pytest.raises(ReportError, match="#RRGGBB"):
        build(sample("en"), tmp_path / "x.pdf", branding=Branding(accent="teal"))


def test_an_existing_report_survives_a_failure_halfway(tmp_path, monkeypatch):
    from cxdesigner.export import sections

    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")

    def boom(ctx):
        raise RuntimeError("disk gremlin")

    monkeypatch.setattr(sections, "swot", boom)
    with pytest.raises(RuntimeError):
        build(sample("en"), out)
    assert out.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_report_replaces_the_old_one_when_complete(tmp_path):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")
    build(sample("he"), out, sections="summary")
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_writing_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ReportError, match="folder does not exist"):
        build(sample("en"), tmp_path / "nope" / "report.pdf", sections="summary")


# ------------------------------------------------------------- hard content
@needs_poppler
def test_characters_the_font_lacks_are_marked_and_emoji_left_out(tmp_path):
    j = JourneyMap()
    # DejaVu Sans has no CJK and none of these emoji (it does have a few smileys).
    j.set_document(title="Tea \u4e2d\u6587 party \U0001F44D\U0001F3FD\U0001F382")
    stage = j.add_stage("Stage \u00e9\u0301").id
    j.add_touchpoint(stage, "Cake \U0001F950 order \u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd")
    from cxdesigner.export.report import build_report
    report = build_report(j, tmp_path / "odd.pdf", branding=Branding(date=DAY))
    text = " ".join(pdftotext(tmp_path / "odd.pdf").split())
    assert "Tea \ufffd\ufffd party" in text
    assert "Cake order" in text
    assert report.notes == [
        "2 characters the report font cannot show (for example U+4E2D U+6587) are shown "
        "as \ufffd.", "3 emoji are left out: the report font has no emoji."]
    assert "3 emoji are left out" in text and "U+4E2D" in text


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(journeys(), st.data())
def test_any_text_in_any_field_makes_a_valid_pdf(journey, data):
    """Right-to-left text, emoji, combining marks, 10,000 characters, empty strings,
    control characters: in any field, with any sections and persona."""
    from cxdesigner.export.report import render_report

    sections = data.draw(st.none() | st.lists(st.sampled_from(SECTIONS), min_size=1,
                                              unique=True))
    persona = data.draw(st.sampled_from([None, *journey.ids(S.PERSONA)]))
    paper = data.draw(st.sampled_from(["a4", "letter"]))
    pdf = render_report(journey, paper=paper, sections=sections, persona=persona,
                        branding=Branding(date=DAY, consultant=data.draw(texts)))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"/Outlines" in pdf


def test_an_empty_map_makes_a_report():
    from cxdesigner.export.report import render_report

    assert render_report(JourneyMap()).startswith(b"%PDF-")
    assert render_report(JourneyMap(), sections="map,curve,matrix,plan").startswith(b"%PDF-")


def test_large_maps_are_cut_into_overlapping_parts_between_columns():
    j = JourneyMap()
    for s in range(6):
        stage = j.add_stage(f"Stage {s}").id
        for t in range(5):
            j.add_touchpoint(stage, f"T{s}.{t}", x=t * 240.0, y=(t % 2) * 160.0)
    for direction in ("ltr", "rtl"):
        j.set_document(direction=direction)
        layout = L.compute(j)
        from cxdesigner.export.mapdraw import plan_tiles
        tiles = plan_tiles(layout, 0.5, 770, 460)
        assert len(tiles) > 1
        views = [t.view for t in tiles]
        # every card is whole in some part, and neighbouring parts overlap
        for card in layout.cards.values():
            assert any(v.x <= card.x and card.right <= v.right for v in views)
        ordered = sorted(views, key=lambda v: v.x)
        for a, b in zip(ordered, ordered[1:]):
            assert b.x < a.right
        assert min(v.x for v in views) == layout.bounds.x
        assert max(v.right for v in views) == pytest.approx(layout.bounds.right)
        # reading order: an RTL map's first part is its rightmost
        first = views[0]
        if direction == "rtl":
            assert first.right == pytest.approx(layout.bounds.right)
        else:
            assert first.x == layout.bounds.x


def test_a_map_spread_very_wide_stays_a_few_pages():
    from cxdesigner.export.report import render_report

    j = JourneyMap()
    stage = j.add_stage("Far apart").id
    j.add_touchpoint(stage, "Here")
    j.add_touchpoint(stage, "Far away", x=20_000.0)
    j.add_touchpoint(stage, "Out of sight", x=S.MAX_COORD, y=100_000.0)
    data = render_report(j, sections="map")
    assert len(re.findall(rb"/Type /Page\b", data)) <= 5


# ----------------------------------------------------------------------- CLI
def write_sample(tmp_path: Path, lang: str = "en") -> Path:
    path = tmp_path / f"bakery-{lang}.cxmap"
    path.write_bytes(resource("samples", f"bakery-{lang}.cxmap").read_bytes())
    return path


def test_cli_exports_a_pdf(tmp_path, capsys):
    source = write_sample(tmp_path, "he")
    out = tmp_path / "report.pdf"
    code = main(["export", str(source), "--pdf", str(out), "--paper", "letter",
                 "--sections", "cover,summary,plan", "--persona", "ps-new"])
    captured = capsys.readouterr()
    assert code == 0 and out.read_bytes().startswith(b"%PDF-")
    assert re.search(r"Wrote .*report\.pdf \(\d+ pages\)", captured.out)


@pytest.mark.parametrize("extra, message", [
    (["--sections", "summary,bogus"], "Unknown report section bogus"),
    (["--persona", "nobody"], "not a persona"),
    (["--accent", "blue"], "#RRGGBB"),
    (["--logo", "nothing-here.png"], "does not exist"),
])
def test_cli_refuses_bad_report_options_in_one_line(tmp_path, capsys, extra, message):
    source = write_sample(tmp_path)
    out = tmp_path / "report.pdf"
    code = main(["export", str(source), "--pdf", str(out), *extra])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_export_needs_something_to_write(tmp_path, capsys):
    code = main(["export", str(write_sample(tmp_path))])
    assert code == 2 and "--pdf" in capsys.readouterr().err


def test_reportlab_loads_only_when_a_report_is_made(tmp_path):
    source = write_sample(tmp_path)
    out = tmp_path / "r.pdf"
    code = ("import sys; from cxdesigner.cli import main; "
            f"main(['info', {str(source)!r}]); main(['tree', {str(source)!r}]); "
            "assert 'reportlab' not in sys.modules, 'reportlab loaded too early'; "
            f"main(['export', {str(source)!r}, '--pdf', {str(out)!r}, '--sections', 'map']); "
            "assert 'reportlab' in sys.modules; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.exists()


# ------------------------------------------------------------------ speed paths
def _wrap_by_words(spans, width):
    """The line breaking the report had before its quick paths (issue 10): every token
    measured, greedy.  ``rtl.wrap`` must break exactly as this does."""
    from cxdesigner.export import fonts

    spans = [(t, s) for t, s in spans if t]
    if not spans:
        return [[]]
    text = "".join(t for t, _ in spans)
    bounds, pos = [], 0
    for t, s in spans:
        bounds.append((pos, pos + len(t), s))
        pos += len(t)

    def w(a, b):
        return sum((fonts.width(text[max(a, lo):min(b, hi)], s.font, s.size)
                    for lo, hi, s in bounds if lo < b and hi > a), 0.0)

    lines, start, end, line_w, gap = [], None, None, 0.0, None
    for m in re.finditer(r"[^ \n]+| +|\n", text):
        a, b = m.span()
        if m.group() == "\n":
            lines.append((start, end) if start is not None else (a, a))
            start, line_w, gap = None, 0.0, None
        elif m.group()[0] == " ":
            gap = w(a, b) if start is not None else gap
        elif start is not None and line_w + (gap or 0.0) + w(a, b) <= width:
            end, line_w, gap = b, line_w + (gap or 0.0) + w(a, b), None
        else:
            if start is not None:
                lines.append((start, end))
            start, end, line_w, gap = a, b, w(a, b), None
            if line_w > width:
                return None  # a word broken between characters: not what this checks
    if start is not None:
        lines.append((start, end))
    elif not lines or text.endswith("\n"):
        lines.append((len(text), len(text)))
    return [[(text[max(a, lo):min(b, hi)], s) for lo, hi, s in bounds
             if max(a, lo) < min(b, hi)] for a, b in lines]


WRAP_WORDS = st.sampled_from(["order", "pickup", "הזמנה", "איסוף", "(12)", "Dana's", "a",
                              " ", " ", "  ", "\n", "\u00a0", "\u05b8"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(WRAP_WORDS, max_size=12).map("".join),
                          st.sampled_from([0, 1, 2])), max_size=4),
       st.floats(min_value=25.0, max_value=400.0), st.floats(min_value=-0.5, max_value=0.5))
def test_wrapping_quick_paths_break_lines_as_the_word_by_word_walk(parts, width, nudge):
    from cxdesigner.export import fonts, rtl

    fonts.register()
    styles = [rtl.Style(fonts.REGULAR, 9.2), rtl.Style(fonts.BOLD, 9.2),
              rtl.Style(fonts.REGULAR, 7.8)]
    spans = [(t, styles[k]) for t, k in parts]
    # Right at the edge of fitting on one line, too, where the one-line path hands over.
    whole = sum(fonts.width(t, s.font, s.size) for t, s in spans if t)
    for w in (width, whole + nudge * 1e-6):
        expected = _wrap_by_words(spans, w)
        if expected is not None:
            assert rtl.wrap(spans, w) == expected


def test_text_written_directly_reads_back_past_the_first_font_subset(tmp_path):
    """``pdftext`` encodes runs itself once ReportLab has given their characters codes;
    a map with more than 256 distinct characters fills a second subset of the font."""
    from cxdesigner.export import fonts

    fonts.register()
    covered = fonts._state["covered"]
    j = JourneyMap()
    j.set_document(title="Alphabet soup", language="en", direction="ltr")
    stage = j.add_stage("Letters").id
    blocks = ["".join(chr(c) for c in range(start, start + 48) if c in covered)
              for start in (0x0391, 0x0410, 0x0100, 0x0180, 0x01D0, 0x0250, 0x1E00)]
    assert sum(map(len, blocks)) > 300
    for k, block in enumerate(blocks):
        j.add_touchpoint(stage, f"Block {k}", x=240.0 * k, description=" ".join(block))
    path = build(j, tmp_path / "soup.pdf", sections="stages")
    if not POPPLER:
        return
    text = pdftotext(path)
    for block in blocks:
        missing = [ch for ch in block if ch not in text]
        assert not missing, f"not read back: {''.join(missing)}"


def test_a_table_of_thousands_of_rows_measures_only_what_fits():
    """Wrapping a long table measures rows only until the room is full (wrapping all of
    them on every page made the 5,000-touchpoint report quadratic), and its parts keep
    every row in order."""
    from cxdesigner.export import fonts
    from cxdesigner.export.flowables import Cell, P, Row, Table
    from cxdesigner.export.rtl import Style

    fonts.register()
    style = Style(fonts.REGULAR, 9.2)
    rows = [Row([Cell([P([(f"row {i}", style)])])], [1.0]) for i in range(3000)]
    measured = []
    for row in rows:
        real = row.height
        row.height = lambda aw, r, real=real, row=row: measured.append(row) or real(aw, r)
    table = Table(rows, False)
    _, h = table.wrap(400.0, 700.0)
    assert 700.0 < h < 800.0 and len(measured) < 60
    parts, rest = [], table
    while True:
        rest.wrap(400.0, 700.0)
        split = rest.split(400.0, 700.0)
        if not split:
            parts.append(rest)
            break
        parts.append(split[0])
        rest = split[1]
    assert [r for part in parts for r in part.rows] == rows
    assert len(measured) < 3000 * 4


def test_what_sections_share_is_worked_out_once(monkeypatch):
    from cxdesigner.export.report import render_report

    calls = {"derive": 0, "rank": 0}
    real_derive, real_rank = plan.derive, __import__("cxdesigner.model.scoring",
                                                      fromlist=["rank"]).rank

    def derive(*a, **k):
        calls["derive"] += 1
        return real_derive(*a, **k)

    def rank(*a, **k):
        calls["rank"] += 1
        return real_rank(*a, **k)

    monkeypatch.setattr("cxdesigner.export.context.plan.derive", derive)
    monkeypatch.setattr("cxdesigner.export.context.scoring.rank", rank)
    render_report(sample("en"), branding=Branding(date=DAY))
    assert calls == {"derive": 1, "rank": 1}
