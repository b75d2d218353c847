"""The text sections of the report: summary, stage by stage, SWOT, the prioritised
action plan and the personas.  Each builder returns platypus flowables."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ..model import analysis, plan
from ..model import schema as S
from .fonts import embed
from . import rtl
from .context import AMBER, FAINT, INK, MUTED, RED, RULE, WHITE, Ctx, mix
from .flowables import Block, Bookmark, Cell, Heading, P, Row, Table
from .labels import EMOTION_COLOURS, NO_EMOTION, NOTE_COLOURS, STATUS_COLOURS, signed
from .rtl import Style

PAIN_KINDS = ("pain_point", "weakness", "threat")


def section_heading(ctx: Ctx, key: str) -> Heading:
    return Heading(key, ctx.labels(key), ctx.theme.h1, ctx.rtl, 0, ctx.register,
                   rule=ctx.theme.accent, space_after=12.0)


def sub_heading(ctx: Ctx, key: str, title: str, level: int = 1, before: float = 10.0,
                room: float = 110.0) -> list:
    """A heading that starts a new page when less than ``room`` is left under it."""
    return [CondPageBreak(room), Heading(key, title, ctx.theme.h2, ctx.rtl, level,
                                         ctx.register, space_before=before, space_after=5.0)]


def minor_heading(ctx: Ctx, title: str, room: float = 80.0) -> list:
    return [CondPageBreak(room), Block([P([(title, ctx.theme.h3)], before=8.0, after=3.0)],
                                       ctx.rtl)]


def text(ctx: Ctx, value: str, style: Style | None = None, after: float = 4.0,
         **kw) -> Block:
    return Block([P([(ctx.t(value), style or ctx.theme.body)], after=after, **kw)], ctx.rtl)


def header_row(ctx: Ctx, titles: list[str], widths: list[float],
               aligns: list[str] | None = None) -> Row:
    style = Style(ctx.theme.small_bold.font, 7.6, ctx.theme.dark)
    aligns = aligns or ["start"] * len(titles)
    return Row([Cell([P([(t, style)], align=a, max_lines=2)]) for t, a in zip(titles, aligns)],
               widths, fill=ctx.theme.tint, rule=ctx.theme.tint_strong, keep=True)


def where(ctx: Ctx, note: str) -> str:
    """The touchpoint or stage a note is about, as the reader finds it."""
    j = ctx.journey
    target = j.target_of(note)
    if target is None:
        return ctx.labels("whole_journey")
    if j.kind_of(target) == S.STAGE:
        return ctx.title(target)
    return f"{ctx.numbers.get(target, '')} {ctx.title(target)}".strip()


def emotion_pill(ctx: Ctx, value: int | None, words: bool = True) -> P:
    if value is None:
        return P([("\u2013", ctx.theme.small)])
    label = signed(value) + (f"  {ctx.labels.emotion(value)}" if words else "")
    return P([(label, Style(ctx.theme.small_bold.font, 7.6, WHITE))],
             pill=EMOTION_COLOURS.get(value, NO_EMOTION))


def kind_label(ctx: Ctx, kind: str, size: float = 7.2) -> tuple[str, Style]:
    colour = NOTE_COLOURS.get(kind, FAINT)
    return (ctx.labels.note_kind(kind).upper() if ctx.labels.lang == "en"
            else ctx.labels.note_kind(kind), Style(ctx.theme.small_bold.font, size, colour))


# ------------------------------------------------------------------ summary
class Tiles(Flowable):
    """Key figures in boxes, in reading order."""

    def __init__(self, ctx: Ctx, items: list[tuple[int, str, str | None]]) -> None:
        super().__init__()
        self.ctx, self.items = ctx, items

    def wrap(self, aw, ah):
        self.width, self.height = aw, 48.0
        return aw, self.height

    def getSpaceAfter(self):
        return 8.0

    def draw(self):
        canv, ctx = self.canv, self.ctx
        n = len(self.items)
        gap = 6.0
        w = (self.width - gap * (n - 1)) / n
        for i, (value, label, colour) in enumerate(self.items):
            x = self.width - (i + 1) * w - i * gap if ctx.rtl else i * (w + gap)
            canv.setFillColor(rtl.color(ctx.theme.tint if not colour else mix(colour, WHITE, 0.88)))
            canv.roundRect(x, 0, w, self.height, 4, stroke=0, fill=1)
            big = Style(ctx.theme.h1.font, 19.0, colour or ctx.theme.dark)
            rtl.draw_line(canv, [(str(value), big)], x, 22, w, False, "center")
            line = rtl.fit([(label, Style(ctx.theme.small.font, 7.6, MUTED))], w - 6)
            rtl.draw_line(canv, line, x + 3, 8, w - 6, ctx.rtl, "center")


def summary(ctx: Ctx) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    out: list = [section_heading(ctx, "summary")]
    goal = ctx.t(j.document["goal"])
    out.append(Block([P([(L("goal").upper() if L.lang == "en" else L("goal"),
                          Style(th.small_bold.font, 7.4, th.dark))], after=3.0),
                      P([(goal or L("no_goal"), Style(th.body.font, 10.5, INK))],
                        leading=14.5)], ctx.rtl, fill=th.tint, bar=th.accent, pad=9.0))
    out.append(Spacer(1, 10))
    kinds = [j.get(n)["note_kind"] for n in j.ids(S.NOTE)]
    derived = ctx.derived()
    overdue = sorted({n.id for n in derived.walk() if n.kind == "action" and n.overdue}
                     | {a for a in j.ids(S.ACTION) if plan.is_overdue(j, a, ctx.today)})
    out.append(Tiles(ctx, [
        (j.count(S.STAGE), L("n_stages"), None),
        (j.count(S.TOUCHPOINT), L("n_touchpoints"), None),
        (kinds.count("pain_point"), L("n_pain"), NOTE_COLOURS["pain_point"]),
        (kinds.count("opportunity"), L("n_opportunities"), NOTE_COLOURS["opportunity"]),
        (j.count(S.ACTION), L("n_actions"), None),
        (len(overdue), L("n_overdue"), RED if overdue else None),
    ]))
    out += _plan_status(ctx, overdue)
    out += _top_priorities(ctx)
    out += _low_points(ctx)
    out += _insights(ctx)
    return out


def _top_priorities(ctx: Ctx, count: int = 5) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    ranking = [s for s in ctx.ranking() if s.scored][:count]
    out: list = minor_heading(ctx, L("top_priorities"))
    if not ranking:
        return out + [text(ctx, L("no_priorities"), th.small)]
    widths = [0.07, 0.6, 0.23, 0.1]
    rows = []
    for s in ranking:
        kind = j.get(s.note)["note_kind"]
        rows.append(Row([
            Cell([P([(str(s.rank), Style(th.h2.font, 12.0, th.dark))])]),
            Cell([P([kind_label(ctx, kind)]), P([(ctx.title(s.note), th.body_bold)])]),
            Cell([P([(where(ctx, s.note), th.small)])]),
            Cell([P([(f"{s.value:.2f}", th.body_bold)], align="end")]),
        ], widths, rule=RULE))
    head = header_row(ctx, ["#", L("note"), L("where"), L("score")], widths,
                      ["start", "start", "start", "end"])
    return out + [Table(rows, ctx.rtl, [head])]


def _low_points(ctx: Ctx, count: int = 5) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    out: list = minor_heading(ctx, L("low_points"))
    lows = analysis.analyze(j, ctx.persona, max_paths=0).of_kind("low_emotion")[:count]
    if not lows:
        out.append(text(ctx, L("no_low_points"), th.small))
    else:
        widths = [0.07, 0.53, 0.22, 0.18]
        rows = []
        for f in lows:
            tp = f.element
            rows.append(Row([
                Cell([P([(str(ctx.numbers.get(tp, "")), th.body_bold)])]),
                Cell([P([(ctx.title(tp), th.body)])]),
                Cell([P([(ctx.title(j.stage_of(tp)), th.small)])]),
                Cell([emotion_pill(ctx, int(f.value))]),
            ], widths, rule=RULE))
        head = header_row(ctx, ["#", L("touchpoint"), L("stage"), L("emotion")], widths)
        out.append(Table(rows, ctx.rtl, [head]))
    personas = j.ids(S.PERSONA)
    if personas and ctx.persona == S.GENERAL:
        lines = []
        for persona in personas:
            felt = [(j.emotion(tp, persona), i, tp) for i, tp in enumerate(j.journey_order())
                    if j.emotion(tp, persona) is not None]
            if not felt:
                continue
            value, _, tp = min(felt)
            lines.append(P([(ctx.persona_name(persona) + ": ", th.body_bold),
                            (f"{ctx.numbers.get(tp, '')} {ctx.title(tp)}  ", th.body),
                            (signed(value), Style(th.body_bold.font, 9.2,
                                                  EMOTION_COLOURS.get(value, INK)))],
                           bullet=[("\u2022", th.body)], hang=10.0, after=2.0))
        if lines:
            out.append(Block([P([(L("low_points_persona"), th.small_bold)], after=3.0)]
                             + lines, ctx.rtl))
    return out


def _insights(ctx: Ctx, count: int = 3) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    notes = [n for n in j.ids(S.NOTE) if j.get(n)["note_kind"] == "insight"]
    if not notes:
        return []
    nodes = j.graph.nodes
    notes.sort(key=lambda n: (-(nodes[n]["votes"]), -(nodes[n]["impact"] or 0),
                              nodes[n]["title"], n))
    paragraphs = []
    for n in notes[:count]:
        paragraphs.append(P([(ctx.title(n), th.body_bold)], bullet=[("\u2022", th.body)],
                            hang=10.0, after=1.0))
        desc = ctx.t(j.get(n)["description"])
        if desc:
            paragraphs.append(P([(desc, th.body)], indent=10.0, after=3.0, max_lines=2))
    return minor_heading(ctx, L("insights")) + [Block(paragraphs, ctx.rtl)]


def _plan_status(ctx: Ctx, overdue: list[str]) -> list:
    """One line under the figures: where the actions stand, and the overdue ones."""
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    if not j.count(S.ACTION):
        return []
    counts = {k: 0 for k in S.ACTION_STATUSES}
    for a in j.ids(S.ACTION):
        counts[j.get(a)["status"]] += 1
    paragraphs = [P([(L("plan_status") + ": ", th.small_bold),
                     (L("status_counts", **counts), th.small)], after=4.0)]
    if overdue:
        nodes = j.graph.nodes
        overdue = sorted(overdue, key=lambda a: (nodes[a]["due"], nodes[a]["title"], a))
        paragraphs.append(P([(L("overdue_actions"), Style(th.small_bold.font, 7.8, RED))],
                            after=2.0))
        for a in overdue[:5]:
            attrs = j.get(a)
            paragraphs.append(P([(ctx.title(a), th.body), ("  ", th.body),
                                 (attrs["due"] or "", Style(th.small_bold.font, 7.8, RED)),
                                 ("  " + ctx.t(attrs["owner"]), th.small)],
                                bullet=[("\u2022", th.body)], hang=10.0, after=1.5))
        if len(overdue) > 5:
            paragraphs.append(P([(L("and_more", n=len(overdue) - 5), th.small)], indent=10.0))
    return [Block(paragraphs, ctx.rtl)]


def report_notes(ctx: Ctx) -> list:
    """What the report could not show, said once (in the contents or the summary)."""
    L, th = ctx.labels, ctx.theme
    lines = []
    if ctx.tally.replaced:
        lines.append(L("replaced_chars", n=sum(ctx.tally.replaced.values()),
                       sample=ctx.tally.sample()))
    if ctx.tally.emoji:
        lines.append(L("dropped_emoji", n=ctx.tally.emoji))
    if ctx.persona != S.GENERAL:
        lines.append(L("persona_view", persona=embed(ctx.persona_name(ctx.persona))))
    if not lines:
        return []
    return [Spacer(1, 14), Block([P([(L("about_report"), th.small_bold)], after=2.0)]
                                 + [P([(line, th.small)], after=1.5) for line in lines],
                                 ctx.rtl)]


# -------------------------------------------------------------------- stages
def stages(ctx: Ctx) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    out: list = [section_heading(ctx, "stages")]
    map_notes = j.notes_on(None)
    if map_notes:
        out += sub_heading(ctx, "stages-map", L("map_notes"), before=0.0)
        out.append(_notes_table(ctx, map_notes))
    for i, stage in enumerate(j.stages(), 1):
        title = ctx.title(stage)
        label = L("stage_n", n=i)
        out.append(CondPageBreak(120))
        out.append(Heading(f"stage-{i}", f"{label} \u00b7 {title}" if title else label,
                           th.h2, ctx.rtl, 1, ctx.register, rule=th.tint_strong,
                           space_before=8.0 if i > 1 or map_notes else 0.0, space_after=6.0))
        if ctx.full_title(stage) != title:  # the heading shortened it: here it is whole
            out.append(text(ctx, ctx.full_title(stage), th.body_bold, after=6.0))
        desc = ctx.t(j.get(stage)["description"])
        if desc:
            out.append(text(ctx, desc, th.body, after=6.0))
        notes = j.notes_on(stage)
        if notes:
            out += minor_heading(ctx, L("stage_notes"))
            out.append(_notes_table(ctx, notes))
        tps = j.touchpoints_in(stage)
        if not tps:
            out.append(text(ctx, L("no_touchpoints"), th.small))
        for tp in tps:
            out.append(_touchpoint(ctx, tp))
    return out


def _touchpoint(ctx: Ctx, tp: str) -> Table:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    attrs = j.get(tp)
    widths = [0.07, 0.71, 0.22]
    meta = [L.channel(attrs["channel"]), L.mode(attrs["mode"])]
    if attrs["owner"]:
        meta.append(f"{L('owner')}: {ctx.t(attrs['owner'])}")
    head = Row([
        Cell([P([(str(ctx.numbers.get(tp, "")), Style(th.h2.font, 12.5, th.dark))])]),
        Cell([P([(ctx.full_title(tp), Style(th.h3.font, 10.2, INK))], after=1.0),
              P([(" \u00b7 ".join(meta), th.small)])]),
        Cell([emotion_pill(ctx, j.emotion(tp, ctx.persona))], pad=(5.0, 5.0, 3.0, 5.0)),
    ], widths, fill=mix(th.tint, WHITE, 0.45), keep=True)
    rows = [head]
    body: list[P] = []
    desc = ctx.t(attrs["description"])
    if desc:
        body.append(P([(desc, th.body)], after=3.0))
    metrics = []
    if attrs["nps"] is not None:
        metrics.append((f"{L('nps')} ", th.small_bold))
        metrics.append((f"{attrs['nps']:g}   ", th.small))
    if attrs["csat"] is not None:
        metrics.append((f"{L('csat')} ", th.small_bold))
        metrics.append((f"{attrs['csat']:g}   ", th.small))
    if attrs["kpi"]:
        metrics.append((f"{L('kpi')}: ", th.small_bold))
        metrics.append((ctx.t(attrs["kpi"]), th.small))
    if metrics:
        body.append(P(metrics, after=2.0))
    personas = [p for p in j.ids(S.PERSONA) if p in attrs["emotions"]]
    if personas:
        spans = [(f"{L('emotions')}: ", th.small_bold)]
        for k, p in enumerate(personas):
            value = attrs["emotions"][p]
            spans.append((("  \u00b7  " if k else "") + ctx.persona_name(p) + " ", th.small))
            spans.append((signed(value), Style(th.small_bold.font, 7.8,
                                               EMOTION_COLOURS.get(value, INK))))
        body.append(P(spans, after=2.0))
    if attrs["evidence"]:
        body.append(P([(f"{L('evidence')}: ", th.small_bold),
                       (ctx.t(attrs["evidence"]), th.small)], after=2.0))
    wide = [widths[0], 1.0 - widths[0]]
    if body:
        rows.append(Row([Cell([]), Cell(body)], wide))
    for note in j.notes_on(tp):
        rows.append(Row([Cell([]), Cell(_note_paragraphs(ctx, note))], wide))
    rows[-1].rule = RULE
    return Table(rows, ctx.rtl, space_after=10.0)


def _note_paragraphs(ctx: Ctx, note: str, with_where: bool = False) -> list[P]:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    attrs = j.get(note)
    kind = attrs["note_kind"]
    colour = NOTE_COLOURS.get(kind, FAINT)
    out = [P([kind_label(ctx, kind), ("  ", th.body), (ctx.full_title(note), th.body_bold)],
             bullet=[("\u25a0", Style(th.body.font, 7.0, colour))], hang=10.0, after=1.0)]
    desc = ctx.t(attrs["description"])
    if desc:
        out.append(P([(desc, th.body)], indent=10.0, after=1.0))
    facts = []
    if with_where:
        facts.append(where(ctx, note))
    if attrs["impact"] is not None or attrs["effort"] is not None:
        facts.append(L("scores", impact=attrs["impact"] or "\u2013",
                       effort=attrs["effort"] or "\u2013"))
    if attrs["confidence"] is not None:
        facts.append(L("confidence", n=attrs["confidence"]))
    if attrs["votes"]:
        facts.append(L("votes", n=attrs["votes"]))
    if facts:
        out.append(P([(" \u00b7 ".join(facts), th.small)], indent=10.0, after=1.0))
    if attrs["evidence"]:
        out.append(P([(f"{L('evidence')}: ", th.small_bold), (ctx.t(attrs["evidence"]),
                                                              th.small)],
                     indent=10.0, after=3.0))
    return out


def _notes_table(ctx: Ctx, notes: list[str]) -> Table:
    rows = [Row([Cell(_note_paragraphs(ctx, n))], [1.0], rule=RULE) for n in notes]
    return Table(rows, ctx.rtl, space_after=8.0)


# ---------------------------------------------------------------------- swot
SWOT = (("strengths", ("strength",)), ("weaknesses", ("weakness", "pain_point")),
        ("opportunities", ("opportunity",)), ("threats", ("threat",)))
SWOT_COLOURS = {"strengths": NOTE_COLOURS["strength"], "weaknesses": NOTE_COLOURS["weakness"],
                "opportunities": NOTE_COLOURS["opportunity"],
                "threats": NOTE_COLOURS["threat"]}


def swot(ctx: Ctx) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    out: list = [section_heading(ctx, "swot")]
    order = {s.note: s.rank for s in ctx.ranking()}
    nodes = j.graph.nodes
    by_group: dict[str, list[str]] = {}
    for key, kinds in SWOT:
        notes = [n for n in j.ids(S.NOTE) if nodes[n]["note_kind"] in kinds]
        notes.sort(key=lambda n: (order.get(n, 10 ** 9), -nodes[n]["votes"], nodes[n]["title"],
                                  n))
        by_group[key] = notes
    for pair in (SWOT[:2], SWOT[2:]):
        head_cells, body_cells = [], []
        for key, _ in pair:
            colour = SWOT_COLOURS[key]
            head_cells.append(Cell([P([(L(key), Style(th.h3.font, 11.0, WHITE))]),
                                    P([(f"{len(by_group[key])}", Style(th.small.font, 7.6,
                                                                       WHITE))])],
                                   fill=colour, pad=(6.0, 8.0, 5.0, 8.0)))
            paragraphs: list[P] = []
            for n in by_group[key]:
                attrs = j.get(n)
                kind_tag = ([kind_label(ctx, attrs["note_kind"], 6.4), ("  ", th.small)]
                            if key == "weaknesses" else [])
                paragraphs.append(P(kind_tag + [(ctx.title(n), Style(th.body_bold.font, 8.4,
                                                                      INK)),
                                                ("   " + where(ctx, n), Style(th.small.font,
                                                                              7.2, MUTED))],
                                    bullet=[("\u2022", Style(th.body.font, 8.4, colour))],
                                    hang=9.0, after=3.0, leading=10.6))
            if not paragraphs:
                paragraphs = [P([(L("none_yet"), th.small)])]
            body_cells.append(Cell(paragraphs, fill=mix(colour, WHITE, 0.93),
                                   pad=(6.0, 8.0, 6.0, 8.0)))
        out.append(Table([Row(head_cells, [0.5, 0.5], keep=True),
                          Row(body_cells, [0.5, 0.5])], ctx.rtl, space_after=10.0))
    return out


# ---------------------------------------------------------------------- plan
def action_plan(ctx: Ctx) -> list:
    L, th = ctx.labels, ctx.theme
    derived = ctx.derived()
    out: list = [section_heading(ctx, "plan")]
    goal = ctx.t(derived.goal)
    intro = []
    if goal:
        intro.append(P([(f"{L('goal')}: ", th.body_bold), (goal, th.body)], after=3.0))
    intro.append(P([(L("method", method=L.method(derived.method)), th.small)], after=6.0))
    out.append(Block(intro, ctx.rtl))
    if not derived.branches:
        out.append(text(ctx, L("no_plan"), th.body))
        return out
    widths = [0.52, 0.16, 0.14, 0.18]
    head = header_row(ctx, [L("action"), L("owner"), L("due"), L("status")], widths)
    shown: dict[str, str] = {}  # action id -> number where its subtree is printed
    for branch in derived.branches:
        title = ctx.title(branch.id) if branch.id else L("whole_journey")
        out.append(CondPageBreak(90))
        out.append(Heading(f"plan-{branch.number}", f"{branch.number}  {title}", th.h2,
                           ctx.rtl, 1, ctx.register, space_before=10.0, space_after=4.0,
                           outline_title=f"{branch.number} {title}"))
        rows: list[Row] = []
        for note in branch.children:
            rows.append(_plan_note_row(ctx, note))
            if not note.children:
                rows.append(Row([Cell([P([(L("no_actions"), th.small)], indent=14.0)])],
                                [1.0], rule=RULE))
            for action in note.children:
                _plan_action_rows(ctx, action, widths, shown, rows, note.id)
        out.append(Table(rows, ctx.rtl, [head], space_after=6.0))
    return out


def _plan_note_row(ctx: Ctx, node: plan.Node) -> Row:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    kind = j.get(node.id)["note_kind"]
    score = node.score
    score_text = f"{score.value:.2f}" if score is not None and score.scored else L("unscored")
    spans = [(node.number + "  ", Style(th.body_bold.font, 9.6, th.dark)),
             kind_label(ctx, kind, 7.4), ("  ", th.body),
             (ctx.title(node.id), Style(th.body_bold.font, 9.6, INK))]
    return Row([Cell([P(spans, after=1.0),
                      P([(f"{L('score')} {score_text} \u00b7 {where(ctx, node.id)}", th.small)],
                        indent=0.0)]),
                ], [1.0], fill=mix(NOTE_COLOURS.get(kind, FAINT), WHITE, 0.92), keep=True)


def _plan_action_rows(ctx: Ctx, node: plan.Node, widths: list[float], shown: dict[str, str],
                      rows: list[Row], parent_note: str | None) -> None:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    attrs = j.get(node.id)
    depth = node.number.count(".") - 2
    indent = 12.0 * depth
    repeat = shown.get(node.id)
    number_style = Style(th.body_bold.font, 8.4, th.dark)
    title_style = th.body_bold if depth == 0 else th.body
    # An action's first row is its one full entry, as the stage details are a touchpoint's.
    title = ctx.title(node.id) if repeat else ctx.full_title(node.id)
    cell = [P([(node.number, number_style), ("  ", th.body), (title, title_style)],
              indent=indent, after=1.0)]
    if repeat:
        cell.append(P([(L("see_above", number=repeat), th.small)], indent=indent + 10))
    else:
        shown[node.id] = node.number
        if attrs["kpi"]:
            cell.append(P([(f"{L('kpi')}: ", th.small_bold), (ctx.t(attrs["kpi"]), th.small)],
                          indent=indent + 10, after=1.0))
        notes = [n for n in j.addressed_by(node.id) if n != parent_note]
        if notes:
            titles = "; ".join(ctx.title(n) for n in notes[:6])
            more = f" (+{len(notes) - 6})" if len(notes) > 6 else ""
            cell.append(P([(f"{L('addresses')}: ", th.small_bold), (titles + more, th.small)],
                          indent=indent + 10, after=1.0))
    due_style = Style(th.small_bold.font, 7.8, RED) if node.overdue else th.small
    status_cell = [P([(L.status(attrs["status"]), Style(th.small_bold.font, 7.2, WHITE))],
                     pill=STATUS_COLOURS.get(attrs["status"], FAINT), after=2.0)]
    if node.overdue:
        status_cell.append(P([(L("overdue"), Style(th.small_bold.font, 7.2, WHITE))], pill=RED,
                             after=2.0))
    if node.review_due:
        status_cell.append(P([(L("review_due"), Style(th.small_bold.font, 7.4, AMBER))]))
    owner = ctx.t(attrs["owner"])
    rows.append(Row([
        Cell(cell),
        Cell([P([(owner or L("no_owner"), th.small if owner else Style(th.small.font, 7.8,
                                                                        FAINT))])]),
        Cell([P([(attrs["due"] or "\u2013", due_style)])]),
        Cell(status_cell),
    ], widths, rule="#e6e9ed"))
    if not repeat:
        for child in node.children:
            _plan_action_rows(ctx, child, widths, shown, rows, None)


# ------------------------------------------------------------------ personas
def personas(ctx: Ctx) -> list:
    j, L, th = ctx.journey, ctx.labels, ctx.theme
    out: list = [section_heading(ctx, "personas")]
    ids = j.ids(S.PERSONA)
    if ctx.persona != S.GENERAL:
        ids = [ctx.persona]
    if not ids:
        return out + [text(ctx, L("no_personas"), th.body)]
    order = j.journey_order()
    for persona in ids:
        attrs = j.get(persona)
        felt = [(attrs_e, i, tp) for i, tp in enumerate(order)
                if (attrs_e := j.get(tp)["emotions"].get(persona)) is not None]
        rows = [Row([Cell([P([(ctx.persona_name(persona), Style(th.h2.font, 12.0, INK))],
                              after=1.0),
                           P([(L.persona_kind(attrs["persona_kind"]), th.small)])],
                          pad=(7.0, 9.0, 6.0, 9.0))], [1.0], fill=th.tint, keep=True)]
        body: list[P] = []
        desc = ctx.t(attrs["description"])
        if desc:
            body.append(P([(desc, th.body)], after=5.0))
        if felt:
            avg = sum(v for v, _, _ in felt) / len(felt)
            body.append(P([(L("persona_touchpoints", n=len(felt)), th.small), ("  \u00b7  ",
                                                                            th.small),
                           (L("persona_average", value=signed(round(avg, 1))), th.small)],
                          after=3.0))
            worst = min(felt)
            best = max(felt, key=lambda f: (f[0], -f[1]))
            for key, (value, _, tp) in (("best_moment", best), ("worst_moment", worst)):
                body.append(P([(L(key) + ": ", th.small_bold),
                               (f"{ctx.numbers.get(tp, '')} {ctx.title(tp)}  ", th.body),
                               (signed(value), Style(th.body_bold.font, 9.2,
                                                     EMOTION_COLOURS.get(value, INK)))],
                              after=2.0))
        else:
            body.append(P([(L("no_emotions"), th.small)]))
        rows.append(Row([Cell(body, pad=(6.0, 9.0, 8.0, 9.0))], [1.0], rule=RULE))
        out.append(Table(rows, ctx.rtl, space_after=12.0))
    return out


def bookmark(key: str, title: str, level: int = 1) -> Bookmark:
    return Bookmark(key, title, level)
