"""The PDF report of a large map against bare ReportLab writing the same text, in the
same run.

    python bench/bench_report.py [--repeat N] [--big] [--lanes]

The map has 500 touchpoints in 10 stages (5 rows of 10 cards each), 750 scored notes,
3 personas with emotions, and 1,000 actions (250 action trees of a parent and three
sub-actions).  It is built in English and in Hebrew (right to left).  ``--big`` adds
the same map ten times larger: 5,000 touchpoints (10 stages of 50 rows of 10 cards),
7,500 notes and 10,000 actions.  ``--lanes`` also runs each map with the five
blueprint lanes (customer actions, frontstage, backstage, support processes, physical
evidence) under it, every cell filled (a few words) and every seventh a fail or wait
point: the map pages draw 2,500 more cells, and the report gets the service blueprint
section (bare ReportLab writes the cells' text too).

*Bare* is the least any program would do with ReportLab: register DejaVu Sans and
write every text field of the map on a canvas, one ``drawString`` per field, 60 lines
a page, no wrapping, no bidi, no layout, in memory.  The report is the whole thing, in
memory too (``render_report``), all sections on.  Prints the best of N runs, wall
clock and CPU time (steadier on a shared machine), and the ratios.  Targets: at most
3 s for the report of 500 touchpoints (issue 5), and at most 3 times bare ReportLab at
both sizes (issue 10).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cxdesigner.export import Branding  # noqa: E402
from cxdesigner.model import JourneyMap  # noqa: E402
from cxdesigner.model import schema as S  # noqa: E402
from cxdesigner.resources_path import resource  # noqa: E402

WORDS = {
    "en": "order pickup queue message answer website phone bakery cake bread weekend "
          "neighbour review label shelf delivery box allergen menu price".split(),
    "he": "הזמנה איסוף תור הודעה תשובה אתר טלפון מאפייה עוגה לחם שישי שכנה ביקורת "
          "תווית מדף משלוח קופסה אלרגן תפריט מחיר".split(),
}


def words(lang: str, seed: int, n: int) -> str:
    pool = WORDS[lang]
    return " ".join(pool[(seed * 7 + k * 3) % len(pool)] for k in range(n))


def make_map(lang: str, touchpoints: int = 500, actions: int = 1000) -> JourneyMap:
    j = JourneyMap()
    j.set_document(title=f"{words(lang, 1, 4)} 2026", client=words(lang, 2, 3),
                   author=words(lang, 3, 2), goal=words(lang, 4, 30), language=lang,
                   direction="rtl" if lang == "he" else "ltr")
    personas = [j.add_persona(words(lang, 10 + p, 3), kind, description=words(lang, p, 25)).id
                for p, kind in enumerate(S.PERSONA_KINDS)]
    stages = [j.add_stage(words(lang, 20 + s, 2), description=words(lang, s, 20)).id
              for s in range(10)]
    per_stage = touchpoints // len(stages)
    previous, notes = None, []
    for i in range(touchpoints):
        stage = stages[i // per_stage]
        k = i % per_stage
        emotions = {S.GENERAL: i % 5 - 2, **{p: (i + n) % 5 - 2 for n, p in enumerate(personas)}}
        tp = j.add_touchpoint(stage, words(lang, i, 5), flow_from=previous,
                              channel=S.CHANNELS[i % len(S.CHANNELS)], x=(k % 10) * 240.0,
                              y=(k // 10) * 160.0, emotions=emotions,
                              description=words(lang, i + 1, 18), kpi=words(lang, i + 2, 6),
                              evidence=words(lang, i + 3, 10), owner=words(lang, i, 1)).id
        previous = tp
        for n in range(1 + i % 2):
            kind = ("pain_point", "opportunity", "weakness", "strength", "threat")[(i + n) % 5]
            notes.append(j.add_note(kind, words(lang, i + n, 6), on=tp,
                                    description=words(lang, i + n + 5, 15),
                                    evidence=words(lang, i, 8), impact=1 + (i + n) % 5,
                                    effort=1 + (i * 3 + n) % 5, confidence=3,
                                    votes=(i + n) % 7).id)
    ranked = [n for n in notes if j.get(n)["note_kind"] != "strength"]
    made = 0
    for t in range(actions // 4):
        note = ranked[t % len(ranked)]
        parent = j.add_action(words(lang, t, 7), addresses=[note], owner=words(lang, t, 1),
                              due=f"2027-{1 + t % 12:02d}-15", kpi=words(lang, t + 1, 8),
                              status=S.ACTION_STATUSES[t % 4]).id
        for c in range(3):
            j.add_action(words(lang, t + c + 1, 6), parent, owner=words(lang, t + c, 1),
                         due=f"2026-{1 + (t + c) % 12:02d}-01",
                         status=S.ACTION_STATUSES[(t + c) % 4])
        made += 4
    assert made == actions and j.count(S.TOUCHPOINT) == touchpoints
    return j


def add_lanes(journey: JourneyMap, lang: str) -> JourneyMap:
    """The five blueprint lanes, every cell filled, every seventh cell marked."""
    lanes = [journey.add_lane(kind).id for kind in S.BLUEPRINT_LANES]
    for i, tp in enumerate(journey.journey_order()):
        cells = {lane: words(lang, i + n, 4 + n) for n, lane in enumerate(lanes)}
        marks = {lane: S.CELL_MARKS[(i + n) % 2] for n, lane in enumerate(lanes)
                 if (i + n) % 7 == 0}
        journey.set_fields(tp, cells=cells, marks=marks)
    return journey


def bare(journey: JourneyMap) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    try:
        pdfmetrics.getFont("BareDejaVu")
    except KeyError:
        pdfmetrics.registerFont(TTFont("BareDejaVu", str(resource("fonts", "DejaVuSans.ttf"))))
    texts = [v for v in journey.document.values() if isinstance(v, str) and v]
    for _, attrs in journey.graph.nodes(data=True):
        texts += [v for k, v in attrs.items() if isinstance(v, str) and v and k != "kind"]
        texts += [v for v in attrs.get("cells", {}).values() if v]
    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=A4)
    canv.setFont("BareDejaVu", 9)
    line = 0
    for text in texts:
        canv.drawString(50, 780 - 12 * line, text[:200])
        line += 1
        if line == 60:
            canv.showPage()
            canv.setFont("BareDejaVu", 9)
            line = 0
    canv.save()
    return buf.getvalue()


def best(fn, repeat: int) -> tuple[float, float, object]:
    """Best wall-clock and best CPU time of ``repeat`` runs, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big", action="store_true",
                        help="also 5,000 touchpoints and 10,000 actions")
    parser.add_argument("--lanes", action="store_true",
                        help="also each map with five filled blueprint lanes")
    args = parser.parse_args()
    from cxdesigner.export.report import render_report

    print("| map | touchpoints | actions | pages | report s | bare s | ratio "
          "| report CPU s | bare CPU s | CPU ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    sizes = [(500, 1000)] + ([(5000, 10000)] if args.big else [])
    lanes = (False, True) if args.lanes else (False,)
    for (touchpoints, actions), with_lanes, lang in ((size, w, lang) for size in sizes
                                                     for w in lanes for lang in ("en", "he")):
        journey = make_map(lang, touchpoints, actions)
        if with_lanes:
            add_lanes(journey, lang)
        report_s, report_cpu, data = best(lambda: render_report(
            journey, branding=Branding(date=_dt.date(2026, 6, 15))), args.repeat)
        bare_s, bare_cpu, _ = best(lambda: bare(journey), args.repeat)
        pages = len(re.findall(rb"/Type /Page\b", data))
        label = ("English" if lang == "en" else "Hebrew (RTL)") + (", 5 lanes" if with_lanes
                                                                   else "")
        print(f"| {label} | {journey.count(S.TOUCHPOINT):,} | {journey.count(S.ACTION):,} | "
              f"{pages} | {report_s:.2f} | {bare_s:.2f} | {report_s / bare_s:.1f} "
              f"| {report_cpu:.2f} | {bare_cpu:.2f} | {report_cpu / bare_cpu:.1f} |")
    import reportlab
    from reportlab.lib import rl_accel
    accel = "with" if not getattr(rl_accel, "_py_funcs", True) else "without"
    print(f"\nReportLab {reportlab.Version} {accel} its C accelerator (rl-accel).")
    print("Targets: the report of 500 touchpoints and 1,000 actions in at most 3 s "
          "(issue 5); at most 3 times bare ReportLab, at 500 and 5,000 touchpoints "
          "(issue 10).")


if __name__ == "__main__":
    main()
