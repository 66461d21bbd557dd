"""A failed autosave is shown in the window until one succeeds again (a retry, a change, or
saving the brief), and a recovery entry is never left half-written: a disk that fills up
mid-autosave still leaves a whole entry, and older versions' two-file entries are offered
from whichever half holds the brief.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.ui import recovery
from briefing.ui.recovery import Autosaver, Entry, Session, pending
from support.recovery import shown, warning, no_space, made

PROMISE_MS = 5000


# ---- the warning ---------------------------------------------------------------------
@pytest.mark.parametrize("how", ["disk-full", "folder-gone"])
def test_the_warning_stays_until_a_retry_succeeds(qtbot, manager, folders, monkeypatch, how):
    docs, rec = folders
    w = shown(qtbot, manager(), docs / "sample.brief")
    assert warning(w) is not None and not warning(w).isVisible()
    if how == "disk-full":
        monkeypatch.setattr(recovery, "write_atomic", no_space)
        reason = os.strerror(errno.ENOSPC)
    else:                                   # a real OS error, even for root
        shutil.rmtree(rec)
        rec.write_text("not a folder", encoding="utf-8")
        reason = os.strerror(errno.ENOTDIR)
    item = w.new_item("question", ["s1"])
    qtbot.waitUntil(lambda: warning(w).isVisible(), timeout=PROMISE_MS)
    assert warning(w).text() == (f"⚠ Autosave failed: {reason} — your changes are not "
                                 "protected; save now")
    # persistent: other status messages and further failed attempts leave it up
    w.statusBar().showMessage("Something else happened", 100)
    w.brief.set_field(item, "note", "more")
    w.autosaver.write_now()
    qtbot.wait(300)
    assert warning(w).isVisible() and w.autosaver.error == reason
    # the disk comes back: the retry succeeds with no further change, and the warning goes
    monkeypatch.undo()
    if how == "folder-gone":
        rec.unlink()
        rec.mkdir()
    assert w.autosaver.retry.isActive()
    w.autosaver.retry.setInterval(200)      # instead of waiting RETRY_MS
    w.autosaver.retry.start()
    qtbot.waitUntil(lambda: not warning(w).isVisible(), timeout=PROMISE_MS)
    assert dumps(Entry(w.autosaver.path, "", "", None, None).load()) == dumps(w.brief)


def test_saving_clears_the_warning(qtbot, manager, folders, monkeypatch):
    docs, _ = folders
    w = shown(qtbot, manager(), docs / "sample.brief")
    monkeypatch.setattr(recovery, "write_atomic", no_space)
    w.new_item("question", ["s1"])
    qtbot.waitUntil(lambda: warning(w).isVisible(), timeout=PROMISE_MS)
    monkeypatch.undo()
    assert w.save()
    assert not warning(w).isVisible()       # the work is on disk: nothing is unprotected
    qtbot.wait(300)
    assert not warning(w).isVisible()


# ---- no half-written entries ---------------------------------------------------------
def test_a_disk_that_fills_mid_autosave_still_leaves_a_whole_entry(qtbot, tmp_path, monkeypatch):
    """Before, the copy and its metadata were two writes: a disk filling between them left a
    copy that was never offered. One file holds both now, so this cannot happen."""
    real, writes = recovery.write_atomic, []

    def fills_up(path, data, **kwargs):
        writes.append(path)
        if len(writes) > 1:
            no_space()
        real(path, data, **kwargs)
    monkeypatch.setattr(recovery, "write_atomic", fills_up)
    session = Session(tmp_path)
    brief = made("typed before the disk filled")
    saver = Autosaver(session, "1", lambda: brief, lambda: ("full.brief", "/x/full.brief", None))
    saver.write_now()
    session.release()                       # and then the app crashed
    entries = pending(tmp_path, own=Session(tmp_path).id)
    assert [(e.name, e.original) for e in entries] == [("full.brief", "/x/full.brief")]
    assert dumps(entries[0].load()) == dumps(brief)


def write_pair(folder: Path, session_id: str, name: str, saved_at: str, brief: Brief,
               meta_bytes: bytes | None = None) -> None:
    """An older version's entry: a .brief copy and a .json sidecar, its session dead."""
    stem = folder / f"{session_id}-1"
    stem.with_suffix(".brief").write_bytes(dumps(brief))
    meta = json.dumps({"name": name, "saved_at": saved_at, "original": None,
                       "disk_hash": None}).encode()
    stem.with_suffix(".json").write_bytes(meta if meta_bytes is None else meta_bytes)


def test_older_entries_missing_half_their_pair_are_still_offered(qtbot, manager, folders):
    """Older versions wrote a copy and then its sidecar: a crash or a full disk between the
    two left a copy without (or with a torn) sidecar, which used to be skipped for good."""
    _, rec = folders
    good, older = made("good work"), made("older work")
    write_pair(rec, "aaaaaaaaaaaa", "good.brief", "2024-10-25T10:00:00Z", good)
    write_pair(rec, "bbbbbbbbbbbb", "older.brief", "2024-10-25T09:00:00Z", older)
    full = json.dumps({"name": "torn.brief", "saved_at": "2024-10-25T11:00:00Z"}).encode()
    torn, empty, alone = made("torn"), made("empty"), made("alone")
    write_pair(rec, "cccccccccccc", "torn.brief", "", torn, meta_bytes=full[:20])
    write_pair(rec, "dddddddddddd", "empty.brief", "", empty, meta_bytes=b"")
    write_pair(rec, "ffffffffffff", "alone.brief", "", alone)
    (rec / "ffffffffffff-1.json").unlink()
    # a sidecar whose copy is gone has nothing to restore: ignored, no crash
    write_pair(rec, "999999999999", "gone.brief", "2024-10-25T12:00:00Z", made("gone"))
    (rec / "999999999999-1.brief").unlink()
    for n, stem in enumerate(("cccccccccccc", "dddddddddddd", "ffffffffffff")):
        os.utime(rec / f"{stem}-1.brief", (1_700_000_000 + n, 1_700_000_000 + n))

    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"] * 5
    restored = wm.offer_recovery(parent)
    for w in restored:
        qtbot.addWidget(w)
    nameless = "recover Unsaved brief (name not recorded)"
    assert parent.dialogs.asked == ["recover good.brief", "recover older.brief"] + [nameless] * 3
    assert parent.dialogs.errors == []
    expected = (good, older, alone, empty, torn)
    assert [dumps(w.brief) for w in restored] == [dumps(b) for b in expected]
    assert list(rec.glob("*.brief")) == []                 # restored: the old pairs are gone
    assert (rec / "999999999999-1.json").exists()           # nothing deleted unasked
