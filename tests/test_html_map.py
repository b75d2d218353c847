"""The interactive HTML map, read as HTML (html.parser): what the page holds, in which
language and direction, that user text stays text, and that it asks no server for
anything.  The page in a real browser: test_html_map_browser.py."""

import base64
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from cxdesigner.cli import main
from cxdesigner.export.html_map import CSP, HtmlExportError, build_html, export_html
from cxdesigner.export.html_picture import picture_url
from cxdesigner.fileformat import cxmap
from cxdesigner.model import schema as S
from cxdesigner.model.journey import JourneyMap
from cxdesigner.resources_path import resource

HOSTILE = '<script>alert("x")</script> & "quotes"'
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * 40).decode()


class Page(HTMLParser):
    """The elements (tag, attrs) and the text of a page, scripts' text apart."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)

    def all_text(self) -> str:
        return "".join(self.text)

    def find(self, tag: str) -> list[dict]:
        return [a for t, a in self.elements if t == tag]


def sample(language: str) -> JourneyMap:
    return cxmap.load(resource("samples", f"bakery-{language}.cxmap")).journey


def hostile_map() -> JourneyMap:
    j = JourneyMap({"title": HOSTILE})
    j.add_stage(HOSTILE, id="s1")
    j.add_stage("Empty stage", id="s2")
    j.add_touchpoint("s1", HOSTILE, id="t1", description=HOSTILE, evidence="</script>")
    j.add_note("pain_point", HOSTILE, on="t1", id="n1", impact=4, effort=2)
    j.add_action(HOSTILE, addresses=["n1"], id="a1")
    j.add_persona(HOSTILE, id="p1")
    return j


@pytest.fixture(scope="module")
def english():
    j = sample("en")
    return j, Page(build_html(j))


def test_every_stage_touchpoint_and_note_title_is_in_the_page(english):
    j, page = english
    text = page.all_text()
    titles = [j.title(n) for kind in (S.STAGE, S.TOUCHPOINT, S.NOTE) for n in j.ids(kind)]
    assert len(titles) > 50
    assert [t for t in titles if t not in text] == []


def test_a_script_in_a_title_stays_text(tmp_path):
    html = build_html(hostile_map())
    page = Page(html)
    assert len(page.find("script")) == 2  # the data and the page's own script, no more
    assert HOSTILE in page.all_text()
    assert html.count("<script") == 2 and html.count("</script>") == 2
    data = json.loads(page.scripts[0])  # the JSON survives, with the text as typed
    assert data["tps"]["t1"]["title"] == HOSTILE
    assert data["tps"]["t1"]["evidence"] == "</script>"
    assert data["notes"]["n1"]["actions"][0]["title"] == HOSTILE


def test_a_title_cannot_open_an_attribute(tmp_path):
    page = Page(build_html(hostile_map()))
    card = next(a for t, a in page.elements if t == "button" and a.get("data-tp") == "t1")
    assert HOSTILE in card["aria-label"]
    assert not any(k.startswith("on") for _, a in page.elements for k in a)


def test_an_english_map_is_left_to_right_and_a_hebrew_one_right_to_left(english):
    html_attrs = english[1].find("html")[0]
    assert (html_attrs["lang"], html_attrs["dir"]) == ("en", "ltr")
    he = Page(build_html(sample("he"))).find("html")[0]
    assert (he["lang"], he["dir"]) == ("he", "rtl")


def test_a_hebrew_page_speaks_hebrew():
    text = Page(build_html(sample("he"))).all_text()
    for word in ("נקודת כאב", "תוכנית הפעולה לפי עדיפות", "ניתוח SWOT", "הגדלה"):
        assert word in text or word in build_html(sample("he"))
    assert "Pain point" not in text and "Zoom" not in text


def test_the_page_links_to_nothing_outside_itself(english):
    page = english[1]
    srcs = [a["src"] for _, a in page.elements if "src" in a]
    hrefs = [a["href"] for _, a in page.elements if "href" in a]
    assert all(s.startswith("data:") for s in srcs)
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert page.find("link") == [] and page.find("iframe") == []
    html = build_html(english[0])
    assert not re.search(r"https?://", html)
    assert "@import" not in html


def test_a_content_security_policy_forbids_every_request(english):
    metas = [a for a in english[1].find("meta") if a.get("http-equiv") ==
             "Content-Security-Policy"]
    assert [m["content"] for m in metas] == [CSP]
    assert "default-src 'none'" in CSP and "img-src data:" in CSP


def test_cards_are_buttons_in_journey_order(english):
    j, page = english
    cards = [a["data-tp"] for t, a in page.elements if t == "button" and "data-tp" in a]
    assert cards == j.journey_order()


def test_the_outline_has_a_heading_per_stage_and_a_list_item_per_touchpoint():
    j = sample("en")
    html = build_html(j)
    outline = html[html.index('class="outline"'):html.index('class="plan"')]
    assert outline.count("<li class=\"stage-item\"><h3>") == j.count(S.STAGE)
    assert outline.count('<li value="') == j.count(S.TOUCHPOINT)


def test_each_persona_has_its_emotion_curve(english):
    j, page = english
    curves = [a["data-persona"] for t, a in page.elements if a.get("class") == "curve"]
    assert curves == [S.GENERAL, *j.ids(S.PERSONA)]


def test_an_empty_stage_shows_with_its_band_and_its_outline_entry():
    page = Page(build_html(hostile_map()))
    groups = [a["aria-label"] for t, a in page.elements if a.get("role") == "group"]
    assert groups[1].endswith("Empty stage")
    assert "No touchpoints in this stage." in page.all_text()


def test_the_plan_and_the_swot_board_are_under_the_map():
    text = Page(build_html(hostile_map())).all_text()
    assert "Prioritised action plan" in text and "Strengths" in text
    assert text.index("Prioritised action plan") < text.index("Threats")


def test_lanes_show_their_titles_cells_marks_and_the_blueprint_lines():
    j = cxmap.load(resource("templates", "service-blueprint-en.cxmap")).journey
    lanes = [n for n in j.lanes() if j.lane(n)["lane_kind"] != S.EMOTION_LANE]
    assert lanes
    text = Page(build_html(j)).all_text()
    for lane in lanes:
        assert (j.lane(lane)["title"] or "") in text
        for tp in j.journey_order():
            assert j.cell(tp, lane) in text
    assert "Line of visibility" in text
    assert "Fail point" in text and "Wait point" in text


def test_a_picture_is_inlined_only_when_it_is_a_png_or_a_jpeg():
    assert picture_url({"picture": PNG}) == f"data:image/png;base64,{PNG}"
    jpeg = base64.b64encode(b"\xff\xd8\xff\xe0" + b"\0" * 20).decode()
    assert picture_url({"picture": jpeg}).startswith("data:image/jpeg;base64,")
    assert picture_url({"picture": base64.b64encode(b"GIF89a....").decode()}) is None
    assert picture_url({"picture": 'x" onerror="alert(1)'}) is None
    assert picture_url({}) is None


def test_fonts_are_the_systems_unless_embedded():
    j = hostile_map()
    assert "@font-face" not in build_html(j)
    embedded = build_html(j, {"embed_fonts": True})
    assert embedded.count("@font-face") == 2 and "url(data:font/ttf;base64," in embedded


def test_an_unknown_persona_is_refused():
    with pytest.raises(HtmlExportError, match="not a persona"):
        build_html(hostile_map(), {"persona": "nobody"})


def test_the_chosen_persona_is_selected_first():
    page = Page(build_html(hostile_map(), {"persona": "p1"}))
    chosen = [a for a in page.find("option") if "selected" in a]
    assert [a["value"] for a in chosen] == ["p1"]


def test_cli_export_html_and_mermaid_write_both_files(tmp_path, capsys):
    path = tmp_path / "m.cxmap"
    cxmap.save(sample("en"), path)
    code = main(["export", str(path), "--html", str(tmp_path / "m.html"),
                 "--mermaid", str(tmp_path / "m.md")])
    out = capsys.readouterr().out
    assert code == 0 and "m.html" in out and "m.md" in out
    assert (tmp_path / "m.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "```mermaid\njourney\n" in (tmp_path / "m.md").read_text("utf-8")


def test_cli_export_html_into_a_missing_folder_is_one_line_not_a_traceback(tmp_path, capsys):
    path = tmp_path / "m.cxmap"
    cxmap.save(hostile_map(), path)
    code = main(["export", str(path), "--html", str(tmp_path / "no" / "m.html")])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and "folder" in err


def test_export_html_writes_the_page(tmp_path):
    out = export_html(hostile_map(), tmp_path / "page.html")
    assert out.read_text("utf-8") == build_html(hostile_map())


def test_html_and_mermaid_exports_never_import_qt(tmp_path):
    path = tmp_path / "m.cxmap"
    cxmap.save(hostile_map(), path)
    code = ("import sys; from cxdesigner.cli import main; "
            f"main(['export', {str(path)!r}, '--html', {str(tmp_path / 'm.html')!r}, "
            f"'--mermaid', {str(tmp_path / 'm.md')!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_the_pages_own_words_exist_in_both_languages_and_hebrew_is_hebrew():
    from cxdesigner.export.html_map import WORDS

    assert set(WORDS["en"]) == set(WORDS["he"])
    # Latin in Hebrew only for the keys the help names and the acronyms Hebrew keeps.
    latin = {w for v in WORDS["he"].values()
             for w in re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", v))}
    assert latin <= {"Tab", "Enter", "CX", "Designer", "SWOT"}


def pictured_map() -> JourneyMap:
    from PIL import Image

    from cxdesigner.model import pictures

    out = io.BytesIO()
    Image.new("RGB", (120, 80), "#c0392b").save(out, "PNG")
    j = JourneyMap({"title": "Pictures"})
    j.add_stage("Visit", id="s1")
    j.add_touchpoint("s1", "The shop window", id="t1",
                     picture=pictures.prepare(out.getvalue()))
    return j


def test_a_touchpoints_picture_is_on_its_card_once():
    j = pictured_map()
    html = build_html(j)
    thumbs = [a for t, a in Page(html).elements if t == "img" and a.get("class") == "thumb"]
    assert len(thumbs) == 1 and thumbs[0]["src"].startswith("data:image/")
    assert html.count(j.get("t1")["picture"]) == 1  # not again in the details' data
