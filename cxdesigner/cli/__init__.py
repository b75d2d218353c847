"""The ``cxdesigner`` command: the editor, and headless sub-commands that never start Qt.

Exit codes: 0 done; 1 the file checked by ``validate`` has problems; 2 a usage or
input error, told in one line on stderr; 130 interrupted (Ctrl+C: "Interrupted.", no
traceback); 141 the reader of the output went away (``| head``), quietly.

Text from a map or a file name is printed through ``terminal.clean``: nothing in a
title can act on the terminal.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..terminal import clean, clean_block
from . import feedback_commands, live_commands, metrics_output, review_commands

COMMANDS = ("new", "templates", "validate", "import", "export", "info", "rank", "tree", "analyze",
            "metrics", *live_commands.COMMANDS, *review_commands.COMMANDS,
            *feedback_commands.COMMANDS)
METHOD_NAMES = ("impact-effort", "ice", "rice", "votes", "weighted")


class UsageError(Exception):
    """Bad arguments or unusable input: one line for stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's name; one line, not a usage dump
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cxdesigner", description="CX Designer: customer-journey maps, "
                     "offline. Without a command, opens FILE (or a new map) in the editor.")
    parser.add_argument("--version", action="version", version=f"cxdesigner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    from ..fileformat.templates import TEMPLATES  # names only: the model is not loaded

    p = sub.add_parser("new", help="create a map from a template",
                       description="Create a map from a template ('cxdesigner templates' "
                       "says what each one is).")
    p.add_argument("--template", default="blank", metavar="NAME",
                   help=f"one of: {', '.join(TEMPLATES)} (default blank)")
    p.add_argument("--lang", default="en", choices=("en", "he"), help="language of the map")
    p.add_argument("-o", "--output", required=True, type=Path, help="the .cxmap file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = sub.add_parser("templates", help="list the templates, with what each one is",
                       description="List the templates for 'cxdesigner new --template': "
                       "one a line, the name and then a short description.")
    p.add_argument("--lang", default="en", choices=("en", "he"),
                   help="language of the descriptions (default en)")

    p = sub.add_parser("validate", help="check a map file and list every problem",
                       description="Check a .cxmap file. Exit 0 when valid, 1 with every "
                       "problem listed.")
    p.add_argument("file", type=Path)

    p = sub.add_parser("import", help="build a map from a journey CSV or XLSX",
                       description="Build a map from a journey spreadsheet, CSV or .xlsx: one "
                       "row per touchpoint with columns stage, touchpoint, channel, emotion, "
                       "pain_points, opportunities, the blueprint's lanes (customer_actions, "
                       "frontstage, backstage, support, physical_evidence, lane:NAME for a "
                       "lane of your own), fail_points and wait_points (or their Hebrew "
                       "names; see docs/file-format.md).")
    p.add_argument("csv", type=Path, metavar="FILE", help="a .csv file, or an .xlsx workbook "
                   "(its first sheet)")
    p.add_argument("-o", "--output", required=True, type=Path, help="the .cxmap file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")

    p = sub.add_parser("export", help="export a map as CSV, XLSX, PDF report, PNG, SVG, GraphML, "
                       "an interactive HTML map or Mermaid",
                       description="Export a map: the journey CSV, the client report (PDF), "
                       "a picture of the map (PNG, SVG), the journey graph (GraphML), the "
                       "interactive map (HTML), the Mermaid journey (Markdown), in "
                       "any combination. The report's sections are: cover, contents, "
                       "summary, progress, map, curve, stages, blueprint, swot, matrix, plan, "
                       "personas (see "
                       "docs/report.md).")
    p.add_argument("file", type=Path)
    p.add_argument("--csv", type=Path, metavar="OUT",
                   help="write the journey CSV (UTF-8 with BOM, opens in Excel)")
    p.add_argument("--xlsx", type=Path, metavar="OUT",
                   help="write the journey spreadsheet as an Excel workbook (.xlsx)")
    p.add_argument("--pdf", type=Path, metavar="OUT", help="write the client report (PDF)")
    p.add_argument("--png", type=Path, metavar="OUT", help="write a picture of the map (PNG)")
    p.add_argument("--scale", type=float, metavar="S",
                   help="pixels per canvas unit in the PNG, above 0 and at most 8 (default "
                   "1); a picture over 16384 px a side is drawn smaller, with a note")
    p.add_argument("--svg", type=Path, metavar="OUT",
                   help="write the map as a vector picture (SVG)")
    p.add_argument("--graphml", type=Path, metavar="OUT",
                   help="write the journey graph (GraphML, opens in yEd and Gephi)")
    p.add_argument("--html", type=Path, metavar="OUT",
                   help="write the interactive map: one self-contained HTML page")
    p.add_argument("--mermaid", type=Path, metavar="OUT",
                   help="write the map as a Mermaid journey diagram in Markdown")
    p.add_argument("--pptx", type=Path, metavar="OUT",
                   help="write a presentation (PowerPoint 16:9; the report's options apply)")
    p.add_argument("--paper", default="a4", choices=("a4", "letter"),
                   help="paper size of the report (default a4)")
    p.add_argument("--sections", metavar="LIST",
                   help="comma-separated sections to include (default: all)")
    p.add_argument("--persona", metavar="ID",
                   help="show emotions for this persona in the report and the pictures "
                   "(default: any customer)")
    p.add_argument("--logo", type=Path, metavar="IMAGE",
                   help="logo for the cover: PNG or JPEG, at most 5 MB and 4000x4000 px")
    p.add_argument("--consultant", metavar="NAME",
                   help="name on the cover (default: the map's author)")
    p.add_argument("--accent", metavar="#RRGGBB", help="accent colour of the report")
    p.add_argument("--since", metavar="NAME", help="the snapshot the report's progress "
                   "section compares with (default: the latest)")

    p = sub.add_parser("info", help="show a map's title, counts and stages",
                       description="Show a map's title, element counts and stages in order.")
    p.add_argument("file", type=Path)

    for name, short, description in (
            ("rank", "rank pain points and opportunities",
             "Rank the pain points, weaknesses, threats and opportunities with their "
             "scores and the inputs behind them."),
            ("tree", "print the prioritised action tree",
             "Print the prioritised action tree, numbered 1, 1.1, 1.1.1, with owner, due "
             "date and status.")):
        p = sub.add_parser(name, help=short, description=description)
        p.add_argument("file", type=Path)
        p.add_argument("--method", choices=METHOD_NAMES,
                       help="scoring method (default: the map's own)")
        p.add_argument("--json", action="store_true", help="JSON output (docs/cli-json.md)")

    p = sub.add_parser("analyze", help="find paths, moments of truth and gaps",
                       description="Analyse the journey's flows: paths, moments of truth, "
                       "dead ends, unreachable touchpoints and empty stages.")
    p.add_argument("file", type=Path)
    p.add_argument("--persona", help="persona id for emotions (default: any customer)")
    p.add_argument("--json", action="store_true", help="JSON output (docs/cli-json.md)")
    metrics_output.add_parser(sub)
    live_commands.add_parsers(sub)
    review_commands.add_parsers(sub)
    feedback_commands.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        # "--join URL" opens the editor (in a live room); other options are the CLI's.
        if argv and (argv[0] in COMMANDS or argv[0].startswith("-")) \
                and not argv[0].startswith("--join"):
            args = build_parser().parse_args(argv)
            code = _RUN[args.command](args) if args.command else 0
        else:
            # Qt's event loop runs no Python while it waits, so Python's Ctrl+C handler
            # would wait for the next event; the system's default ends the editor at
            # once, with no traceback, and the autosave keeps any unsaved work.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            code = _open_editor(argv)
        sys.stdout.flush()  # a closed pipe shows here, where it can be caught
        return code
    except UsageError as exc:
        print(clean(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader has gone (``cxdesigner rank map | head``): end quietly, as a
        # program killed by SIGPIPE would, with stdout pointed at devnull so that
        # Python's own flush at exit does not report the pipe again.
        _drop_stdout()
        return 141


def _drop_stdout() -> None:
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


# ------------------------------------------------------------------ commands
def _load(path: Path, warn: bool = True):
    from ..fileformat import FileFormatError
    from ..fileformat.cxmap import load

    try:
        loaded = load(path)
    except FileFormatError as exc:
        raise UsageError(f"cxdesigner: {exc}") from None
    if warn:
        for problem in loaded.problems:
            print(clean(f"cxdesigner: warning: {path}: {problem}"), file=sys.stderr)
    return loaded


def _save(journey, path: Path, force: bool) -> None:
    from ..fileformat import FileFormatError
    from ..fileformat.cxmap import save

    if path.exists() and not force:
        raise UsageError(f"cxdesigner: {path} already exists; use --force to replace it")
    try:
        save(journey, path)
    except FileFormatError as exc:
        raise UsageError(f"cxdesigner: {exc}") from None


def _check_output(command: str, output: Path, source: Path) -> None:
    """Before any work: the output is not the input (through links too) and is not a
    folder, pipe or device (the writers refuse those as well, but only at the end)."""
    from ..fileformat import FileFormatError
    from ..fileformat.files import refuse_same_file, write_target

    try:
        refuse_same_file(output, source)
        write_target(output)
    except FileFormatError as exc:
        raise UsageError(f"cxdesigner {command}: {exc}") from None


def _cmd_new(args: argparse.Namespace) -> int:
    from ..fileformat.templates import new_from_template

    try:
        journey = new_from_template(args.template, args.lang)
    except ValueError as exc:
        raise UsageError(f"cxdesigner new: {exc}") from None
    _save(journey, args.output, args.force)
    print(clean(f"Created {args.output}"))
    return 0


def _cmd_templates(args: argparse.Namespace) -> int:
    from ..fileformat.templates import CATALOGUE

    width = max(len(t.name) for t in CATALOGUE)
    for template in CATALOGUE:
        print(f"{template.name:<{width}}  {template.description(args.lang)}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from ..fileformat import FileFormatError
    from ..fileformat.cxmap import load
    from ..fileformat.limits import VERSION

    if not args.file.exists():
        raise UsageError(f"cxdesigner validate: {args.file}: there is no such file")
    try:
        loaded = load(args.file)
    except FileFormatError as exc:
        print(clean(exc))
        return 1
    # "valid" promises that saving the map would write back what the file holds.
    if not loaded.problems and loaded.version == VERSION:
        print(clean(f"{args.file}: valid ({len(loaded.journey)} elements)"))
        return 0
    for problem in loaded.problems:
        print(clean(f"{args.file}: {problem}"))
    if loaded.version != VERSION:
        print(clean(f"{args.file}: written in file version {loaded.version}; saving "
                    f"converts it to version {VERSION}"))
    if loaded.problems:  # summarised problems stand for many each
        print(clean(f"{args.file}: {sum(p.count for p in loaded.problems):,} problem(s)"))
    return 1


def _cmd_import(args: argparse.Namespace) -> int:
    from ..fileformat import FileFormatError
    from ..fileformat.xlsx_journey import import_sheet

    _check_output("import", args.output, args.csv)  # even with --force
    try:
        result = import_sheet(args.csv)
    except FileFormatError as exc:
        raise UsageError(f"cxdesigner import: {exc}") from None
    for warning in result.warnings:
        print(clean(f"cxdesigner: warning: {args.csv}: {warning}"), file=sys.stderr)
    _save(result.journey, args.output, args.force)
    journey = result.journey
    print(clean(f"Imported {journey.count('touchpoint')} touchpoints in "
          f"{journey.count('stage')} stages into {args.output}"))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from ..fileformat import FileFormatError
    from ..fileformat.csvio import export_csv
    from ..fileformat.xlsx_journey import export_xlsx

    outputs = (args.csv, args.pdf, args.png, args.svg, args.graphml, args.html, args.mermaid,
               args.pptx, args.xlsx)
    if all(out is None for out in outputs):
        raise UsageError("cxdesigner export: say what to write: --csv OUT, --xlsx OUT, "
                         "--pdf OUT, --png OUT, --svg OUT, --graphml OUT, --html OUT, "
                         "--mermaid OUT and/or --pptx OUT (see cxdesigner export --help)")
    _check_scale(args)
    if args.since is not None and args.pdf is None:
        raise UsageError("cxdesigner export: --since is for the PDF report; add --pdf OUT")
    for out in outputs:
        if out is not None:  # before anything is written: never the map itself
            _check_output("export", out, args.file)
    report_options = _report_options(args) if (args.pdf, args.pptx) != (None, None) else None
    journey = _load(args.file).journey
    if args.persona is not None and (args.pdf, args.png, args.svg, args.html,
                                     args.pptx) != (None,) * 5:
        _check_persona(journey, args.persona)  # before anything is written
    if args.since is not None and args.pdf is not None \
            and journey.snapshot_named(args.since) is None:
        names = ", ".join(repr(journey.title(s)) for s in journey.snapshots()) or "none"
        raise UsageError(f"cxdesigner export: there is no snapshot named {args.since!r:.80} "
                         f"(the map's snapshots: {names:.300})")
    for out, write in ((args.csv, export_csv), (args.xlsx, export_xlsx)):
        if out is None:
            continue
        try:
            write(journey, out)
        except FileFormatError as exc:
            raise UsageError(f"cxdesigner export: {exc}") from None
        except OSError as exc:
            raise UsageError(f"cxdesigner export: {out}: {exc.strerror}") from None
        print(clean(f"Wrote {out}"))
    if args.graphml is not None:
        from ..fileformat.graphml import export_graphml

        try:
            export_graphml(journey, args.graphml)
        except FileFormatError as exc:
            raise UsageError(f"cxdesigner export: {exc}") from None
        print(clean(f"Wrote {args.graphml}"))
    if args.png is not None or args.svg is not None:
        _export_pictures(journey, args)
    if args.html is not None or args.mermaid is not None:
        _export_pages(journey, args)
    if args.pdf is not None:
        from ..export import ReportError
        from ..export.report import build_report  # ReportLab loads only now

        try:
            report = build_report(journey, args.pdf, paper=args.paper, persona=args.persona,
                                  since=args.since, **report_options)
        except ReportError as exc:
            raise UsageError(f"cxdesigner export: {exc}") from None
        for note in report.notes:
            print(clean(f"cxdesigner: note: {args.pdf}: {note}"), file=sys.stderr)
        print(clean(f"Wrote {args.pdf} ({report.pages} pages)"))
    if args.pptx is not None:
        from ..export import ReportError
        from .deck_output import export_deck

        try:
            print(clean(export_deck(journey, args.pptx, args.persona, report_options)))
        except ReportError as exc:  # DeckError is one
            raise UsageError(f"cxdesigner export: {exc}") from None
    return 0


def _export_pages(journey, args: argparse.Namespace) -> None:
    """The interactive HTML map and the Mermaid text (no Qt)."""
    from ..fileformat import FileFormatError

    if args.html is not None:
        from ..export.html_map import HtmlExportError, export_html

        try:
            export_html(journey, args.html, {"persona": args.persona})
        except HtmlExportError as exc:
            raise UsageError(f"cxdesigner export: {exc}") from None
        print(clean(f"Wrote {args.html}"))
    if args.mermaid is not None:
        from ..export.mermaid import export_mermaid

        try:
            export_mermaid(journey, args.mermaid)
        except FileFormatError as exc:
            raise UsageError(f"cxdesigner export: {exc}") from None
        print(clean(f"Wrote {args.mermaid}"))


def _check_scale(args: argparse.Namespace) -> None:
    if args.scale is None:
        return
    if args.png is None:
        raise UsageError("cxdesigner export: --scale is for the PNG picture; add --png OUT")
    if not 0 < args.scale <= 8:  # NaN fails too
        raise UsageError(f"cxdesigner export: --scale must be above 0 and at most 8 "
                         f"(got {args.scale:g})")


def _check_persona(journey, persona: str) -> None:
    from ..model import schema as S

    if persona not in journey or journey.kind_of(persona) != S.PERSONA:
        raise UsageError(f"cxdesigner export: {persona!r:.60} is not a persona of this map")


def _export_pictures(journey, args: argparse.Namespace) -> None:
    """PNG and SVG: the canvas drawn by Qt, with an application but never a widget."""
    import os

    if (sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: no need of one
    from ..canvas.render import RenderError, ensure_app, render_png, render_svg

    ensure_app()
    jobs = []
    if args.png is not None:
        jobs.append((args.png, lambda: render_png(journey, args.png, args.scale or 1.0,
                                                  args.persona)))
    if args.svg is not None:
        jobs.append((args.svg, lambda: render_svg(journey, args.svg, args.persona)))
    for path, render in jobs:
        try:
            rendered = render()
        except RenderError as exc:
            raise UsageError(f"cxdesigner export: {exc}") from None
        for note in rendered.notes:
            print(clean(f"cxdesigner: note: {path}: {note}"), file=sys.stderr)
        print(clean(f"Wrote {path} ({rendered.width} x {rendered.height} px)"))


def _report_options(args: argparse.Namespace) -> dict:
    """The report's options, checked before the map is read (no ReportLab needed)."""
    from ..export import Branding, ReportError
    from ..export.options import DEFAULT_ACCENT, check_accent, check_logo, parse_sections

    try:
        sections = parse_sections(args.sections)
        if args.logo is not None:
            check_logo(args.logo)
        accent = check_accent(args.accent) if args.accent else DEFAULT_ACCENT
    except ReportError as exc:
        raise UsageError(f"cxdesigner export: {exc}") from None
    return {"sections": sections,
            "branding": Branding(logo=args.logo, accent=accent, consultant=args.consultant)}


def _cmd_info(args: argparse.Namespace) -> int:
    print(clean_block(describe(_load(args.file).journey)))
    return 0


def describe(journey) -> str:
    from ..model import schema as S

    doc = journey.document
    lines = [f"Title:     {clean(doc['title']) or '(untitled)'}"]
    for label, key in (("Client:", "client"), ("Author:", "author"), ("Goal:", "goal")):
        if doc[key]:
            lines.append(f"{label:<10} {clean(doc[key])}")
    lines.append(f"Language:  {doc['language']} ({doc['direction']})")
    counts = [f"{journey.count(kind)} {kind}s" for kind in S.NODE_KINDS]
    lines.append(f"Elements:  {', '.join(counts)}, {len(journey.flows())} flows")
    by_kind = {}
    for note in journey.ids(S.NOTE):
        kind = journey.get(note)["note_kind"]
        by_kind[kind] = by_kind.get(kind, 0) + 1
    if by_kind:
        notes = ", ".join(f"{by_kind[k]} {k.replace('_', ' ')}" for k in S.NOTE_KINDS
                          if k in by_kind)
        lines.append(f"Notes:     {notes}")
    lines.append("Stages:")
    for i, stage in enumerate(journey.stages(), 1):
        n = len(journey.touchpoints_in(stage))
        lines.append(f"  {i}. {clean(journey.title(stage)) or '(untitled)'} ({n} touchpoints)")
    return "\n".join(lines)


def _method(args: argparse.Namespace) -> str | None:
    return args.method.replace("-", "_") if args.method else None


def _cmd_rank(args: argparse.Namespace) -> int:
    from .plan_output import rank_json, rank_text
    from ..model import scoring

    journey = _load(args.file).journey
    ranking = scoring.rank(journey, _method(args))
    print(rank_json(journey, ranking) if args.json else rank_text(journey, ranking))
    return 0


def _cmd_tree(args: argparse.Namespace) -> int:
    from ..model import plan
    from .plan_output import tree_json, tree_text

    journey = _load(args.file).journey
    derived = plan.derive(journey, _method(args))
    print(tree_json(journey, derived) if args.json else tree_text(journey, derived))
    return 0


def _cmd_analyze(args: argparse.Namespace) -> int:
    from ..model import analysis
    from ..model import schema as S
    from .plan_output import analysis_json, analysis_text

    journey = _load(args.file).journey
    persona = args.persona or S.GENERAL
    if persona != S.GENERAL and (persona not in journey
                                 or journey.kind_of(persona) != S.PERSONA):
        raise UsageError(f"cxdesigner analyze: {persona!r} is not a persona of this map")
    result = analysis.analyze(journey, persona)
    print(analysis_json(journey, result) if args.json else analysis_text(journey, result))
    return 0


def _open_editor(argv: list[str]) -> int:
    parser = _Parser(prog="cxdesigner", description="Open a map in the editor.")
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--join", metavar="URL",
                        help="join a live session: the room's http://HOST:PORT/ROOM?key=KEY")
    args = parser.parse_args(argv)
    if args.join is not None:
        from ..live.rooms import RoomError, room_url

        try:
            room_url(args.join)  # a malformed address is said here, before any window
        except RoomError as exc:
            raise UsageError(f"cxdesigner --join: {exc}") from None
    from ..app import run_editor  # Qt is loaded only for the editor, never for sub-commands

    return run_editor(args.file, args.join)


def _cmd_metrics(args: argparse.Namespace) -> int:
    from ..model import metrics

    try:
        start, end = metrics_output.dates(args)
    except ValueError as exc:
        raise UsageError(f"cxdesigner metrics: {exc}") from None
    journey = _load(Path(args.file)).journey
    found = metrics.compute(journey, start, end)
    print(metrics_output.metrics_json(journey, found) if args.json
          else metrics_output.metrics_text(journey, found))
    return 0


def _cmd_live(args: argparse.Namespace) -> int:
    from ..fileformat import FileFormatError
    from ..live.client import RoomError

    try:
        return live_commands.run(args, _load, _save)
    except (RoomError, FileFormatError, ValueError) as exc:
        raise UsageError(f"cxdesigner {args.command}: {exc}") from None


_RUN = {"new": _cmd_new, "templates": _cmd_templates, "validate": _cmd_validate, "import": _cmd_import,
        "export": _cmd_export, "info": _cmd_info, "rank": _cmd_rank, "tree": _cmd_tree,
        "analyze": _cmd_analyze, "metrics": _cmd_metrics, **dict.fromkeys(live_commands.COMMANDS, _cmd_live),
        **dict.fromkeys(review_commands.COMMANDS,
                        lambda args: review_commands.run(args, _load, _save, UsageError)),
        "feedback": lambda args: feedback_commands.run(args, _load, _save, UsageError)}
