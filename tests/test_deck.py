"""The PowerPoint deck: read back with python-pptx (and LibreOffice when installed):
its titles, real tables, right-to-left Hebrew, map parts, splits, branding and safety."""

from __future__ import annotations

import io
import re
import math
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pytestqt.qtbot import QtBot
from pptx.util import Emu

from cxdesigner.cli import main
from cxdesigner.export import Branding
from cxdesigner.export.deck import DeckError, DeckOptions, export_deck, render_deck
from cxdesigner.export.deck_draw import FONT, SLIDE_H
from cxdesigner.export.deck_map import PAD, plan_parts
from cxdesigner.fileformat.cxmap import load
from cxdesigner.model import JourneyMap, plan
from cxdesigner.model import layout as L
from cxdesigner.model import schema as S
from cxdesigner.resources_path import resource

from tests.strategies import journeys

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def sample(lang: str) -> JourneyMap:
    return load(resource("samples", f"bakery-{lang}.cxmap")).journey


def flat_picture(journey, persona, views):
    """A stand-in for the canvas's pictures (no Qt): blank PNGs of the views' sizes."""
    from PIL import Image

    out = []
    for (_, _, w, h), scale in views:
        buf = io.BytesIO()
        Image.new("RGB", (max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))),
                  "white").save(buf, "PNG")
        out.append(buf.getvalue())
    return out, []


def deck(journey: JourneyMap, picture=flat_picture, **options) -> Presentation:
    data, _ = render_deck(journey, DeckOptions(**options), picture)
    return Presentation(io.BytesIO(data))


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def titles(prs) -> list[str]:
    """Each slide's title: its first text box."""
    return [next((s.text_frame.text for s in slide.shapes if s.has_text_frame), "")
            for slide in prs.slides]


def tables(prs, title_word: str) -> list:
    return [shape.table for slide, title in zip(prs.slides, titles(prs))
            if title_word in title for shape in slide.shapes if shape.has_table]


def long_plan_map() -> JourneyMap:
    j = JourneyMap(document={"title": "Long plan"})
    stage = j.add_stage("Use").id
    tp = j.add_touchpoint(stage, "Counter").id
    for n in range(12):
        note = j.add_note("pain_point", f"Pain {n:02d}", on=tp, impact=5 - n % 5,
                          effort=1 + n % 5).id
        for a in range(5):
            j.add_action(f"Action {n:02d}.{a}", addresses=[note], owner="Shop")
    return j


# ------------------------------------------------------------------ content
@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_deck_opens_and_holds_every_stage_and_touchpoint_title(qapp, tmp_path, lang):
    journey = sample(lang)
    from cxdesigner.ui.deck_picture import map_picture

    out = export_deck(journey, tmp_path / "deck.pptx", picture=map_picture)  # the canvas's
    prs = Presentation(str(out.path))
    assert out.slides == len(prs.slides) > 10
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9
    text = "\n".join(slide_text(s) for s in prs.slides)
    for stage in journey.stages():
        assert journey.title(stage) in text
    for tp in journey.ids(S.TOUCHPOINT):
        assert journey.title(tp) in text
    pictures = [s for s in prs.slides for shape in s.shapes if shape.shape_type == 13]
    assert pictures  # the map


def test_the_plan_is_a_real_table_with_the_ranked_notes_in_order(tmp_path):
    journey = sample("en")
    prs = deck(journey)
    cells = [cell.text for t in tables(prs, "action plan") for row in t.rows
             for cell in row.cells]
    assert cells and cells[0] == "#"
    derived = plan.derive(journey)
    notes = [n for n in derived.walk() if n.kind == "note"]
    places = [next(i for i, c in enumerate(cells) if journey.title(n.id) in c) for n in notes]
    assert places == sorted(places)  # in the plan's order
    assert {n.number for n in notes} <= set(cells)
    text = "\n".join(cells)
    assert all(journey.title(a) in text for a in journey.ids(S.ACTION)
               if journey.addressed_by(a))


def test_the_summary_counts_and_lists_the_top_priorities():
    journey = sample("en")
    prs = deck(journey)
    summary = prs.slides[titles(prs).index("Executive summary")]
    text = slide_text(summary)
    assert str(journey.count(S.TOUCHPOINT)) in text.split("\n")
    top = journey.ranked_notes()[0]
    assert journey.title(top) in text


def test_an_empty_map_still_makes_a_deck():
    prs = deck(JourneyMap())
    assert len(prs.slides) >= 5


