"""Exports besides the CSV: GraphML, PNG and SVG of the canvas, and the report dialog
with its worker thread; from the editor and from the command line."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from cxdesigner.bidi import plain
from cxdesigner.canvas import render
from cxdesigner.cli import main
from cxdesigner.export import SECTIONS, ReportError
from cxdesigner.export import report as report_module
from cxdesigner.fileformat import cxmap, graphml
from cxdesigner.model import JourneyMap
from cxdesigner.model import layout as L
from cxdesigner.model import schema as S
from cxdesigner.ui import main_window as mw
from cxdesigner.ui.dialogs import report_dialog as rd
from cxdesigner.ui.dialogs import report_export as rx
from cxdesigner.ui import settings
from cxdesigner.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {lang: ROOT / "resources" / "samples" / f"bakery-{lang}.cxmap" for lang in ("en", "he")}


def sample(lang: str = "en") -> JourneyMap:
    return cxmap.load(SAMPLES[lang]).journey


def small_map() -> JourneyMap:
    j = JourneyMap(document={"title": "Shop", "author": "Dana Amir"})
    j.add_stage("Awareness", id="s1")
    j.add_stage("Purchase", id="s2")
    j.add_touchpoint("s1", "Flyer", id="t1", emotions={"*": 1})
    j.add_touchpoint("s1", "Website", id="t2", x=240.0)
    j.add_touchpoint("s2", "Till", id="t3")
    j.add_flow("t1", "t2")
    j.add_note("pain_point", "Small print", on="t1", id="n1")
    j.add_persona("Noa", id="p1")
    return j


@pytest.fixture(autouse=True)
def temp_settings(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def close_windows(qapp, monkeypatch):
    yield
    rx.report_pool().waitForDone(60_000)  # no report left drawing
    QCoreApplication.sendPostedEvents()
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for window in mw.windows():
        window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text) or QMessageBox.Ok)
    return shown


def open_window(path: Path | None = None, journey: JourneyMap | None = None) -> MainWindow:
    if path is not None:
        return MainWindow.open_new(path)
    from cxdesigner.ui.document.document import Document

    return MainWindow(Document(journey or small_map()))


# ================================================================== GraphML
@pytest.mark.parametrize("lang", ["en", "he"])
def test_graphml_reads_back_with_the_same_nodes_edges_kinds_and_titles(tmp_path, lang):
    journey = sample(lang)
    path = tmp_path / "map.graphml"
    graphml.export_graphml(journey, path)
    back = nx.read_graphml(path)
    original = journey.graph
    assert isinstance(back, nx.DiGraph) and back.is_directed()
    assert set(back.nodes) == set(original.nodes)
    assert {(u, v, k) for u, v, k in back.edges(data="kind")} == \
        {(u, v, k) for u, v, k in original.edges(data="kind")}
    for node, attrs in original.nodes(data=True):
        assert back.nodes[node]["kind"] == attrs["kind"]
        assert back.nodes[node]["title"] == attrs["title"]  # Hebrew too
    assert back.graph["title"] == journey.document["title"]
    # Stages in order, touchpoints with their stage.
    stages = sorted((a["stage_index"], n) for n, a in back.nodes(data=True) if a["kind"] == "stage")
    assert [n for _, n in stages] == journey.stages() and stages[0][0] == 1
    for tp in journey.ids(S.TOUCHPOINT):
        assert back.nodes[tp]["stage"] == journey.stage_of(tp)
        assert back.nodes[tp]["stage_title"] == journey.title(journey.stage_of(tp))
    # Emotions flattened: the general one and one per persona, named by its title.
    tp = back.nodes["tp-insta-ad"]
    assert tp["emotion"] == 0
    assert tp["emotion:" + journey.title("ps-new")] == 1
    assert "emotions" not in tp


def test_graphml_holds_only_scalars_and_leaves_out_empty_values(tmp_path):
    journey = small_map()
    journey.set_fields("n1", impact=4)  # effort, reach, confidence stay None
    journey.set_emotion("t2", -1, "p1")
    journey.rename("t3", "Till\x00 \x07and\x1b receipt")  # XML cannot hold these
    graph = graphml.export_graph(journey)
    for _, attrs in [(None, graph.graph), *graph.nodes(data=True), *(
            (None, a) for *_, a in graph.edges(data=True))]:
        for key, value in attrs.items():
            assert type(value) in (str, int, float, bool), (key, value)
    note = graph.nodes["n1"]
    assert note["impact"] == 4 and "effort" not in note and "reach" not in note
    assert graph.nodes["t2"]["emotion:Noa"] == -1 and "emotion" not in graph.nodes["t2"]
    path = tmp_path / "m.graphml"
    graphml.export_graphml(journey, path)
    text = path.read_text("utf-8")
    assert "None" not in text and "{" not in text
    back = nx.read_graphml(path)
    assert back.nodes["t3"]["title"] == "Till and receipt"
    assert back.nodes["n1"]["impact"] == 4 and "effort" not in back.nodes["n1"]
    assert isinstance(back.nodes["t1"]["nps"] if "nps" in back.nodes["t1"] else 0.0, float)


def test_graphml_names_personas_with_the_same_title_by_id():
    journey = small_map()
    journey.add_persona("Noa", id="p2")
    journey.set_emotion("t1", 2, "p1")
    journey.set_emotion("t1", -2, "p2")
    node = graphml.export_graph(journey).nodes["t1"]
    assert node["emotion:p1"] == 2 and node["emotion:p2"] == -2


def test_graphml_places_stages_and_cards_where_the_canvas_does():
    journey = small_map()
    layout = L.compute(journey)
    graph = graphml.export_graph(journey)
    assert (graph.nodes["t2"]["x"], graph.nodes["t2"]["y"]) == layout.cards["t2"].center
    assert graph.nodes["t2"]["offset_x"] == 240.0
    assert (graph.nodes["s1"]["x"], graph.nodes["s1"]["y"]) == layout.bands["s1"].center
    assert graph.nodes["t1"]["label"] == "Flyer" and graph.nodes["t1"]["number"] == 1


# ================================================================== PNG and SVG
def non_white(image: QImage, step: int = 7) -> int:
    white = QColor("#ffffff").rgb()
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step)
               if image.pixel(x, y) != white)


@pytest.mark.parametrize("lang,scale", [("en", 1.0), ("he", 0.5)])
def test_png_is_the_map_bounds_times_the_scale_and_not_blank(qapp, tmp_path, lang, scale):
    journey = sample(lang)
    path = tmp_path / "map.png"
    rendered = render.render_png(journey, path, scale=scale)
    image = QImage(str(path))
    assert not image.isNull()
    b = L.compute(journey).bounds
    assert (image.width(), image.height()) == (math.ceil((b.w + 2 * render.PAD) * scale),
                                               math.ceil((b.h + 2 * render.PAD) * scale))
    assert (rendered.width, rendered.height, rendered.scale) == (image.width(), image.height(),
                                                                 scale)
    assert rendered.notes == []
    assert image.pixel(0, 0) == QColor("#ffffff").rgb()  # the margin is white
    assert non_white(image) > 200  # bands, cards, the curve


def test_png_too_large_is_drawn_smaller_and_says_so(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(render, "MAX_SIDE", 1000)
    rendered = render.render_png(sample(), tmp_path / "big.png", scale=2.0)
    image = QImage(str(tmp_path / "big.png"))
    assert image.width() == rendered.width <= 1000 and rendered.scale < 2.0
    assert rendered.notes and "too large" in rendered.notes[0]
    assert non_white(image, 3) > 50


def test_fit_scale_keeps_a_huge_map_within_the_pixel_budget():
    used = render.fit_scale(2_000_000.0, 700.0, 1.0)
    assert math.ceil(2_000_000 * used) <= render.MAX_SIDE
    used = render.fit_scale(60_000.0, 60_000.0, 1.0)
    assert math.ceil(60_000 * used) ** 2 <= render.MAX_PIXELS
    assert render.fit_scale(5000.0, 600.0, 1.5) == 1.5


def test_png_follows_the_chosen_persona_and_refuses_an_unknown_one(qapp, tmp_path):
    journey = small_map()
    journey.set_emotion("t1", -2, "p1")
    general, _ = render.png_bytes(journey)
    persona, _ = render.png_bytes(journey, persona="p1")
    assert general != persona
    with pytest.raises(render.RenderError, match="not a persona"):
        render.png_bytes(journey, persona="nobody")
    with pytest.raises(render.RenderError, match="scale"):
        render.png_bytes(journey, scale=0)


@pytest.mark.parametrize("lang,title", [("en", "The first bite"),
                                        ("he", "שכנה ממליצה")])
def test_svg_is_xml_with_the_card_titles_as_text(qapp, tmp_path, lang, title):
    path = tmp_path / "map.svg"
    render.render_svg(sample(lang), path)
    root = ET.parse(path).getroot()
    assert root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")
    texts = ["".join(t.itertext()) for t in root.iter() if t.tag.endswith("text")]
    assert any(title in text for text in texts)
    if lang == "he":
        # Hebrew runs read right to left in any viewer: an explicit embedding.
        run = next(t for t in texts if title in t)
        assert run == "\u202b" + title + "\u202c"


def test_a_failed_picture_leaves_the_old_file_and_no_temporary_file(qapp, tmp_path,
                                                                    monkeypatch):
    path = tmp_path / "map.png"
    path.write_bytes(b"old picture")

    def broken(*args):
        raise render.RenderError("drawing failed")
    monkeypatch.setattr(render, "paint_view", broken)
    with pytest.raises(render.RenderError):
        render.render_png(small_map(), path)
    with pytest.raises(render.RenderError):
        render.render_svg(small_map(), tmp_path / "map.svg")
    assert path.read_bytes() == b"old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]


# ================================================================== the command line
def test_cli_writes_png_svg_and_graphml(qapp, tmp_path, capsys):
    out = {kind: tmp_path / f"map.{kind}" for kind in ("png", "svg", "graphml")}
    code = main(["export", str(SAMPLES["he"]), "--png", str(out["png"]), "--scale", "0.5",
                 "--svg", str(out["svg"]), "--graphml", str(out["graphml"])])
    assert code == 0
    printed = capsys.readouterr().out
    for path in out.values():
        assert path.stat().st_size > 1000 and f"Wrote {path}" in printed
    assert not QImage(str(out["png"])).isNull()
    assert nx.read_graphml(out["graphml"]).number_of_nodes() == len(sample("he"))


def test_cli_keeps_csv_and_pdf_working_with_the_new_options(tmp_path, capsys):
    csv, graph = tmp_path / "m.csv", tmp_path / "m.graphml"
    assert main(["export", str(SAMPLES["en"]), "--csv", str(csv), "--graphml", str(graph)]) == 0
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf") and graph.exists()


@pytest.mark.parametrize("args,words", [
    ([], "say what to write"),
    (["--graphml", "x.graphml", "--scale", "2"], "--scale is for the PNG"),
    (["--png", "x.png", "--scale", "0"], "above 0"),
    (["--png", "x.png", "--scale", "nan"], "above 0"),
    (["--png", "x.png", "--persona", "nobody"], "not a persona"),
])
def test_cli_refuses_bad_picture_options_in_one_line(qapp, tmp_path, capsys, args, words):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    assert main(["export", str(SAMPLES["en"]), *args]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_cli_checks_the_persona_before_writing_anything(qapp, tmp_path, capsys):
    csv = tmp_path / "m.csv"
    assert main(["export", str(SAMPLES["en"]), "--csv", str(csv), "--svg",
                 str(tmp_path / "m.svg"), "--persona", "nobody"]) == 2
    assert "not a persona" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert main(["export", str(SAMPLES["en"]), "--svg", str(tmp_path / "m.svg"),
                 "--persona", "ps-new"]) == 0


def test_cli_png_works_with_no_display(tmp_path):
    out = tmp_path / "map.png"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "cxdesigner", "export", str(SAMPLES["en"]),
                             "--png", str(out), "--scale", "0.25"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 100


def test_cli_graphml_and_csv_do_not_load_qt(tmp_path):
    code = ("import sys; from cxdesigner.cli import main; "
            f"main(['export', {str(SAMPLES['en'])!r}, '--graphml', "
            f"{str(tmp_path / 'm.graphml')!r}, '--csv', {str(tmp_path / 'm.csv')!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@pytest.mark.parametrize("kind", ["png", "svg", "graphml"])
def test_cli_failure_leaves_an_existing_output_as_it_was(qapp, tmp_path, monkeypatch, capsys,
                                                         kind):
    out = tmp_path / f"map.{kind}"
    out.write_bytes(b"the previous export")

    def broken(*args, **kwargs):
        raise render.RenderError("drawing failed")
    if kind == "graphml":
        def no_memory(journey):
            raise MemoryError
        monkeypatch.setattr(graphml, "graphml_bytes", no_memory)
        with pytest.raises(MemoryError):
            main(["export", str(SAMPLES["en"]), "--graphml", str(out)])
    else:
        monkeypatch.setattr(render, "paint_view", broken)
        assert main(["export", str(SAMPLES["en"]), f"--{kind}", str(out)]) == 2
        assert "drawing failed" in capsys.readouterr().err
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_cli_write_failure_is_one_line(qapp, tmp_path, capsys):
    out = tmp_path / "missing" / "map.png"
    assert main(["export", str(SAMPLES["en"]), "--png", str(out)]) == 2
    assert "Could not write the picture" in capsys.readouterr().err


# ================================================================== the editor's menu
def test_file_export_submenu_holds_the_eight_exports(qtbot, close_windows):
    window = open_window()
    texts = [a.text() for a in window.export_menu.actions()]
    assert texts == ["&Report…", "&Image (PNG)…", "Image (&SVG)…",
                     "&Graph (GraphML)…", "Journey (&CSV)…", "Journey (&XLSX)…",
                     "Interactive &Map…", "&Presentation (PowerPoint)…"]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_menu.menuAction() in file_menu.actions()
    assert window.act.export_csv not in file_menu.actions()  # moved under Export


@pytest.mark.parametrize("action,suffix", [("export_png", "png"), ("export_svg", "svg"),
                                           ("export_graphml", "graphml"),
                                           ("export_csv", "csv")])
def test_each_export_action_writes_its_file(qtbot, close_windows, tmp_path, monkeypatch,
                                            errors, action, suffix):
    window = open_window(SAMPLES["en"])
    asked = []
    target = tmp_path / "out" if suffix != "csv" else tmp_path / "out.csv"
    monkeypatch.setattr(window, "ask_save_path",
                        lambda title, name_filter, suggested: asked.append(
                            (name_filter, suggested)) or str(target))
    getattr(window.act, action).trigger()
    written = target if suffix == "csv" else tmp_path / f"out.{suffix}"
    assert errors == [] and written.exists() and written.stat().st_size > 100
    assert f"*.{suffix}" in asked[0][0] and asked[0][1].name == f"bakery-en.{suffix}"
    assert "Exported" in window.statusBar().currentMessage()
    if suffix == "png":  # at scale 2 from the editor
        b = L.compute(window.document.journey).bounds
        assert QImage(str(written)).width() == math.ceil((b.w + 2 * render.PAD) * 2)


@pytest.mark.parametrize("action,key", [("export_html", "html"), ("export_deck", "pptx")])
def test_the_interactive_map_and_presentation_open_the_report_dialog_on_their_format(
        qtbot, close_windows, tmp_path, monkeypatch, errors, action, key):
    window = open_window(SAMPLES["en"])
    shown = []
    monkeypatch.setattr(rd.ReportDialog, "exec", lambda dialog: shown.append(
        dialog.format.currentData()) or dialog.accept() or dialog.result())
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "out"))
    getattr(window.act, action).trigger()
    assert shown == [key]
    written = tmp_path / f"out{'.html' if key == 'html' else '.pptx'}"
    qtbot.waitUntil(written.exists, timeout=120_000)
    assert errors == [] and written.stat().st_size > 100


def test_a_failed_image_export_is_explained(qtbot, close_windows, tmp_path, monkeypatch,
                                            errors):
    window = open_window()
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "no" / "x.png"))
    window.act.export_png.trigger()
    assert len(errors) == 1 and "Could not write the picture" in errors[0]


# ================================================================== the report dialog
def run_dialog(monkeypatch, change=None, accept=True, seen=None):
    """Make ReportDialog.exec apply ``change(dialog)`` and accept (or cancel)."""
    def fake_exec(dialog):
        if seen is not None:
            seen.append(dialog.options())
            seen.append(dialog)
        if change is not None:
            change(dialog)
        if accept:
            dialog.accept()
        else:
            dialog.reject()
        return dialog.result()
    monkeypatch.setattr(rd.ReportDialog, "exec", fake_exec)


def make_logo(path: Path) -> Path:
    image = QImage(120, 40, QImage.Format_RGB32)
    image.fill(QColor("#c0392b"))
    assert image.save(str(path))
    return path


def test_the_dialog_remembers_its_options_per_document(qtbot, close_windows, tmp_path,
                                                       monkeypatch):
    first = tmp_path / "a.cxmap"
    second = tmp_path / "b.cxmap"
    cxmap.save(small_map(), first)
    cxmap.save(small_map(), second)
    logo = make_logo(tmp_path / "logo.png")
    window = open_window(first)

    def change(dialog):
        dialog.section_boxes["swot"].setChecked(False)
        dialog.section_boxes["matrix"].setChecked(False)
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        dialog.persona.setCurrentIndex(dialog.persona.findData("p1"))
        assert dialog.set_logo(str(logo))
        dialog.set_accent("#AA3300")
        dialog.consultant.setText("Yael Cohen")
    run_dialog(monkeypatch, change)
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda *a: "")  # then cancel the file
    rx.export_report(window)
    expected = rd.ReportOptions(
        sections=tuple(s for s in SECTIONS if s not in ("swot", "matrix")), paper="letter",
        persona="p1", logo=str(logo), accent="#aa3300", consultant="Yael Cohen")

    seen = []
    run_dialog(monkeypatch, accept=False, seen=seen)
    rx.export_report(window)  # reopened: the same choices
    assert seen[0] == expected
    dialog = seen[1]
    assert [k for k, b in dialog.section_boxes.items() if not b.isChecked()] == ["swot", "matrix"]
    assert dialog.paper.currentText() == "Letter" and dialog.persona.currentText() == "Noa"
    assert dialog.logo_preview.pixmap() is not None and not dialog.logo_preview.pixmap().isNull()
    assert dialog.accent_button.text() == "#aa3300"
    assert "remembered for this map file" in dialog.remembered.text()

    seen.clear()
    other = open_window(second)  # another document: its own (default) options
    rx.export_report(other)
    assert seen[0] == rd.ReportOptions.default()
    assert seen[1].consultant.text() == "Dana Amir"  # the map's author


def test_an_untitled_map_remembers_by_its_title(qtbot, close_windows, monkeypatch, tmp_path):
    window = open_window(journey=small_map())
    run_dialog(monkeypatch, lambda d: d.paper.setCurrentIndex(d.paper.findData("letter")))
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda *a: "")
    rx.export_report(window)
    seen = []
    run_dialog(monkeypatch, accept=False, seen=seen)
    rx.export_report(window)
    assert seen[0].paper == "letter"
    assert "remembered by its title" in seen[1].remembered.text()
    # Saved for the first time: it starts from what its title had.
    window.document.save(tmp_path / "shop.cxmap")
    seen.clear()
    rx.export_report(window)
    assert seen[0].paper == "letter"
    assert "remembered for this map file" in seen[1].remembered.text()


def test_exporting_draws_the_pdf_on_a_worker_thread_and_the_window_stays_usable(
        qtbot, close_windows, tmp_path, monkeypatch, errors):
    window = open_window(SAMPLES["en"])
    window.show()
    out = tmp_path / "report.pdf"
    drawn = []
    original = report_module.render_report

    def slow_render(journey, **kwargs):
        drawn.append((threading.current_thread(), journey, kwargs))
        time.sleep(0.4)  # long enough for the event loop to turn meanwhile
        return original(journey, **kwargs)
    monkeypatch.setattr(report_module, "render_report", slow_render)
    run_dialog(monkeypatch, lambda d: [d.section_boxes[s].setChecked(s in ("cover", "summary"))
                                       for s in SECTIONS])
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "report"))
    ticks = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(bool(drawn) and not out.exists()))
    timer.start()
    export = rx.export_report(window)
    assert export is not None and export.running
    # An edit while the report is drawn: the report has the snapshot, the map the edit.
    window.document.journey.rename("tp-insta-ad", "Renamed during the export")
    qtbot.waitUntil(out.exists, timeout=60_000)
    timer.stop()
    assert errors == []
    thread, journey, kwargs = drawn[0]
    assert thread is not threading.main_thread()
    assert export.worker_thread == thread.ident != threading.main_thread().ident
    assert journey is not window.document.journey
    assert journey.title("tp-insta-ad") == "Instagram ad: the weekend bakes"
    assert kwargs["sections"] == ("cover", "summary")
    assert sum(ticks) >= 5  # the GUI thread kept running while the worker drew
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = rx.pdf_pages(data)
    assert pages >= 2
    assert plain(window.statusBar().currentMessage()) == f"Wrote report.pdf ({pages} pages)"
    assert not export.running and export.progress is None


def test_cancel_abandons_the_report_and_writes_nothing(qtbot, close_windows, tmp_path,
                                                       monkeypatch, errors):
    window = open_window()
    out = tmp_path / "report.pdf"
    out.write_bytes(b"previous report")
    release = threading.Event()
    original = report_module.render_report

    def held(journey, **kwargs):
        release.wait(30)
        return original(journey, **kwargs)
    monkeypatch.setattr(report_module, "render_report", held)
    seen = []
    run_dialog(monkeypatch, seen=seen)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(out))
    export = rx.export_report(window)
    qtbot.waitUntil(lambda: export.progress is not None and export.progress.isVisible())
    assert rx.export_report(window) is export and len(seen) == 2  # one at a time
    results = []
    export.finished.connect(results.append)
    export.progress.canceled.emit()  # the Cancel button
    assert results == [False] and not export.running
    release.set()
    rx.report_pool().waitForDone(60_000)
    qtbot.wait(50)  # the worker's result arrives and is dropped
    assert out.read_bytes() == b"previous report"
    assert results == [False] and errors == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_report_error_is_shown_and_the_old_file_kept(qtbot, close_windows, tmp_path,
                                                      monkeypatch, errors):
    window = open_window()
    out = tmp_path / "report.pdf"
    out.write_bytes(b"previous report")

    def failing(journey, **kwargs):
        raise ReportError("The report cannot be made: test.")
    monkeypatch.setattr(report_module, "render_report", failing)
    run_dialog(monkeypatch)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(out))
    export = rx.export_report(window)
    qtbot.waitUntil(lambda: not export.running, timeout=30_000)
    assert errors == ["The report cannot be made: test."]
    assert out.read_bytes() == b"previous report"


def test_a_bad_logo_is_explained_and_nothing_is_exported(qtbot, close_windows, tmp_path,
                                                         monkeypatch, errors):
    window = open_window()
    bad = tmp_path / "logo.gif"
    bad.write_bytes(b"GIF89a" + bytes(100))
    good = make_logo(tmp_path / "good.png")
    asked = []
    monkeypatch.setattr(window, "ask_save_path", lambda *a: asked.append(a) or "")
    messages = []

    def choose_bad(dialog):
        monkeypatch.setattr(dialog, "ask_logo_path", lambda: str(bad))
        dialog.choose_logo.click()
        messages.append(dialog.logo_message())
        assert dialog.options().logo == ""  # refused: not taken
        assert dialog.set_logo(str(good))
        monkeypatch.setattr(dialog, "ask_logo_path", lambda: str(bad))
        dialog.choose_logo.click()
        messages.append(dialog.logo_message())
        assert dialog.options().logo == str(good)  # the good one stays
    run_dialog(monkeypatch, choose_bad, accept=False)
    rx.export_report(window)
    assert "not a PNG or JPEG" in messages[0] and "logo.gif" in messages[0]
    assert "The logo stays good.png" in messages[1]

    # A remembered logo that went bad since: shown with the reason, and Export refuses.
    rd.save_options(None, "Shop", rd.ReportOptions(logo=str(bad)))
    results = []
    run_dialog(monkeypatch, lambda d: results.append(d.logo_message()))
    assert rx.export_report(window) is None
    assert "not a PNG or JPEG" in results[0]
    assert asked == [] and errors == []
    assert not list(tmp_path.glob("*.pdf"))


def test_pdf_pages_counts_what_reportlab_wrote(tmp_path):
    report = report_module.build_report(small_map(), tmp_path / "r.pdf",
                                        sections="cover,summary,swot")
    assert rx.pdf_pages((tmp_path / "r.pdf").read_bytes()) == report.pages


def test_report_options_from_damaged_settings_fall_back_to_defaults():
    default = rd.ReportOptions.default()
    assert rd.ReportOptions.from_json("nonsense") == default
    odd = rd.ReportOptions.from_json({"sections": ["swot", "bogus"], "paper": "a3",
                                      "accent": "red", "persona": 4, "logo": None})
    assert odd.sections == ("swot",) and odd.paper == default.paper
    assert odd.accent == default.accent and odd.persona is None and odd.logo == ""


def test_closing_the_window_while_the_report_is_drawn_drops_it(qtbot, close_windows,
                                                               tmp_path, monkeypatch, errors):
    window = open_window()
    out = tmp_path / "report.pdf"
    release = threading.Event()
    original = report_module.render_report

    def held(journey, **kwargs):
        release.wait(30)
        return original(journey, **kwargs)
    monkeypatch.setattr(report_module, "render_report", held)
    run_dialog(monkeypatch)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(out))
    assert rx.export_report(window).running
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    assert window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    release.set()
    rx.report_pool().waitForDone(60_000)
    qtbot.wait(50)
    assert not out.exists() and errors == []


def test_graphml_carries_feedback_with_its_columns_and_leaves_out_snapshot_records(tmp_path):
    journey = small_map()
    tp = journey.journey_order()[0]
    journey.add_feedback([{"id": "f1", "touchpoint": tp, "nps": 9,
                           "fields": {"branch": "North"}}])
    journey.add_snapshot("Spring", "2026-03-01T10:00", {"a": {"b": 1}})
    path = tmp_path / "map.graphml"
    graphml.export_graphml(journey, path)
    back = nx.read_graphml(path)
    assert back.nodes["f1"]["field:branch"] == "North" and back.nodes["f1"]["nps"] == 9
    assert back.edges["f1", tp]["kind"] == "concerns"
    assert all("record" not in attrs for _, attrs in back.nodes(data=True))
