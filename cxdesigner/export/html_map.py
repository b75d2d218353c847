"""The interactive HTML map: one self-contained file a consultant can e-mail (no Qt).

    from cxdesigner.export.html_map import export_html
    export_html(journey, "map.html", {"persona": None, "embed_fonts": False})

The file holds everything it shows: its style and script inline (``export/html/``),
pictures as ``data:`` URLs, and a Content-Security-Policy that forbids any request, so
it opens from an e-mail attachment with no network and cannot call home.  The map is
drawn from the shared layout (``html_picture``); behind it, for a screen reader and
for print, the same journey as headings and lists (stages, touchpoints, notes), the
prioritised plan (``model.plan``) and the SWOT board.  The details of each touchpoint
travel as JSON, which the script reads and shows with ``textContent`` only.

The page speaks the map's language (``<html lang="he" dir="rtl">`` for a Hebrew map),
with the words of ``model/vocabulary.py`` and ``export/labels.py`` and its own below.

Fonts: the system's (every desktop and phone that runs a current browser has Latin and
Hebrew fonts); ``embed_fonts`` inlines the bundled DejaVu Sans instead, at 2 MB more,
for a page that must look the same everywhere.  See docs/html-map.md.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
from dataclasses import dataclass
from importlib import resources as _resources
from pathlib import Path

from ..model import layout as L
from ..model import plan as P
from ..model import schema as S
from .html_picture import MapPicture, bdi, esc, picture_url, signed
from .labels import EN, HE, NOTE_COLOURS, Labels

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; font-src data:")

# The page's own words, on top of the report's (``labels.py``).
WORDS = {
    "en": {"zoom_in": "Zoom in", "zoom_out": "Zoom out", "fit": "Fit the map",
           "persona_filter": "Emotions of", "kind_filter": "Notes shown",
           "close": "Close", "details": "Touchpoint details", "notes": "Notes",
           "pick_card": "Choose a touchpoint on the map to see its notes, measures and "
                        "actions.",
           "map_help": "Drag to move the map; scroll, or press + and \u2212, to zoom; 0 "
                       "fits it. Tab to a touchpoint and press Enter for its details.",
           "no_notes": "No notes on this touchpoint.", "touchpoint_n": "Touchpoint {n}",
           "description": "Description", "mode": "Kind of contact", "picture": "Picture",
           "journey_outline": "The journey, stage by stage", "made_on": "Exported {date}"},
    "he": {"zoom_in": "הגדלה", "zoom_out": "הקטנה", "fit": "התאמת המפה לחלון",
           "persona_filter": "הרגשות של", "kind_filter": "הערות מוצגות",
           "close": "סגירה", "details": "פרטי נקודת המגע", "notes": "הערות",
           "pick_card": "בחרו נקודת מגע במפה כדי לראות את ההערות, המדדים והפעולות שלה.",
           "map_help": "גררו כדי להזיז את המפה; גלגלו, או הקישו + ו־\u2212, כדי לשנות את "
                       "הגודל; 0 מתאים אותה לחלון. עברו עם Tab לנקודת מגע והקישו Enter "
                       "לפרטיה.",
           "no_notes": "אין הערות על נקודת המגע הזו.", "touchpoint_n": "נקודת מגע {n}",
           "description": "תיאור", "mode": "סוג המגע", "picture": "תמונה",
           "journey_outline": "המסע, שלב אחר שלב", "made_on": "יוצא ב־{date}"},
}
DOT = " \u00b7 "
SWOT = (("strengths", ("strength",)), ("weaknesses", ("weakness", "pain_point")),
        ("opportunities", ("opportunity",)), ("threats", ("threat",)))
SWOT_COLOURS = {"strengths": NOTE_COLOURS["strength"], "weaknesses": NOTE_COLOURS["weakness"],
                "opportunities": NOTE_COLOURS["opportunity"],
                "threats": NOTE_COLOURS["threat"]}


class HtmlExportError(Exception):
    """The page cannot be written: a message for the user; no file was changed."""


class PageWords(Labels):
    """The report's words and the page's own, in the map's language."""

    def table(self) -> dict[str, str]:
        return {**(HE if self.lang == "he" else EN), **WORDS[self.lang]}

    def _fallback(self, key: str) -> str:
        return {**EN, **WORDS["en"]}[key]


