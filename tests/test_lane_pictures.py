"""Lanes in the picture exports (PNG and SVG render the canvas's own scene)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from cxdesigner.canvas import render
from cxdesigner.fileformat.templates import new_from_template
from cxdesigner.model import schema as S
from cxdesigner.model.lane_edits import EMOTION_LANE_ID
from cxdesigner.model.vocabulary import vocabulary


@pytest.mark.parametrize("lang", ["en", "he"])
def test_svg_names_every_blueprint_lane_and_line_in_the_maps_language(qapp, tmp_path, lang):
    journey = new_from_template("service-blueprint", lang)
    render.render_svg(journey, tmp_path / "map.svg")
    text = (tmp_path / "map.svg").read_text("utf-8")
    words = vocabulary(lang)
    for kind in S.BLUEPRINT_LANES:
        assert words.lane_kind(kind) in text, kind
    for name, _, _ in S.BLUEPRINT_LINES:
        assert words.blueprint_line(name) in text, name


def test_svg_holds_a_custom_lanes_name_and_its_cells(qapp, tmp_path):
    journey = new_from_template("five-stages", "en")
    tp = journey.add_touchpoint(journey.stages()[0], "Flyer").id
    lane = journey.add_lane("text", "Owner").id
    journey.set_cell(tp, lane, "Marketing team")
    render.render_svg(journey, tmp_path / "map.svg")
    text = (tmp_path / "map.svg").read_text("utf-8")
    assert "Owner" in text and "Marketing team" in text


def test_png_grows_by_the_lanes_and_drops_a_hidden_one(qapp, tmp_path):
    journey = new_from_template("service-blueprint", "en")
    full = render.render_png(journey, tmp_path / "full.png")
    for lane in journey.lanes():
        if lane != EMOTION_LANE_ID:
            journey.set_lane(lane, hidden=True)
    bare = render.render_png(journey, tmp_path / "bare.png")
    height = QImage(str(tmp_path / "full.png")).height()
    assert height > QImage(str(tmp_path / "bare.png")).height() + 5 * 64
    assert full.path.exists() and bare.path.exists()
