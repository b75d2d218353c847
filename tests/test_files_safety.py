"""Files are checked before they are read or written (issue 9, items 3 and 4).

Pipes, devices and folders are refused without a hang; exports never replace their own
map; saves write through links, keep mode and group, refuse read-only and newer files,
never write a map over the loader's limits; another program's change is seen by content.
Each possible hang has a pytest-timeout guard, not a timed assertion.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from cxdesigner.cli import main
from cxdesigner.fileformat import FileFormatError, cxmap, files
from cxdesigner.fileformat.files import ReadOnlyFileError
from cxdesigner.fileformat.limits import VERSION
from cxdesigner.model import JourneyMap

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
hang_guard = pytest.mark.timeout(30)


def small_map(evidence: str = "") -> JourneyMap:
    j = JourneyMap(document={"title": "Shop"})
    j.add_stage("Buy", id="s1")
    j.add_touchpoint("s1", "Checkout", id="t1", evidence=evidence)
    j.add_touchpoint("s1", "Receipt", id="t2", x=240.0)
    j.add_flow("t1", "t2")
    return j


@pytest.fixture
def map_file(tmp_path) -> Path:
    path = tmp_path / "shop.cxmap"
    cxmap.save(small_map(), path)
    return path


@pytest.fixture
def fifo(tmp_path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.cxmap"
    os.mkfifo(path)
    return path


def edited(path: Path) -> JourneyMap:
    j = cxmap.load(path).journey
    j.rename("t1", "Changed")
    return j


# ================================================================== reading
@hang_guard
def test_validate_refuses_a_named_pipe_without_hanging(fifo, capsys):
    assert main(["validate", str(fifo)]) == 1
    assert "is a named pipe, not a map file" in capsys.readouterr().out


@hang_guard
def test_load_refuses_a_named_pipe_without_hanging(fifo):
    with pytest.raises(FileFormatError, match="is a named pipe, not a map file"):
        cxmap.load(fifo)


@hang_guard
def test_csv_import_refuses_a_named_pipe_without_hanging(fifo, tmp_path, capsys):
    out = tmp_path / "out.cxmap"
    assert main(["import", str(fifo), "-o", str(out)]) == 2
    assert "named pipe" in capsys.readouterr().err
    assert not out.exists()


@hang_guard
def test_a_named_pipe_as_the_report_logo_is_refused_without_hanging(fifo):
    from cxdesigner.export.options import ReportError, check_logo

    with pytest.raises(ReportError, match="named pipe"):
        check_logo(fifo)


@hang_guard
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_load_refuses_a_link_to_dev_zero(tmp_path):
    link = tmp_path / "zero.cxmap"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileFormatError, match="is a device, not a map file"):
        cxmap.load(link)


def test_load_refuses_a_folder(tmp_path):
    with pytest.raises(FileFormatError, match="is a folder"):
        cxmap.load(tmp_path)


@hang_guard
def test_a_pipe_swapped_in_after_the_check_does_not_block(fifo, map_file, monkeypatch):
    real_stat = os.stat
    # The check sees a regular file; the open then meets the pipe.
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: real_stat(
        map_file if os.fspath(p) == os.fspath(fifo) else p, *a, **k))
    with pytest.raises(FileFormatError, match="named pipe"):
        files.read_bytes(fifo)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.cxmap"
    path.write_bytes(b"{}" * 100)
    monkeypatch.setattr(os, "open", lambda *a, **k: pytest.fail("opened"))
    with pytest.raises(FileFormatError, match="MiB"):
        files.read_bytes(path, limit=100)


@hang_guard
def test_editor_disk_state_of_a_named_pipe_is_none_without_hanging(qapp, fifo):
    from cxdesigner.ui.document.document import DiskState
    assert DiskState.read(fifo) is None


@hang_guard
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_editor_disk_state_of_a_link_to_dev_zero_is_none_without_hanging(qapp, tmp_path):
    from cxdesigner.ui.document.document import DiskState
    link = tmp_path / "zero.cxmap"
    link.symlink_to("/dev/zero")
    assert DiskState.read(link) is None


@hang_guard
def test_editor_refuses_to_open_a_named_pipe_without_hanging(qapp, fifo):
    from cxdesigner.ui.document.document import Document
    with pytest.raises(FileFormatError, match="named pipe"):
        Document.open(fifo)


# ================================================================== exports onto the map
@pytest.mark.parametrize("kind", ["csv", "pdf", "png", "svg", "graphml"])
def test_export_onto_its_own_map_is_refused(map_file, capsys, kind):
    before = map_file.read_bytes()
    assert main(["export", str(map_file), f"--{kind}", str(map_file)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "replace it" in err
    assert map_file.read_bytes() == before


def test_export_onto_a_link_to_its_own_map_is_refused(map_file, tmp_path, capsys):
    link = tmp_path / "out.csv"
    link.symlink_to(map_file)
    before = map_file.read_bytes()
    assert main(["export", str(map_file), "--csv", str(link)]) == 2
    assert map_file.read_bytes() == before and link.is_symlink()


def test_export_onto_a_hard_link_of_its_own_map_is_refused(map_file, tmp_path):
    other = tmp_path / "out.graphml"
    os.link(map_file, other)
    before = map_file.read_bytes()
    assert main(["export", str(map_file), "--graphml", str(other)]) == 2
    assert map_file.read_bytes() == before


def test_import_onto_its_own_csv_is_refused_even_with_force(tmp_path, capsys):
    csv = tmp_path / "journey.csv"
    csv.write_text("stage,touchpoint\nBuy,Checkout\n", encoding="utf-8")
    before = csv.read_bytes()
    assert main(["import", str(csv), "-o", str(csv), "--force"]) == 2
    assert "replace it" in capsys.readouterr().err
    assert csv.read_bytes() == before


@hang_guard
def test_csv_export_onto_a_named_pipe_is_refused(map_file, fifo, capsys):
    assert main(["export", str(map_file), "--csv", str(fifo)]) == 2
    assert "named pipe" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not AS_ROOT, reason="making a device node needs root")
def test_csv_export_onto_a_device_is_refused(map_file, tmp_path, capsys):
    device = tmp_path / "null"  # a private /dev/null: the real one is not risked
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert main(["export", str(map_file), "--csv", str(device)]) == 2
    assert "is a device" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


# ================================================================== saving
def test_save_through_a_symlink_keeps_the_link_and_updates_the_target(map_file, tmp_path):
    links = tmp_path / "links"
    links.mkdir()
    link = links / "shop.cxmap"
    link.symlink_to(map_file)
    before = map_file.read_bytes()
    cxmap.save(edited(link), link)
    assert link.is_symlink() and os.readlink(link) == str(map_file)
    assert cxmap.load(map_file).journey.title("t1") == "Changed"
    assert (tmp_path / "shop.cxmap.bak").read_bytes() == before  # beside the target
    assert not (links / "shop.cxmap.bak").exists()


@pytest.mark.parametrize("mode", [0o640, 0o660])
def test_save_keeps_the_mode_of_the_file_and_of_its_backup(map_file, mode):
    os.chmod(map_file, mode)
    cxmap.save(edited(map_file), map_file)
    bak = map_file.with_name(map_file.name + ".bak")
    assert stat.S_IMODE(map_file.stat().st_mode) == mode
    assert stat.S_IMODE(bak.stat().st_mode) == mode


@pytest.mark.skipif(not AS_ROOT, reason="giving a file another group needs root here")
def test_save_keeps_the_group_of_the_file_and_of_its_backup(map_file):
    team = os.getgid() + 4242
    os.chown(map_file, -1, team)
    os.chmod(map_file, 0o660)
    cxmap.save(edited(map_file), map_file)
    bak = map_file.with_name(map_file.name + ".bak")
    assert map_file.stat().st_gid == team and bak.stat().st_gid == team


def test_save_refuses_a_read_only_map(map_file):
    os.chmod(map_file, 0o444)
    before = map_file.read_bytes()
    with pytest.raises(ReadOnlyFileError, match="read-only"):
        cxmap.save(edited(map_file), map_file)
    assert map_file.read_bytes() == before


def test_save_replaces_a_read_only_map_when_told_to(map_file):
    os.chmod(map_file, 0o444)
    cxmap.save(edited(map_file), map_file, replace_read_only=True)
    assert cxmap.load(map_file).journey.title("t1") == "Changed"


def test_a_backup_name_taken_by_a_folder_does_not_block_saving(map_file):
    bak = map_file.with_name(map_file.name + ".bak")
    bak.mkdir()
    notes = cxmap.save(edited(map_file), map_file)
    assert cxmap.load(map_file).journey.title("t1") == "Changed"
    assert bak.is_dir() and notes and "No backup" in notes[0]


@hang_guard
def test_save_refuses_to_replace_a_named_pipe(fifo):
    with pytest.raises(FileFormatError, match="named pipe"):
        cxmap.save(small_map(), fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_newer_file_with_its_keys_in_another_order_is_not_overwritten(tmp_path):
    path = tmp_path / "new.cxmap"
    data = cxmap.to_data(small_map("x" * 10_000))  # "version" far past any first block
    newer = {"graph": data["graph"], "document": data["document"], "version": VERSION + 1,
             "format": "cxdesigner-map"}
    path.write_text(json.dumps(newer), "utf-8")
    before = path.read_bytes()
    with pytest.raises(FileFormatError, match="newer"):
        cxmap.save(small_map(), path)
    assert path.read_bytes() == before


def test_a_save_over_the_size_limit_is_refused_and_the_old_file_kept(map_file, monkeypatch):
    monkeypatch.setattr(cxmap, "MAX_FILE_BYTES", 2**20)  # 1 MiB: eleven long texts
    journey = small_map("e" * 100_000)
    for i in range(10):
        journey.add_touchpoint("s1", f"Step {i}", evidence="f" * 99_000)
    before = map_file.read_bytes()
    with pytest.raises(FileFormatError) as info:
        cxmap.save(journey, map_file)
    message = info.value.message
    assert "would be 1.0 MiB; CX Designer opens at most 1 MiB" in message
    assert "the evidence of touchpoint 'Checkout' (100,000 characters)" in message
    assert map_file.read_bytes() == before
    assert sorted(p.name for p in map_file.parent.iterdir()) == [map_file.name]


def test_dumps_checked_refuses_a_map_with_too_many_elements(monkeypatch):
    monkeypatch.setattr(cxmap, "MAX_NODES", 2)
    with pytest.raises(FileFormatError, match="3 elements"):
        cxmap.dumps_checked(small_map())


def test_dumps_checked_gives_the_bytes_save_writes(map_file):
    assert cxmap.loads(cxmap.dumps_checked(small_map())).journey.title("t1") == "Checkout"


def test_dumps_checked_compact_loads_the_same():
    journey = small_map("note")
    compact = cxmap.dumps_checked(journey, compact=True)
    assert b"\n" not in compact
    assert cxmap.loads(compact).journey.snapshot() == cxmap.loads(
        cxmap.dumps_checked(journey)).journey.snapshot()


# ================================================================== the editor
def test_a_same_size_change_with_the_mtime_kept_is_seen(qapp, map_file):
    from cxdesigner.ui.document.document import Document
    document, _ = Document.open(map_file)
    old = map_file.stat()
    text = map_file.read_text("utf-8")
    other = text.replace('"Checkout"', '"Checkin!"')  # same length, other bytes
    assert other != text and len(other.encode()) == len(text.encode())
    map_file.write_text(other, "utf-8")
    os.utime(map_file, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert document.disk_change() == "changed"


@pytest.fixture
def window(qapp, map_file, tmp_path, monkeypatch):
    from cxdesigner.ui import main_window as mw
    from cxdesigner.ui import settings
    from cxdesigner.ui.main_window import MainWindow

    settings.use_file(tmp_path / "settings.ini")
    w = MainWindow.open_new(map_file)
    errors: list[str] = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, text: errors.append(text))
    w.errors = errors
    yield w
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    for each in mw.windows():
        each.close()
    settings.use_file(None)


def rename(window, text: str) -> None:
    from cxdesigner.commands import RenameCommand
    window.document.push(RenameCommand(window.document.journey, "t1", text))


def test_saving_a_read_only_map_asks_and_cancel_writes_nothing(window, map_file, monkeypatch):
    from cxdesigner.ui.main_window import MainWindow
    asked: list[Path] = []
    monkeypatch.setattr(MainWindow, "ask_read_only",
                        lambda self, path: asked.append(path) or "cancel")
    os.chmod(map_file, 0o444)
    before = map_file.read_bytes()
    rename(window, "Poster")
    assert not window.save()
    assert asked == [map_file] and map_file.read_bytes() == before
    assert window.document.is_modified and not window.errors


def test_saving_a_read_only_map_can_save_as_elsewhere(window, map_file, tmp_path,
                                                      monkeypatch):
    from cxdesigner.ui.main_window import MainWindow
    other = tmp_path / "copy.cxmap"
    monkeypatch.setattr(MainWindow, "ask_read_only", lambda self, path: "save_as")
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, *a: str(other))
    os.chmod(map_file, 0o444)
    rename(window, "Poster")
    assert window.save()
    assert cxmap.load(other).journey.title("t1") == "Poster"
    assert window.document.path == other and not window.document.is_modified


def test_the_editor_refuses_to_export_csv_onto_the_maps_own_file(window, map_file,
                                                                 monkeypatch):
    from cxdesigner.ui.main_window import MainWindow
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, *a: str(map_file))
    before = map_file.read_bytes()
    window.export_csv()
    assert map_file.read_bytes() == before
    assert len(window.errors) == 1 and "own file" in window.errors[0]


def test_the_editor_refuses_to_export_onto_a_link_to_the_maps_own_file(
        window, map_file, tmp_path, monkeypatch):
    from cxdesigner.ui.main_window import MainWindow
    link = tmp_path / "graph.graphml"
    link.symlink_to(map_file)
    monkeypatch.setattr(MainWindow, "ask_save_path", lambda self, *a: str(link))
    before = map_file.read_bytes()
    window.export_graphml()
    assert map_file.read_bytes() == before
    assert len(window.errors) == 1 and "own file" in window.errors[0]


@hang_guard
@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout")
def test_export_to_dev_stdout_on_a_pipe_names_the_pipe(map_file):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "cxdesigner", "export", str(map_file),
                           "--csv", "/dev/stdout"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2
    assert "named pipe" in done.stderr and "Traceback" not in done.stderr