def test_control_characters_and_emoji_in_titles_make_a_valid_deck():
    j = JourneyMap(document={"title": "Bell\x07 and tab\tand \U0001f600"})
    stage = j.add_stage("Stage\x0b one").id
    j.add_touchpoint(stage, "Café\x00 \u202bשלום\u202c")
    prs = deck(j)
    text = "\n".join(slide_text(s) for s in prs.slides)
    assert "Café" in text and "שלום" in text and "Stage" in text and "\x00" not in text


# ------------------------------------------------------------------ Hebrew
def _paragraphs(prs):
    for slide in prs.slides:
        for p in slide.shapes._spTree.iter(f"{A}p"):
            if "".join(t.text or "" for t in p.iter(f"{A}t")).strip():
                yield p


def test_hebrew_paragraphs_and_tables_are_right_to_left_in_the_bundled_font():
    prs = deck(sample("he"))
    paragraphs = list(_paragraphs(prs))
    assert len(paragraphs) > 200
    aligns = []
    for p in paragraphs:
        ppr = p.find(f"{A}pPr")
        assert ppr is not None and ppr.get("rtl") == "1"
        aligns.append(ppr.get("algn"))
        for rpr in p.iter(f"{A}rPr"):
            assert rpr.find(f"{A}cs").get("typeface") == FONT
            assert rpr.find(f"{A}latin").get("typeface") == FONT
    # text starts at the right; only what ends a line (page numbers, scores) is at the left
    assert aligns.count("r") > 0.9 * len(aligns) and set(aligns) <= {"r", "ctr", "l"}
    tbls = [t for s in prs.slides for t in s.shapes._spTree.iter(f"{A}tbl")]
    assert tbls and all(t.find(f"{A}tblPr").get("rtl") == "1" for t in tbls)


def test_english_paragraphs_and_tables_are_left_to_right():
    prs = deck(sample("en"))
    assert all(p.find(f"{A}pPr").get("rtl") is None for p in _paragraphs(prs))
    tbls = [t for s in prs.slides for t in s.shapes._spTree.iter(f"{A}tbl")]
    assert tbls and all(t.find(f"{A}tblPr").get("rtl") is None for t in tbls)


def test_a_hebrew_deck_speaks_hebrew():
    prs = deck(sample("he"))
    heads = titles(prs)
    assert "תקציר מנהלים" in heads and "ניתוח SWOT" in heads
    assert not any(word in "\n".join(heads) for word in ("Summary", "Stage", "Part"))


# ------------------------------------------------------------------ the map
def wide_map(direction: str = "ltr") -> JourneyMap:
    j = JourneyMap(document={"direction": direction})
    for s in range(6):
        stage = j.add_stage(f"Stage {s}").id
        for t in range(6):
            j.add_touchpoint(stage, f"T{s}.{t}", x=t * 240.0)
    return j


def _map_slides(prs) -> list[str]:
    return [t for t in titles(prs) if t.startswith("The journey map")]


def test_a_large_map_gives_an_overview_and_several_part_slides():
    prs = deck(wide_map(), sections="map")
    heads = _map_slides(prs)
    assert len(heads) >= 4 and heads[0].endswith("Overview")
    assert heads[-1].endswith(f"Part {len(heads) - 1} of {len(heads) - 1}")


def test_a_small_map_is_one_slide():
    j = JourneyMap()
    j.add_touchpoint(j.add_stage("Only").id, "One")
    assert _map_slides(deck(j, sections="map")) == ["The journey map"]


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_map_parts_cover_the_map_keep_cards_whole_and_read_in_order(direction):
    layout = L.compute(wide_map(direction))
    parts = plan_parts(layout, 1400.0)
    assert len(parts) > 2
    ordered = sorted(parts, key=lambda p: p.x0)
    assert ordered[0].x0 == layout.bounds.x - PAD
    assert ordered[-1].x1 == layout.bounds.right + PAD
    assert all(a.x1 == b.x0 for a, b in zip(ordered, ordered[1:]))
    assert all(p.x1 - p.x0 <= 1400.0 for p in parts)
    for card in layout.cards.values():
        assert any(p.x0 <= card.x and card.right <= p.x1 for p in parts)
    assert parts == (ordered[::-1] if direction == "rtl" else ordered)


# ------------------------------------------------------------------ splitting
def test_a_long_plan_splits_over_slides_that_each_fit():
    journey = long_plan_map()
    prs = deck(journey, sections="plan")
    heads = titles(prs)
    assert len(heads) > 2 and heads[1] == "Prioritised action plan (continued)"
    text = "\n".join(slide_text(s) for s in prs.slides)
    for action in journey.ids(S.ACTION):
        assert journey.title(action) in text
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                bottom = shape.top + sum(row.height for row in shape.table.rows)
                assert bottom <= Emu(round(SLIDE_H * 12700))