@dataclass(frozen=True)
class HtmlOptions:
    persona: str | None = None  # the persona whose emotions show first
    embed_fonts: bool = False  # inline DejaVu Sans (2 MB) instead of the system's fonts
    today: _dt.date | None = None  # for overdue actions and the date line (tests)

    @classmethod
    def of(cls, options) -> HtmlOptions:
        if options is None:
            return cls()
        if isinstance(options, cls):
            return options
        return cls(**dict(options))


def export_html(journey, path, options=None) -> Path:
    """Write the interactive map of ``journey`` to ``path`` (atomically)."""
    from ..fileformat.errors import FileFormatError
    from ..fileformat.files import write_atomic

    data = build_html(journey, options).encode("utf-8")
    try:
        write_atomic(path, data, backup=False)
    except FileFormatError as exc:
        raise HtmlExportError(str(exc)) from None
    return Path(path)


def build_html(journey, options=None) -> str:
    """The whole page as text."""
    opts = HtmlOptions.of(options)
    personas = journey.ids(S.PERSONA)
    if opts.persona is not None and opts.persona not in personas:
        raise HtmlExportError(f"{opts.persona!r:.60} is not a persona of this map.")
    words = PageWords(journey.document["language"])
    rtl = journey.document["direction"] == "rtl"
    today = opts.today or _dt.date.today()
    layout = L.compute(journey)
    numbers = {tp: i for i, tp in enumerate(layout.order, 1)}
    title = journey.document["title"] or words("untitled")
    picture = MapPicture(journey, layout, words, personas, numbers)
    body = [
        _header(journey, words, today),
        _toolbar(journey, words, personas, opts.persona),
        '<main>',
        f'<section class="map-section" aria-labelledby="map-h"><h2 id="map-h">'
        f'{esc(words("map"))}</h2><p class="help" id="map-help">{esc(words("map_help"))}</p>'
        f'<div class="map-wrap"><div class="viewport" id="viewport" tabindex="0" '
        f'role="region" aria-roledescription="map" aria-labelledby="map-h" '
        f'aria-describedby="map-help">{picture.html()}</div>',
        _details_pane(words),
        '</div></section>',
        _outline(journey, words, numbers),
        _plan(journey, words, today),
        _swot(journey, words),
        '</main>',
    ]
    data = _data(journey, words, numbers, personas, opts.persona, today)
    lang = words.lang
    return "".join([
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{"rtl" if rtl else "ltr"}"><head>'
        f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
        f'content="{CSP}"><meta name="viewport" content="width=device-width, '
        f'initial-scale=1"><meta name="generator" content="CX Designer">'
        f'<title>{esc(title)}</title><style>{_fonts(opts.embed_fonts)}{_asset("map.css")}'
        f'{print_fit(layout.bounds)}</style></head><body>',
        *body,
        f'<script type="application/json" id="map-data">{_json(data)}</script>',
        f'<script>{_asset("map.js")}</script></body></html>\n',
    ])


# The map's box on a printed A4 landscape page (277 x 190 mm inside the margins, in
# CSS pixels), under the page's heading.
PRINT_W, PRINT_H = 1030.0, 640.0


def print_fit(bounds: L.Rect) -> str:
    """Print CSS that fits the whole map on its page.  Computed here from the layout,
    not in the script at ``beforeprint``: a browser printing to PDF need not fire it.
    ``zoom``, not a transform: chromium paginated the map's untransformed box (thousands
    of pixels wide) and shrank every printed page to half its size."""
    s = min(PRINT_W / max(bounds.w, 1.0), PRINT_H / max(bounds.h, 1.0), 1.0)
    return (f"@media print{{.viewport{{width:{bounds.w * s:.0f}px!important;"
            f"height:{bounds.h * s + 2:.0f}px!important}}.canvas{{transform:none!important;"
            f"zoom:{s:.5f}}}}}")


