"""The client report: assembles the sections into one PDF and writes it atomically.

    build_report(journey, path, paper="a4", sections=None, persona=None, branding=None)

Everything is drawn in one pass.  What can only be known at the end (the number of
pages, and the page each contents entry landed on) is drawn into PDF form objects that
the pages reference and that are filled in just before the file is closed.  The PDF is
made in memory, and replaces ``path`` only when complete.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak,
                                PageTemplate, Spacer)

from ..model import JourneyMap
from ..model import schema as S
from ..model.gc_pause import collector_paused
from . import blueprint, fonts, pictures, progress, rtl, sections, visuals
from .context import FAINT, MUTED, RULE, WHITE, Ctx, Theme, mix
from .flowables import Contents, P, contents_form, lay_out, draw_lines
from .labels import Labels
from .options import (Branding, ReportError, check_accent, check_logo,
                      check_paper, parse_sections)
from .rtl import Style

PAGES = {"a4": A4, "letter": LETTER}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 50.0, 50.0, 58.0
WIDE_X, WIDE_TOP, WIDE_BOTTOM = 36.0, 34.0, 46.0  # landscape pages (the map)
LANDSCAPE_SECTIONS = ("map", "blueprint")  # wide: the blueprint's tables have a column a touchpoint


@dataclass
class Report:
    """What was written."""
    path: Path | None
    pages: int
    size: int
    notes: list[str] = field(default_factory=list)


def build_report(journey: JourneyMap, path: str | os.PathLike[str], paper: str = "a4",
                 sections: str | list[str] | tuple[str, ...] | None = None,
                 persona: str | None = None, branding: Branding | None = None,
                 since: str | None = None) -> Report:
    """Write the report of ``journey`` to ``path`` (PDF).  Raises ``ReportError`` with a
    message for the user; on any failure an existing file at ``path`` is untouched."""
    from ..fileformat import FileFormatError
    from ..fileformat.files import write_atomic  # atomic, through links, never a device

    path = Path(path)
    if path.is_dir():
        raise ReportError(f"{path} is a folder; give the PDF file to write.")
    data, report = _render(journey, paper, sections, persona, branding, since)
    try:
        write_atomic(path, data, backup=False)
    except FileFormatError as exc:
        raise ReportError(f"{path}: " + exc.message.replace(  # say where, too
            "Could not save", "Could not write the report")) from None
    report.path = path
    return report


def render_report(journey: JourneyMap, paper: str = "a4",
                  sections: str | list[str] | tuple[str, ...] | None = None,
                  persona: str | None = None, branding: Branding | None = None,
                  since: str | None = None) -> bytes:
    """The report as PDF bytes (what ``build_report`` writes).  ``since``: the
    snapshot the progress section compares with (default the latest)."""
    return _render(journey, paper, sections, persona, branding, since)[0]


# ------------------------------------------------------------------ making
def _render(journey, paper, chosen, persona, branding, since=None) -> tuple[bytes, Report]:
    paper = check_paper(paper)
    chosen = parse_sections(chosen)
    branding = branding or Branding()
    accent = check_accent(branding.accent)
    persona = persona or S.GENERAL
    if persona != S.GENERAL and (persona not in journey
                                 or journey.kind_of(persona) != S.PERSONA):
        raise ReportError(f"{persona!r:.60} is not a persona of this map.")
    try:
        since = progress.snapshot_for(journey, since)
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    logo = _logo(branding.logo) if branding.logo is not None and "cover" in chosen else None
    fonts.register()
    doc_fields = journey.document
    ctx = Ctx(journey, Labels(doc_fields["language"]), Theme(accent), persona=persona,
              today=branding.date or _dt.date.today())
    ctx.consultant = ctx.t(branding.consultant if branding.consultant is not None
                           else doc_fields["author"])
    ctx.numbers = {tp: i for i, tp in enumerate(journey.journey_order(), 1)}
    ctx.since = since
    _scan(journey, ctx.tally)
    builder = _Builder(ctx, paper, chosen, logo)
    return builder.run()


@contextlib.contextmanager
def _binary_streams():
    """Compressed streams without the ASCII85 layer: smaller files, and ReportLab's
    pure-Python ASCII85 encoder was a fifth of the time of a large report."""
    from reportlab import rl_config

    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def _scan(journey: JourneyMap, tally: fonts.Tally) -> None:
    """Count, once, the characters of the map the report font cannot show."""
    seen: set[str] = set()
    values = [v for v in journey.document.values() if isinstance(v, str)]
    for _, attrs in journey.graph.nodes(data=True):
        values += [v for v in attrs.values() if isinstance(v, str)]
    for value in values:
        if value and value not in seen:
            seen.add(value)
            fonts.clean(value, tally)


def _logo(path) -> ImageReader:
    path, kind, _, _ = check_logo(path)
    try:
        reader = ImageReader(str(path))
        reader.getSize()
        if kind == "png":
            reader.getRGBData()  # decode now: a damaged file fails here, not mid-report
    except Exception:  # PIL raises many kinds for a damaged image
        raise ReportError(f"The logo {path.name!r} could not be read as a {kind.upper()} "
                          "image; it may be damaged.") from None
    return reader


class _Builder:
    def __init__(self, ctx: Ctx, paper: str, chosen: tuple[str, ...], logo) -> None:
        # No lane holds cells, or no review to compare with: no such section, nor its
        # contents line; unless it is all the report was asked for, when it says why.
        empty = {k for k in ("blueprint", "progress") if k in chosen and (
            not blueprint.has_blueprint(ctx.journey) if k == "blueprint" else ctx.since is None)}
        if empty and set(chosen) - empty:
            chosen = tuple(k for k in chosen if k not in empty)
        self.ctx, self.chosen, self.logo = ctx, chosen, logo
        self.portrait = PAGES[paper]
        self.wide = landscape(PAGES[paper])
        self.footers: list[tuple[int, tuple[float, float]]] = []
        j = ctx.journey
        self.title = ctx.t(j.document["title"]) or ctx.labels("untitled")

    # the document
    def run(self) -> tuple[bytes, Report]:
        buf = io.BytesIO()
        ctx = self.ctx
        doc = BaseDocTemplate(
            buf, pagesize=self.portrait, title=fonts.one_line(self.title),
            author=fonts.one_line(ctx.consultant), subject=ctx.labels("report_kind"),
            creator="CX Designer", leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, allowSplitting=1)
        pw, ph = self.portrait
        lw, lh = self.wide
        body = Frame(MARGIN_X, MARGIN_BOTTOM, pw - 2 * MARGIN_X, ph - MARGIN_TOP - MARGIN_BOTTOM,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        wide = Frame(WIDE_X, WIDE_BOTTOM, lw - 2 * WIDE_X, lh - WIDE_TOP - WIDE_BOTTOM,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="wide")
        cover = Frame(0, 0, pw, ph, leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0, id="cover")
        templates = {
            "cover": PageTemplate("cover", [cover], onPage=self._cover, pagesize=self.portrait),
            "portrait": PageTemplate("portrait", [body], onPage=self._footer,
                                     pagesize=self.portrait),
            "landscape": PageTemplate("landscape", [wide], onPage=self._footer,
                                      pagesize=self.wide),
        }
        first = self._first_template()
        doc.addPageTemplates([templates[first]] + [t for k, t in templates.items()
                                                   if k != first])
        self.frames = {"portrait": (body._width, body._height),
                       "landscape": (wide._width, wide._height)}
        # The collector is paused while the story is made, too: it makes tens of
        # thousands of objects that all stay alive until the end.
        with _binary_streams(), collector_paused():
            story = self._story()
            doc.build(story, canvasmaker=self._canvas_class())
        data = buf.getvalue()
        notes = []
        if ctx.tally.replaced:
            notes.append(ctx.labels("replaced_chars", n=sum(ctx.tally.replaced.values()),
                                    sample=ctx.tally.sample()))
        if ctx.tally.emoji:
            notes.append(ctx.labels("dropped_emoji", n=ctx.tally.emoji))
        return data, Report(None, self.pages, len(data), notes)

    def _story(self) -> list:
        ctx = self.ctx
        story: list = []
        current = None
        body_sections = [s for s in self.chosen if s not in ("cover", "contents")]
        # Build the sections first: what they find (characters the font lacks) is told
        # in the contents, which comes before them.
        built = {}
        for key in body_sections:
            orient = "landscape" if key in LANDSCAPE_SECTIONS else "portrait"
            built[key] = (orient, self._section(key, orient))
        if "cover" in self.chosen:
            story.append(Spacer(1, 1))
            current = "cover"
        if "contents" in self.chosen:
            story += self._turn(current, "portrait")
            current = "portrait"
            story += self._contents(body_sections)
            story += sections.report_notes(ctx)
        notes_told = "contents" in self.chosen
        for key in body_sections:
            orient, flowables = built[key]
            story += self._turn(current, orient)
            current = orient
            story += flowables
            if not notes_told:
                story += sections.report_notes(ctx)
                notes_told = True
        if current is None:  # nothing chosen but the notes: still a valid document
            story.append(Spacer(1, 1))
        return story

    def _first_template(self) -> str:
        if not self.chosen:  # only a blueprint was asked for, and the map has none
            return "portrait"
        first = self.chosen[0]
        if first == "cover":
            return "cover"
        return "landscape" if first in LANDSCAPE_SECTIONS else "portrait"

    def _turn(self, current: str | None, orient: str) -> list:
        if current is None:  # the first page already has the right template
            return []
        return [NextPageTemplate(orient), PageBreak()]

    def _section(self, key: str, orient: str) -> list:
        ctx = self.ctx
        w, h = self.frames[orient]
        if key == "summary":
            found = sections.summary(ctx)  # the next review under the key figures
            at = next(i for i, f in enumerate(found) if isinstance(f, sections.Tiles)) + 1
            return found[:at] + progress.review_line(ctx) + found[at:]
        if key == "progress":
            return progress.progress(ctx)
        if key == "map":
            return visuals.journey_map(ctx, w, h)
        if key == "curve":
            return visuals.emotion_curves(ctx)
        if key == "stages":  # the touchpoints' pictures close the stages
            return sections.stages(ctx) + pictures.gallery(ctx, w)
        if key == "blueprint":
            return blueprint.blueprint(ctx)
        if key == "swot":
            return sections.swot(ctx)
        if key == "matrix":
            return visuals.priority_matrix(ctx)
        if key == "plan":
            return sections.action_plan(ctx)
        if key == "personas":
            return sections.personas(ctx)
        raise AssertionError(key)

    def _contents(self, body_sections: list[str]) -> list:
        ctx, L, th = self.ctx, self.ctx.labels, self.ctx.theme
        entries = []
        stages = ctx.journey.stages()
        for key in body_sections:
            entries.append((key, progress.title(ctx) if key == "progress" else L(key), 0))
            if key == "stages" and len(stages) <= 12:
                for i, stage in enumerate(stages, 1):
                    title = ctx.title(stage)
                    label = L("stage_n", n=i)
                    entries.append((f"stage-{i}", f"{label} \u00b7 {title}" if title else label,
                                    1))
        styles = (Style(fonts.BOLD, 11.0, th.dark), Style(fonts.REGULAR, 9.2, MUTED))
        return [sections.section_heading(ctx, "contents"),
                Contents(entries, styles, "#b9c1ca", ctx.rtl, ctx.page_refs)]

    # pages
    def _cover(self, canv, doc) -> None:
        canv.showOutline()
        ctx, L, th = self.ctx, self.ctx.labels, self.ctx.theme
        j = ctx.journey
        is_rtl = ctx.rtl
        w, h = self.portrait
        margin = 56.0
        inner = w - 2 * margin
        canv.bookmarkPage("cover")
        canv.addOutlineEntry(fonts.one_line(self.title)[:200], "cover", 0)
        # the coloured block with the title
        top, bottom = h * 0.80, h * 0.42
        canv.setFillColor(rtl.color(th.accent))
        canv.rect(0, bottom, w, top - bottom, stroke=0, fill=1)
        canv.setFillColor(rtl.color(th.dark))
        canv.rect(0, bottom, w, 6, stroke=0, fill=1)
        kind = L("report_kind")
        kind = kind.upper() if L.lang == "en" else kind
        y = top - 44
        rtl.draw_line(canv, [(kind, Style(fonts.BOLD, 10.0, mix(th.accent, WHITE, 0.6)))],
                      margin, y, inner, is_rtl)
        title_style = Style(fonts.BOLD, 27.0, WHITE)
        lines = lay_out([P([(self.title, title_style)], leading=33.0, max_lines=4)], inner,
                        is_rtl)
        y -= 22
        draw_lines(canv, lines, margin, y, inner, is_rtl)
        y -= sum(line.height for line in lines) + 14
        client = ctx.t(j.document["client"])
        if client:
            sub = lay_out([P([(client, Style(fonts.REGULAR, 14.0, mix(th.accent, WHITE, 0.85)))],
                             max_lines=2)], inner, is_rtl)
            draw_lines(canv, sub, margin, y, inner, is_rtl)
        # the details below
        rows = [(L("client"), client), (L("consultant"), ctx.consultant),
                (L("date"), L.date(ctx.today)), (L("next_review"), progress.next_review_text(ctx))]
        y = bottom - 52
        label_w = 120.0
        for label, value in rows:
            if not value:
                continue
            label_x = w - margin - label_w if is_rtl else margin
            value_x = margin if is_rtl else margin + label_w
            rtl.draw_line(canv, [(label, Style(fonts.BOLD, 9.5, MUTED))], label_x, y, label_w,
                          is_rtl)
            vl = lay_out([P([(value, Style(fonts.REGULAR, 11.5, "#1d2530"))], max_lines=2)],
                         inner - label_w, is_rtl)
            draw_lines(canv, vl, value_x, y + 11.5, inner - label_w, is_rtl)
            y -= max(26.0, sum(line.height for line in vl) + 10)
        if self.logo is not None:
            lw_, lh_ = self.logo.getSize()
            box_w, box_h = 150.0, 70.0
            scale = min(box_w / lw_, box_h / lh_)
            dw, dh = lw_ * scale, lh_ * scale
            lx = margin if is_rtl else w - margin - dw
            canv.drawImage(self.logo, lx, h - 40 - dh, dw, dh, mask="auto")
        canv.setStrokeColor(rtl.color(RULE))
        canv.setLineWidth(0.6)
        canv.line(margin, 54, w - margin, 54)
        rtl.draw_line(canv, [(L("made_with"), Style(fonts.REGULAR, 7.5, FAINT))], margin, 40,
                      inner, is_rtl)

    def _footer(self, canv, doc) -> None:
        canv.showOutline()
        n = canv.getPageNumber()
        self.footers.append((n, tuple(canv._pagesize)))
        canv.doForm(f"cxfoot{n}")

    def _finish(self, canv) -> None:
        """Draw what only the end knows: footers with the page count, contents pages."""
        total = canv.getPageNumber() - 1
        self.pages = total
        ctx, L = self.ctx, self.ctx.labels
        is_rtl = ctx.rtl
        style = Style(fonts.REGULAR, 7.4, MUTED)
        title = fonts.one_line(self.title)
        for n, (w, h) in self.footers:
            canv.beginForm(f"cxfoot{n}", 0, 0, w, h)
            landscape_page = w > h
            mx = WIDE_X if landscape_page else MARGIN_X
            y = (WIDE_BOTTOM if landscape_page else MARGIN_BOTTOM) - 26
            canv.setStrokeColor(rtl.color(RULE))
            canv.setLineWidth(0.5)
            canv.line(mx, y + 11, w - mx, y + 11)
            page = [(L("page_of", n=n, m=total), style)]
            pw = rtl.runs_width(rtl.visual(page, is_rtl))
            rtl.draw_line(canv, page, mx, y, w - 2 * mx, is_rtl, "end")
            room = w - 2 * mx - pw - 24
            rtl.draw_line(canv, rtl.fit([(title, style)], room), mx if not is_rtl else
                          mx + pw + 24, y, room, is_rtl, "start")
            canv.endForm()
        number = Style(fonts.REGULAR, 10.0, MUTED)
        badge = Style(fonts.BOLD, 7.5, WHITE)
        for key in dict.fromkeys(ctx.page_refs):
            canv.beginForm(contents_form(key), -80, -10, 80, 30)
            target = key[:-len("@badge")] if key.endswith("@badge") else key
            page = ctx.pages.get(target)
            label = [(str(page) if page else "\u2013", number)]
            if key != target:  # a page number in a badge on the map overview
                rtl.draw_line(canv, [(label[0][0], badge)], -10, 0, 20, False, "center")
            elif is_rtl:
                rtl.draw_line(canv, label, 0, 0, 34, False, "start")
            else:
                rtl.draw_line(canv, label, -34, 0, 34, False, "end")
            canv.endForm()

    def _canvas_class(self):
        finish = self._finish

        class ReportCanvas(Canvas):
            def __init__(self, *args, **kwargs):
                # Never Helvetica: every page starts in the embedded font.
                kwargs["initialFontName"] = fonts.REGULAR
                kwargs["initialFontSize"] = 9
                super().__init__(*args, **kwargs)

            def save(self):
                finish(self)
                super().save()

        return ReportCanvas