def test_a_long_stage_continues_on_another_slide():
    j = JourneyMap()
    stage = j.add_stage("Crowded").id
    for t in range(40):
        j.add_touchpoint(stage, f"Touchpoint {t:02d}", x=t * 240.0)
    heads = titles(deck(j, sections="stages"))
    assert heads[0] == "Stage 1 · Crowded" and "Stage 1 · Crowded (continued)" in heads


# ------------------------------------------------------------------ options
def test_the_logo_and_accent_apply(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "#884422").save(logo)
    prs = deck(sample("en"), branding=Branding(logo=logo, accent="#aa3311"))
    first = prs.slides[0]
    assert any(shape.shape_type == 13 for shape in first.shapes)  # the logo
    xml = b"".join(slide.part.blob for slide in prs.slides)
    assert b'val="AA3311"' in xml and b'val="1F5F8B"' not in xml


def test_sections_and_persona_choose_what_the_deck_shows():
    journey = sample("en")
    persona = journey.ids(S.PERSONA)[0]
    prs = deck(journey, sections="swot,personas", persona=persona)
    heads = titles(prs)
    assert heads == ["SWOT", "Personas"]
    assert journey.title(persona) in slide_text(prs.slides[1])
    assert len([s for s in journey.ids(S.PERSONA)
                if journey.title(s) in slide_text(prs.slides[1])]) == 1


def test_a_bad_logo_is_refused_clearly_and_the_old_file_stays(tmp_path):
    old = tmp_path / "deck.pptx"
    old.write_bytes(b"old deck")
    bad = tmp_path / "logo.png"
    bad.write_text("not a picture")
    with pytest.raises(DeckError, match="not a PNG or JPEG"):
        export_deck(sample("en"), old, DeckOptions(branding=Branding(logo=bad)),
                    flat_picture)
    with pytest.raises(DeckError, match="does not exist"):
        export_deck(sample("en"), old,
                    DeckOptions(branding=Branding(logo=tmp_path / "gone.png")), flat_picture)
    assert old.read_bytes() == b"old deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "logo.png"]


def test_an_unknown_persona_or_accent_is_refused():
    with pytest.raises(DeckError, match="not a persona"):
        render_deck(sample("en"), DeckOptions(persona="nobody"), flat_picture)
    with pytest.raises(DeckError, match="#RRGGBB"):
        render_deck(sample("en"), DeckOptions(branding=Branding(accent="red")), flat_picture)


# ------------------------------------------------------------------ command line
def test_cli_writes_the_deck(tmp_path, capsys):
    out = tmp_path / "bakery.pptx"
    code = main(["export", str(resource("samples", "bakery-he.cxmap")), "--pptx", str(out),
                 "--sections", "cover,stages", "--consultant", "Dana"])
    assert code == 0
    assert "slides)" in capsys.readouterr().out
    assert "Dana" in slide_text(Presentation(str(out)).slides[0])


def test_cli_refuses_a_bad_logo_before_writing(tmp_path, capsys):
    out = tmp_path / "bakery.pptx"
    bad = tmp_path / "logo.jpg"
    bad.write_bytes(b"GIF89a")
    code = main(["export", str(resource("samples", "bakery-en.cxmap")), "--pptx", str(out),
                 "--logo", str(bad)])
    assert code == 2 and not out.exists()
    assert "not a PNG or JPEG" in capsys.readouterr().err


def test_the_deck_module_does_not_load_qt():
    code = ("import sys, cxdesigner.export.deck, cxdesigner.cli.deck_output, cxdesigner.cli; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# ------------------------------------------------------------------ LibreOffice
@pytest.mark.skipif(not shutil.which("libreoffice") or not shutil.which("pdftotext"),
                    reason="LibreOffice or poppler is not installed")
def test_libreoffice_opens_the_deck_and_prints_every_slide(tmp_path):
    journey = sample("he")
    data, made = render_deck(journey, DeckOptions(sections="cover,summary,stages,plan"),
                             flat_picture)
    (tmp_path / "deck.pptx").write_bytes(data)
    profile = tmp_path / "profile"  # its own: never the user's, never a shared lock
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "deck.pptx")], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "deck.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(rf"^Pages:\s+{made.slides}$", info, re.M)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = set(re.sub(r"[\u200e\u200f\u202a-\u202e,.:]", " ", text).split())
    for stage in journey.stages():  # poppler moves punctuation in RTL lines: words only
        assert set(journey.title(stage).replace(",", " ").split()) <= words