# --------------------------------------------------------------------- parts
def _header(journey, words: PageWords, today: _dt.date) -> str:
    doc = journey.document
    out = [f'<header class="top"><h1>{esc(doc["title"] or words("untitled"))}</h1>']
    facts = [(words("client"), doc["client"]), (words("consultant"), doc["author"])]
    shown = [f'<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>' for k, v in facts if v]
    if shown:
        out.append(f'<dl class="facts">{"".join(shown)}</dl>')
    if doc["goal"]:
        out.append(f'<p class="goal"><strong>{esc(words("goal"))}:</strong> '
                   f'{esc(doc["goal"])}</p>')
    out.append(f'<p class="made">{esc(words("made_on", date=words.date(today)))} \u00b7 '
               f'{esc(words("made_with"))}</p></header>')
    return "".join(out)


def _toolbar(journey, words: PageWords, personas: list[str], chosen: str | None) -> str:
    options = [f'<option value="{S.GENERAL}">{esc(words("all_customers"))}</option>']
    for p in personas:
        sel = " selected" if p == chosen else ""
        options.append(f'<option value="{esc(p)}"{sel}>'
                       f'{esc(journey.title(p) or words("untitled_persona"))}</option>')
    kinds = "".join(
        f'<label class="kind"><input type="checkbox" checked data-filter-kind="{k}">'
        f'<span class="swatch" style="background:{NOTE_COLOURS[k]}"></span>'
        f'{esc(words.note_kind(k))}</label>' for k in S.NOTE_KINDS)
    return (f'<nav class="toolbar" aria-label="{esc(words("legend"))}">'
            f'<label class="persona">{esc(words("persona_filter"))} <select id="persona">'
            f'{"".join(options)}</select></label>'
            f'<fieldset class="kinds"><legend>{esc(words("kind_filter"))}</legend>{kinds}'
            f'</fieldset><span class="zoom"><button type="button" id="zoom-out" '
            f'aria-label="{esc(words("zoom_out"))}" title="{esc(words("zoom_out"))}">'
            f'\u2212</button><button type="button" id="zoom-fit" title="{esc(words("fit"))}"'
            f'>{esc(words("fit"))}</button><button type="button" id="zoom-in" aria-label='
            f'"{esc(words("zoom_in"))}" title="{esc(words("zoom_in"))}">+</button></span>'
            f'</nav>')


def _details_pane(words: PageWords) -> str:
    return (f'<aside class="details" id="details" aria-labelledby="details-h" '
            f'aria-live="polite" tabindex="-1"><div class="details-head"><h2 id="details-h">'
            f'{esc(words("details"))}</h2><button type="button" id="details-close" '
            f'aria-label="{esc(words("close"))}" title="{esc(words("close"))}">\u00d7'
            f'</button></div><div id="details-body"><p class="muted">'
            f'{esc(words("pick_card"))}</p></div></aside>')


def _note_item(journey, words: PageWords, note: str, tag: str = "li") -> str:
    a = journey.get(note)
    kind = a["note_kind"]
    bits = []
    if a["impact"] is not None and a["effort"] is not None:
        bits.append(words("scores", impact=a["impact"], effort=a["effort"]))
    if a["votes"]:
        bits.append(words("votes", n=a["votes"]))
    extra = f' <span class="muted">({esc(DOT.join(bits))})</span>' if bits else ""
    return (f'<{tag} class="note" data-kind="{kind}"><span class="kind-tag" '
            f'style="background:{NOTE_COLOURS[kind]}">{esc(words.note_kind(kind))}</span> '
            f'{bdi(a["title"] or words("untitled_note"))}{extra}</{tag}>')


