"""Autosave and recovery when the disk does not cooperate: a failed autosave is logged (not
its content) once, shown in the window until an autosave succeeds again, and the last good
entry stays complete meanwhile (one atomic file); half-written entries are skipped without a
crash while the others are still offered, and older versions' entries whose sidecar is
missing or torn are still offered from their copy.
"""
from __future__ import annotations

import errno
import logging
import os
import shutil
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.logsetup import setup_logging
from briefing.ui import recovery
from briefing.ui.recovery import Entry, encode, pending
from support.recovery import shown, warning, no_space, made

PROMISE_MS = 5000
SECRET = "typed by the analyst: HUMINT-7"


@pytest.fixture
def log_path(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == str(path):
            root.removeHandler(handler)
            handler.close()


def change(w, note: str = SECRET) -> str:
    """A change through the window (one undo step, as a gesture makes) whose content the
    log must never see."""
    item = w.new_item("question", ["s1"])
    w.brief.set_field(item, "note", note)
    return item


def on_disk(w):
    """The window's recovery entry as the next start would load it."""
    return Entry(w.autosaver.path, "", "", None, None).load()


# ---- a failed autosave ---------------------------------------------------------------

def folder_becomes_a_file(folder: Path) -> None:
    shutil.rmtree(folder)
    folder.write_text("not a folder", encoding="utf-8")


@pytest.mark.parametrize("how", ["disk-full", "folder-gone"])
def test_a_failed_autosave_is_logged_without_content_and_the_next_one_works(
        qtbot, manager, folders, log_path, monkeypatch, how):
    docs, rec = folders
    w = shown(qtbot, manager(), docs / "sample.brief")
    first = change(w, "saved before the disk filled up")
    w.autosaver.write_now()                 # a good entry on disk before the failures
    good = w.autosaver.path.read_bytes()
    if how == "disk-full":
        monkeypatch.setattr(recovery, "write_atomic", no_space)
        reason = os.strerror(errno.ENOSPC)
    else:                                   # a real OS error, even for root
        folder_becomes_a_file(rec)
        reason = os.strerror(errno.ENOTDIR)
    item = change(w)
    qtbot.waitUntil(lambda: "autosave failed" in log_path.read_text(encoding="utf-8"),
                    timeout=PROMISE_MS)
    lines = [l for l in log_path.read_text(encoding="utf-8").splitlines() if "autosave" in l]
    assert len(lines) == 1
    assert " ERROR briefing.ui.recovery " in lines[0]
    assert lines[0].endswith(f"autosave failed: {reason}")
    text = log_path.read_text(encoding="utf-8")
    assert SECRET not in text and w.brief.title not in text
    assert w.isWindowModified() and w.brief.item(item).note == SECRET   # the work is intact
    assert w.dialogs.errors == []           # logged and shown in the status bar, no dialog
    qtbot.waitUntil(lambda: warning(w).isVisible())
    assert reason in warning(w).text()
    if how == "disk-full":                  # the last good entry is whole and offered
        assert w.autosaver.path.read_bytes() == good
        assert on_disk(w).item(first).note == "saved before the disk filled up"
    # the disk comes back: the next change is autosaved and the warning goes
    monkeypatch.undo()
    if how == "folder-gone":
        rec.unlink()
        rec.mkdir()
    change(w, SECRET + " again")
    qtbot.waitUntil(lambda: w.autosaver.path.exists() and on_disk(w) is not None
                    and dumps(on_disk(w)) == dumps(w.brief), timeout=PROMISE_MS)
    qtbot.waitUntil(lambda: not warning(w).isVisible())
    assert len([l for l in log_path.read_text(encoding="utf-8").splitlines()
                if "autosave" in l]) == 1   # once per failure, not per attempt


# ---- half-written recovery entries ---------------------------------------------------

def entry_bytes(name: str, saved_at: str, brief: Brief) -> bytes:
    return encode({"name": name, "saved_at": saved_at, "original": None, "disk_hash": None},
                  dumps(brief))


def test_half_written_entries_are_skipped_and_the_others_still_offered(qtbot, manager, folders):
    _, rec = folders
    good, older, legacy = made("good work"), made("older work"), made("legacy work")
    (rec / "aaaaaaaaaaaa-1.recovery").write_bytes(
        entry_bytes("good.brief", "2024-10-25T10:00:00Z", good))
    (rec / "bbbbbbbbbbbb-1.recovery").write_bytes(
        entry_bytes("older.brief", "2024-10-25T09:00:00Z", older))
    # older versions' pairs whose sidecar is torn, or was never written: the copy alone is
    # still offered, under a plain name
    (rec / "cccccccccccc-1.brief").write_bytes(dumps(legacy))
    (rec / "cccccccccccc-1.json").write_bytes(b'{"name": "leg')
    os.utime(rec / "cccccccccccc-1.brief", (1_600_000_000, 1_600_000_000))   # 2020
    (rec / "c0c0c0c0c0c0-1.brief").write_bytes(dumps(legacy))
    os.utime(rec / "c0c0c0c0c0c0-1.brief", (1_500_000_000, 1_500_000_000))   # 2017: oldest
    # entries cut off inside their metadata line, an empty one, and a killed write's temp
    torn = entry_bytes("torn.brief", "2024-10-25T11:00:00Z", made("torn"))
    (rec / "dddddddddddd-1.recovery").write_bytes(torn[:30])
    (rec / "eeeeeeeeeeee-1.recovery").write_bytes(b"")
    (rec / ".ffffffffffff-1.recovery.abcd1234.tmp").write_bytes(torn[:10])

    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"] * 4
    restored = wm.offer_recovery(parent)
    for w in restored:
        qtbot.addWidget(w)
    plain = "recover Unsaved brief (name not recorded)"
    assert parent.dialogs.asked == ["recover good.brief", "recover older.brief",   # newest first
                                    plain, plain]
    assert parent.dialogs.errors == []
    assert [dumps(w.brief) for w in restored] == [dumps(good), dumps(older), dumps(legacy),
                                                  dumps(legacy)]
    # the torn entries are not offered, and left alone (nothing deleted that is not ours)
    assert (rec / "dddddddddddd-1.recovery").read_bytes() == torn[:30]
    assert (rec / "eeeeeeeeeeee-1.recovery").exists()
    assert not (rec / ".ffffffffffff-1.recovery.abcd1234.tmp").exists()  # a dead writer's temp


def test_an_entry_whose_brief_is_truncated_is_an_error_and_the_next_is_restored(
        qtbot, manager, folders):
    _, rec = folders
    good, broken = made("good work"), made("broken work")
    data = entry_bytes("broken.brief", "2024-10-25T11:00:00Z", broken)
    (rec / "aaaaaaaaaaaa-1.recovery").write_bytes(data[:len(data) - 200])
    (rec / "bbbbbbbbbbbb-1.recovery").write_bytes(
        entry_bytes("good.brief", "2024-10-25T10:00:00Z", good))
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore", "restore"]
    restored = wm.offer_recovery(parent)
    for w in restored:
        qtbot.addWidget(w)
    assert parent.dialogs.asked == ["recover broken.brief", "recover good.brief"]
    assert len(parent.dialogs.errors) == 1
    assert "broken.brief" in parent.dialogs.errors[0] and "truncated" in parent.dialogs.errors[0]
    assert [dumps(w.brief) for w in restored] == [dumps(good)]
    assert [e.name for e in pending(rec, own=wm.session.id)] == ["broken.brief"]  # kept