# ------------------------------------------------------------------ the editor
@pytest.fixture
def editor(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent

    from cxdesigner.ui import main_window as mw
    from cxdesigner.ui import settings
    from cxdesigner.ui.main_window import MainWindow

    settings.use_file(tmp_path / "settings.ini")
    window = MainWindow.open_new(resource("samples", "bakery-en.cxmap"))
    yield window
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for each in mw.windows():
        each.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    settings.use_file(None)


def test_file_export_presentation_writes_the_deck_with_the_reports_options(
        editor, tmp_path, monkeypatch):
    from cxdesigner.ui.dialogs import report_dialog as rd
    from cxdesigner.ui.dialogs import report_export as rx

    journey = editor.document.journey
    rd.save_options(editor.document.path, journey.document["title"],
                    rd.ReportOptions(sections=("cover", "swot"), accent="#117733",
                                     consultant="Noga Levi"))
    monkeypatch.setattr(editor, "ask_save_path", lambda *a: str(tmp_path / "talk"))
    shown = []
    monkeypatch.setattr(rd.ReportDialog, "exec", lambda dialog: shown.append(
        dialog.format.currentData()) or dialog.accept() or dialog.result())
    editor.act.export_deck.trigger()  # the report dialog, on the presentation
    assert shown == ["pptx"]
    qtbot = QtBot(editor)  # the GUI thread draws the map's pictures: never block it
    qtbot.waitUntil(lambda: (tmp_path / "talk.pptx").exists(), timeout=60_000)
    prs = Presentation(str(tmp_path / "talk.pptx"))
    assert len(prs.slides) == 2 and "Noga Levi" in slide_text(prs.slides[0])
    assert b'val="117733"' in prs.slides[1].part.blob
    qtbot.waitUntil(lambda: "2 slides" in editor.statusBar().currentMessage(), timeout=10_000)


def test_a_failed_presentation_export_is_explained(editor, tmp_path, monkeypatch):
    from cxdesigner.ui.dialogs import report_dialog as rd
    from cxdesigner.ui.dialogs import report_export as rx

    shown = []
    monkeypatch.setattr(editor, "show_error", lambda title, text: shown.append(text))
    monkeypatch.setattr(editor, "ask_save_path", lambda *a: str(tmp_path / "no" / "x.pptx"))
    monkeypatch.setattr(rd.ReportDialog, "exec", lambda d: d.accept() or d.result())
    editor.act.export_deck.trigger()
    QtBot(editor).waitUntil(lambda: bool(shown), timeout=60_000)
    assert "folder does not exist" in shown[0]


# ------------------------------------------------------------------ any map
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(journeys(), st.sampled_from([None, "cover,summary", "stages,plan", "swot,matrix",
                                    "map,personas"]))
def test_any_map_makes_a_deck_that_reads_back(journey, sections):
    data, made = render_deck(journey, DeckOptions(sections=sections), flat_picture)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == made.slides >= 1


def test_each_part_is_drawn_whole_at_full_resolution():
    journey = wide_map()
    asked = []

    def picture(journey, persona, views):
        asked.extend(views)
        return flat_picture(journey, persona, views)

    prs = deck(journey, picture, sections="map")
    (overview, _), *parts = asked
    b = L.compute(journey).bounds
    assert overview == (b.x - PAD, b.y - PAD, b.w + 2 * PAD, b.h + 2 * PAD)
    assert len(parts) >= 3 and all(scale == 2.0 for _, scale in parts)
    assert sum(w for (_, _, w, _), _ in parts) == pytest.approx(overview[2])
    shown = [shape.image.size for slide in list(prs.slides)[1:] for shape in slide.shapes
             if shape.shape_type == 13]
    assert shown == [(math.ceil(w * 2), math.ceil(h * 2)) for (_, _, w, h), _ in parts]


@pytest.mark.parametrize("lang,side", [("en", "right"), ("he", "left")])
def test_the_logo_sits_at_the_reading_end_of_the_title_slide(tmp_path, lang, side):
    from PIL import Image

    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (200, 200), "#224488").save(logo)
    prs = deck(sample(lang), sections="cover", branding=Branding(logo=logo))
    picture = next(s for s in prs.slides[0].shapes if s.shape_type == 13)
    centre = picture.left + picture.width / 2
    assert (centre > prs.slide_width / 2) == (side == "right")