def _outline(journey, words: PageWords, numbers: dict[str, int]) -> str:
    out = [f'<section class="outline" aria-labelledby="outline-h"><h2 id="outline-h">'
           f'{esc(words("journey_outline"))}</h2>']
    wide = journey.notes_on(None)
    if wide:
        out.append(f'<h3>{esc(words("map_notes"))}</h3><ul class="notes">'
                   + "".join(_note_item(journey, words, n) for n in wide) + "</ul>")
    out.append('<ol class="stages">')
    for i, stage in enumerate(journey.stages(), 1):
        title = journey.title(stage) or words("untitled_stage")
        out.append(f'<li class="stage-item"><h3>{esc(words("stage_n", n=i))}: {bdi(title)}</h3>')
        desc = journey.get(stage)["description"]
        if desc:
            out.append(f'<p>{esc(desc)}</p>')
        notes = journey.notes_on(stage)
        if notes:
            out.append(f'<h4>{esc(words("stage_notes"))}</h4><ul class="notes">'
                       + "".join(_note_item(journey, words, n) for n in notes) + "</ul>")
        tps = journey.touchpoints_in(stage)
        if not tps:
            out.append(f'<p class="muted">{esc(words("no_touchpoints"))}</p></li>')
            continue
        out.append('<ol class="touchpoints">')
        for tp in tps:
            a = journey.get(tp)
            value = journey.emotion(tp)
            feel = (f' <span class="muted">\u00b7 {esc(words.emotion(value))} '
                    f'<span dir="ltr">{signed(value)}</span></span>') if value is not None else ""
            out.append(f'<li value="{numbers[tp]}"><h4><a href="#card-{esc(tp)}" '
                       f'data-open="{esc(tp)}">{bdi(a["title"] or words("untitled_touchpoint"))}'
                       f'</a></h4><p class="muted">{esc(words.channel(a["channel"]))}{feel}</p>')
            notes = journey.notes_on(tp)
            if notes:
                out.append('<ul class="notes">' + "".join(
                    _note_item(journey, words, n) for n in notes) + "</ul>")
            out.append("</li>")
        out.append("</ol></li>")
    out.append("</ol></section>")
    return "".join(out)


def _plan(journey, words: PageWords, today: _dt.date) -> str:
    plan = P.derive(journey, today=today)
    out = [f'<section class="plan" aria-labelledby="plan-h"><h2 id="plan-h">'
           f'{esc(words("plan"))}</h2>']
    if not plan.branches:
        out.append(f'<p class="muted">{esc(words("no_plan"))}</p></section>')
        return "".join(out)
    out.append(f'<p class="muted">{esc(words("method", method=words.method(plan.method)))}</p>')
    out.append('<ol class="tree">')
    for branch in plan.branches:
        title = branch.title or (words("whole_journey") if branch.id is None
                                 else words("untitled_stage"))
        out.append(f'<li><h3><span class="num">{branch.number}</span> {bdi(title)}</h3><ol>')
        for note in branch.children:
            kind = journey.get(note.id)["note_kind"]
            out.append(f'<li data-kind="{kind}"><span class="num">{note.number}</span> '
                       + _note_item(journey, words, note.id, "span"))
            if note.children:
                out.append(_actions(journey, words, note.children))
            else:
                out.append(f' <span class="muted">{esc(words("no_actions"))}</span>')
            out.append("</li>")
        out.append("</ol></li>")
    out.append("</ol></section>")
    return "".join(out)


def _actions(journey, words: PageWords, nodes: list) -> str:
    out = ['<ol class="actions">']
    for node in nodes:
        a = journey.get(node.id)
        facts = esc(DOT.join([words.status(a["status"]), a["owner"] or words("no_owner")]))
        if a["due"]:  # a date reads left to right in Hebrew text too, on one line
            facts += f'{DOT}{esc(words("due"))} <span class="date" dir="ltr">{a["due"]}</span>'
        flag = (f' <strong class="overdue">{esc(words("overdue"))}</strong>'
                if node.overdue else "")
        out.append(f'<li><span class="num">{node.number}</span> '
                   f'{bdi(a["title"] or words("untitled"))} <span class="muted">('
                   f'{facts})</span>{flag}')
        if node.children:
            out.append(_actions(journey, words, node.children))
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def _swot(journey, words: PageWords) -> str:
    order = {s.note: i for i, s in enumerate(journey.ranked_scores())}
    nodes = {n: journey.get(n) for n in journey.ids(S.NOTE)}
    out = [f'<section class="swot" aria-labelledby="swot-h"><h2 id="swot-h">'
           f'{esc(words("swot"))}</h2><div class="swot-grid">']
    for key, kinds in SWOT:
        notes = sorted((n for n, a in nodes.items() if a["note_kind"] in kinds),
                       key=lambda n: (order.get(n, 10 ** 9), -nodes[n]["votes"],
                                      nodes[n]["title"], n))
        out.append(f'<div class="quadrant" style="border-color:{SWOT_COLOURS[key]}">'
                   f'<h3 style="background:{SWOT_COLOURS[key]}">{esc(words(key))} '
                   f'<span class="count">{len(notes)}</span></h3>')
        if notes:
            out.append('<ul class="notes">' + "".join(
                _note_item(journey, words, n) for n in notes) + "</ul>")
        else:
            out.append(f'<p class="muted">{esc(words("none_yet"))}</p>')
        out.append("</div>")
    out.append("</div></section>")
    return "".join(out)


