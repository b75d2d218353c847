"""Soak run: the reliability tests with the thorough Hypothesis profile.

    .venv/bin/python bench/soak.py                  # the full run (about an hour)
    CXD_SOAK_SCALE=0.1 .venv/bin/python bench/soak.py   # a tenth of the fuzz cases
    .venv/bin/python bench/soak.py --kills 300 --only kill

Runs, with ``HYPOTHESIS_PROFILE=soak``:

* fuzzed loading (tests/test_fuzz_loading.py): 100,000 cases in all, damaged JSON,
  damaged bytes, noise and CSV (scaled by ``CXD_SOAK_SCALE``), then the corpus;
* hostile input (tests/test_fuzz_hostile.py): 48,000 cases of hand-shaped traps
  mixed by Hypothesis (trap maps, terminal escapes, XML-forbidden text, lost CSV
  quotes), scaled like the fuzzing, then the trap files of bench/bench_hostile.py at
  full size, each loaded and analysed in a child process with a time limit;
* the stateful editing test (tests/test_stateful_undo.py): 500 runs of 50 steps;
* the kill test (tests/test_kill_save.py): 200 trials (``--kills``), POSIX only.

and prints a table of the cases run and the failures.  Exit status 1 if anything
failed.  See docs/reliability.md for the latest figures.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ["HYPOTHESIS_PROFILE"] = "soak"  # before the tests are imported: they size by it
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))

importlib.import_module("tests.conftest")  # registers and loads the Hypothesis profiles
from hypothesis.stateful import run_state_machine_as_test  # noqa: E402


def timed(run) -> tuple[float, str | None]:
    start = time.perf_counter()
    try:
        run()
    except Exception:  # noqa: BLE001  (a failing test: record it and go on)
        return time.perf_counter() - start, traceback.format_exc(limit=-8)
    return time.perf_counter() - start, None


def fuzz_parts(rows: list, failures: list) -> None:
    from tests import test_fuzz_loading as fuzz

    tests = [("fuzz: damaged JSON", "json", fuzz.test_damaged_json_loads_consistently_or_is_refused),
             ("fuzz: damaged bytes", "bytes", fuzz.test_damaged_bytes_load_consistently_or_are_refused),
             ("fuzz: noise (cxmap + CSV)", "noise", fuzz.test_noise_loads_consistently_or_is_refused),
             ("fuzz: CSV", "csv", fuzz.test_any_csv_imports_consistently_or_is_refused)]
    for label, key, test in tests:
        print(f"  {label}: {fuzz.EXAMPLES[key]:,} cases ...", flush=True)
        seconds, error = timed(test)
        rows.append((label, fuzz.CASES[key], int(error is not None), seconds))
        if error:
            failures.append((label, error))
    cases = fuzz.corpus_cases()
    bad = 0
    start = time.perf_counter()
    for case in cases:
        _, error = timed(lambda: fuzz.test_corpus_case(case))
        if error:
            bad += 1
            failures.append((f"corpus {case.name}", error))
    rows.append(("fuzz: corpus replay", len(cases), bad, time.perf_counter() - start))


def hostile_part(rows: list, failures: list, timeout: float = 120.0) -> None:
    from tests import test_fuzz_hostile as hostile

    tests = [("hostile: trap maps", "traps",
              hostile.test_trap_maps_load_with_capped_problems_and_bounded_analysis),
             ("hostile: terminal output", "terminal",
              hostile.test_no_title_reaches_the_terminal_with_a_control_or_an_override),
             ("hostile: XML text", "xml", hostile.test_any_text_written_as_xml_stays_well_formed),
             ("hostile: lost CSV quotes", "quotes",
              hostile.test_a_csv_with_a_lost_quote_is_consistent_or_refused_naming_a_line)]
    for label, key, test in tests:
        print(f"  {label}: {hostile.EXAMPLES[key]:,} cases ...", flush=True)
        seconds, error = timed(test)
        rows.append((label, hostile.CASES[key], int(error is not None), seconds))
        if error:
            failures.append((label, error))
    sys.path.insert(0, str(ROOT / "bench"))
    import subprocess

    import bench_hostile

    print("  hostile: trap files at full size ...", flush=True)
    bad = count = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for name, data in bench_hostile.traps(1.0).items():
            path = Path(folder, name.replace(" ", "-") + ".cxmap")
            path.write_text(bench_hostile.dumps(data), encoding="utf-8")
            for action in ("validate", "analyze"):
                count += 1
                try:
                    done = subprocess.run([sys.executable, bench_hostile.__file__, "--one",
                                           action, str(path)], capture_output=True,
                                          text=True, timeout=timeout)
                    error = None if done.returncode == 0 else done.stderr[-2000:]
                except subprocess.TimeoutExpired:
                    error = f"no answer within {timeout:.0f} s"
                if error:
                    bad += 1
                    failures.append((f"hostile file {name} ({action})", error))
    rows.append(("hostile: trap files at full size", count, bad, time.perf_counter() - start))


def stateful_part(rows: list, failures: list) -> None:
    from tests import test_stateful_undo as stateful

    machine = stateful.DocumentEditing
    print(f"  stateful: {stateful.RUNS} runs x {stateful.STEPS} steps ...", flush=True)
    seconds, error = timed(lambda: run_state_machine_as_test(
        machine, settings=machine.TestCase.settings))
    rows.append((f"stateful undo/redo ({stateful.CASES['runs']:,} runs)",
                 stateful.CASES["steps"], int(error is not None), seconds))
    if error:
        failures.append(("stateful", error))


def kill_part(rows: list, failures: list, trials: int) -> None:
    if os.name != "posix":
        rows.append(("kill test (skipped: not POSIX)", 0, 0, 0.0))
        return
    from tests import test_kill_save as kill

    print(f"  kill test: {trials} trials ...", flush=True)
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        seconds, error = timed(lambda: results.extend(kill.kill_trials(Path(folder), trials)))
    rows.append(("kill test (SIGKILL mid-save)", len(results), int(error is not None), seconds))
    if error:
        failures.append(("kill", error))
    if results:
        new = sum(r["new"] for r in results)
        print(f"    kills: {len(results)}; file was the save in progress (new) {new} times, "
              f"the last complete one (old) {len(results) - new} times; saves completed "
              f"{sum(r['saves'] for r in results):,}; at most "
              f"{max(r['temp_files'] for r in results)} stale temporary files left",
              flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="kill trials (default 200)")
    parser.add_argument("--only", choices=["fuzz", "hostile", "stateful", "kill"],
                        action="append",
                        help="run only these parts (repeatable)")
    args = parser.parse_args(argv)
    parts = args.only or ["fuzz", "hostile", "stateful", "kill"]
    rows: list[tuple[str, int, int, float]] = []
    failures: list[tuple[str, str]] = []
    print(f"soak run, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"CXD_SOAK_SCALE={os.environ.get('CXD_SOAK_SCALE', '1')}", flush=True)
    if "fuzz" in parts:
        fuzz_parts(rows, failures)
    if "hostile" in parts:
        hostile_part(rows, failures)
    if "stateful" in parts:
        stateful_part(rows, failures)
    if "kill" in parts:
        kill_part(rows, failures, args.kills)
    width = max(len(r[0]) for r in rows)
    print(f"\n| {'part':<{width}} | {'cases':>9} | failures | {'time':>8} |")
    print(f"|{'-' * (width + 2)}|{'-' * 11}|----------|{'-' * 10}|")
    for label, cases, failed, seconds in rows:
        print(f"| {label:<{width}} | {cases:>9,} | {failed:>8} | {seconds:>7.1f}s |")
    for label, error in failures:
        print(f"\nFAILED {label}:\n{error}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
