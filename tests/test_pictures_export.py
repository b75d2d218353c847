"""Touchpoints' pictures in the PDF report: drawn into a rect on a ReportLab canvas,
and the "Pictures" gallery after the stages (export/pictures.py)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from cxdesigner.export import pictures as XP
from cxdesigner.export.report import render_report
from cxdesigner.model import JourneyMap
from cxdesigner.model import pictures as P
from picture_helpers import b64, jpeg_bytes, png_bytes

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext") or
                                   not shutil.which("pdfimages"),
                                   reason="poppler-utils are not installed")


def map_with_pictures(lang="en") -> JourneyMap:
    journey = JourneyMap(document={"title": "Shop", "language": lang,
                                   "direction": "rtl" if lang == "he" else "ltr"})
    stage = journey.add_stage("Purchase" if lang == "en" else "רכישה").id
    till = journey.add_touchpoint(stage, "Till" if lang == "en" else "קופה", id="t1").id
    shelf = journey.add_touchpoint(stage, "Shelf" if lang == "en" else "מדף", id="t2",
                                   x=240.0).id
    journey.add_touchpoint(stage, "Door" if lang == "en" else "דלת", id="t3", x=480.0)
    journey.set_fields(till, picture=P.prepare(jpeg_bytes(size=(320, 200))))
    journey.set_fields(shelf, picture=P.prepare(png_bytes(colour=(0, 0, 0, 90))))
    return journey


def image_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Subtype\s*/Image", pdf))


def test_draw_picture_draws_the_touchpoints_picture_into_the_rect():
    journey = map_with_pictures()
    out = io.BytesIO()
    canv = Canvas(out, pageCompression=0)
    assert XP.draw_picture(canv, journey, "t1", 50, 50, 120, 80)
    canv.save()
    assert image_count(out.getvalue()) == 1


def test_draw_picture_draws_nothing_for_a_touchpoint_without_one():
    journey = map_with_pictures()
    out = io.BytesIO()
    canv = Canvas(out, pageCompression=0)
    assert not XP.draw_picture(canv, journey, "t3", 50, 50, 120, 80)
    assert not XP.draw_picture(canv, journey, "t1", 50, 50, 0, 80)
    canv.save()
    assert image_count(out.getvalue()) == 0


def test_draw_picture_keeps_the_proportions_inside_the_rect():
    journey = map_with_pictures()  # t1's picture is 320 x 200
    out = io.BytesIO()
    canv = Canvas(out, pageCompression=0)
    moves = []
    canv.translate = lambda x, y: moves.append(("at", round(x, 3), round(y, 3)))
    canv.scale = lambda sx, sy: moves.append(("scale", round(sx, 5), round(sy, 5)))
    assert XP.draw_picture(canv, journey, "t1", 0, 0, 100, 100)
    assert moves[-2:] == [("at", 0, 18.75), ("scale", 0.3125, 0.3125)]  # 100 x 62.5, centred


def test_a_picture_drawn_twice_is_embedded_once():
    journey = map_with_pictures()
    out = io.BytesIO()
    canv = Canvas(out, pageCompression=0)
    for y in (50, 300):
        assert XP.draw_picture(canv, journey, "t1", 50, y, 120, 80)
    canv.showPage()
    assert XP.draw_picture(canv, journey, "t1", 50, 50, 60, 40)
    canv.save()
    pdf = out.getvalue()
    assert image_count(pdf) == 1 and pdf.count(b"Do") >= 3


def test_a_damaged_picture_is_left_out_of_the_report_not_fatal():
    journey = map_with_pictures()
    clean = image_count(render_report(journey, sections=["stages"]))
    # The model's cheap check passes a JPEG signature; only decoding finds the rest.
    journey.set_fields("t3", picture=b64(b"\xff\xd8\xff" + b"\0" * 300))
    assert image_count(render_report(journey, sections=["stages"])) == clean > 0


def test_the_report_without_pictures_has_no_gallery():
    journey = map_with_pictures()
    for tp in ("t1", "t2"):
        journey.set_fields(tp, picture="")
    pdf = render_report(journey, sections=["stages"])
    assert image_count(pdf) == 0


def pdf_text(tmp_path: Path, pdf: bytes) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_poppler
@pytest.mark.parametrize("lang,heading,title", [("en", "Pictures", "Till"),
                                                ("he", "תמונות", "קופה")])
def test_the_report_shows_a_gallery_of_the_pictures_with_their_titles(
        tmp_path, lang, heading, title):
    pdf = render_report(map_with_pictures(lang), sections=["stages"])
    assert image_count(pdf) >= 2
    text = pdf_text(tmp_path, pdf)
    gallery = text[text.index(heading):]
    assert title in gallery
    (tmp_path / "r.pdf").write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "r.pdf")],
                             capture_output=True, text=True, check=True).stdout
    assert " jpeg " in listing  # the JPEG went in as it is, not decoded again


def test_the_image_lane_on_the_map_pages_draws_the_pictures():
    journey = map_with_pictures()
    journey.add_lane("image")
    with_lane = render_report(journey, sections=["map"])
    assert image_count(with_lane) >= 2  # the till's and the shelf's (a PNG adds its mask)
    journey.remove([n for n in journey.lanes() if journey.lane(n)["lane_kind"] == "image"][0])
    assert image_count(render_report(journey, sections=["map"])) == 0