# ---------------------------------------------------------------------- data
def _data(journey, words: PageWords, numbers, personas, chosen, today) -> dict:
    """What the details pane and the persona filter read (shown as text only)."""
    tps, notes = {}, {}
    for tp in numbers:
        a = journey.get(tp)
        ids = journey.notes_on(tp)
        tps[tp] = {
            "n": numbers[tp], "title": a["title"] or words("untitled_touchpoint"),
            "stage": journey.title(journey.stage_of(tp)) or words("untitled_stage"),
            "channel": words.channel(a["channel"]), "mode": words.mode(a["mode"]),
            "owner": a["owner"], "description": a["description"], "evidence": a["evidence"],
            "nps": a["nps"], "csat": a["csat"], "kpi": a["kpi"],
            "emotions": dict(a["emotions"]), "notes": ids,
            "picture": picture_url(a) is not None,  # the card's image (html_picture)
        }
        for n in ids:
            notes[n] = _note_data(journey, words, n, today)
    emotion_words = {v: words.emotion(v) for v in range(S.EMOTION_MIN, S.EMOTION_MAX + 1)}
    return {"tps": tps, "notes": notes, "persona": chosen or S.GENERAL,
            "personas": {p: journey.title(p) or words("untitled_persona") for p in personas},
            "general": S.GENERAL, "emotionWords": emotion_words,
            "words": {k: words(k) for k in (
                "channel", "mode", "owner", "description", "evidence", "nps", "csat", "kpi",
                "emotions", "notes", "no_notes", "action", "no_actions", "stage",
                "picture", "all_customers", "touchpoint_n", "emotion_lane", "overdue",
                "no_owner", "due")}}


def _note_data(journey, words: PageWords, note: str, today: _dt.date) -> dict:
    a = journey.get(note)
    actions = []
    for act in journey.actions_for(note):
        b = journey.get(act)
        actions.append({"title": b["title"] or words("untitled"),
                        "status": words.status(b["status"]), "owner": b["owner"],
                        "due": b["due"] or "", "overdue": P.is_overdue(journey, act, today),
                        "order": b["order"]})
    actions.sort(key=lambda x: (x["order"], x["title"]))
    scores = []
    if a["impact"] is not None and a["effort"] is not None:
        scores.append(words("scores", impact=a["impact"], effort=a["effort"]))
    if a["confidence"] is not None:
        scores.append(words("confidence", n=a["confidence"]))
    if a["votes"]:
        scores.append(words("votes", n=a["votes"]))
    return {"title": a["title"] or words("untitled_note"), "kind": a["note_kind"],
            "kindLabel": words.note_kind(a["note_kind"]),
            "colour": NOTE_COLOURS[a["note_kind"]], "description": a["description"],
            "scores": " \u00b7 ".join(scores), "actions": actions}


def _json(data: dict) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` a title could
    use to close it, nor the two line separators older parsers choke on."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _asset(name: str) -> str:
    return _resources.files(__package__).joinpath("html", name).read_text("utf-8")


def _fonts(embed: bool) -> str:
    if not embed:
        return ""
    from .. import resources_path

    out = []
    for weight, name in ((400, "DejaVuSans.ttf"), (700, "DejaVuSans-Bold.ttf")):
        data = base64.b64encode(resources_path.resource("fonts", name).read_bytes()).decode()
        out.append(f'@font-face{{font-family:"CXD Sans";font-weight:{weight};src:url('
                   f'data:font/ttf;base64,{data}) format("truetype")}}')
    return "".join(out) + ':root{--font:"CXD Sans",system-ui,sans-serif}'
