"""Autosave files, session locks, what a new start offers to recover, and what it cleans."""
import fcntl
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.ui import recovery
from briefing.ui.recovery import (DEBOUNCE_MS, MAX_WAIT_MS, Autosaver, Entry, Session, pending,
                                  read_header)

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"


def _brief():
    brief = Brief.from_text("Alpha is here. Beta follows.", title="T")
    brief.add_item("claim", "Alpha", ["s1"])
    return brief


def test_autosave_writes_after_the_debounce_and_clean_state_removes_it(qtbot, tmp_path):
    session = Session(tmp_path)
    brief = _brief()
    saver = Autosaver(session, "1", lambda: brief, lambda: ("t.brief", None, None))
    saver.changed(False)
    assert not saver.path.exists()                # debounced: nothing written on the keystroke
    qtbot.waitUntil(saver.path.exists, timeout=DEBOUNCE_MS + 3000)
    assert DEBOUNCE_MS <= MAX_WAIT_MS <= 4000     # leaves a second of the 5 s for the write
    entry = Entry(saver.path, "", "", None, None)
    assert entry.load().items[0].text == "Alpha"
    assert read_header(saver.path)["name"] == "t.brief"
    saver.changed(True)
    assert list(tmp_path.iterdir()) == [tmp_path / f"{session.id}.lock"]


def test_a_live_session_is_never_offered_for_recovery(qtbot, tmp_path):
    mine, other = Session(tmp_path), Session(tmp_path)
    saver = Autosaver(other, "1", _brief, lambda: ("other.brief", None, None))
    saver.write_now()
    assert pending(tmp_path, own=mine.id) == []   # the other instance is running: hands off
    other.release()
    entries = pending(tmp_path, own=mine.id)
    assert [e.name for e in entries] == ["other.brief"]
    assert entries[0].load().items[0].text == "Alpha"
    entries[0].discard()
    assert pending(tmp_path, own=mine.id) == []


def test_two_sessions_write_different_files(qtbot, tmp_path):
    a, b = Session(tmp_path), Session(tmp_path)
    assert a.path("1") != b.path("1")


CRASHER = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QCoreApplication
    from briefing import Brief
    from briefing.ui.recovery import Autosaver, Session
    from pathlib import Path
    app = QCoreApplication([])
    session = Session(Path(sys.argv[1]))
    brief = Brief.from_text("Alpha is here. Beta follows.", title="T")
    brief.add_item("risk", "typed before the crash", ["s2"])
    saver = Autosaver(session, "1", lambda: brief, lambda: ("crashed.brief", "/x/crashed.brief", None))
    saver.changed(False)
    print("ready", flush=True)
    app.exec()
""")


def test_work_survives_a_kill(qtbot, tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", CRASHER, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    assert proc.stdout.readline().strip() == "ready"
    deadline = time.monotonic() + 10
    while not list(tmp_path.glob("*.recovery")) and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    entries = pending(tmp_path, own=Session(tmp_path).id)
    assert len(entries) == 1
    assert entries[0].original == "/x/crashed.brief"
    assert entries[0].load().items[0].text == "typed before the crash"


KILLED_MID_WRITE = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from briefing import Brief
    from briefing.ui.recovery import Autosaver, Session
    def stuck(fd):                      # the temp file is written: the kill comes now
        print("writing", flush=True)
        time.sleep(60)
    os.fsync = stuck
    app = QCoreApplication([])
    session = Session(Path(sys.argv[1]))
    brief = Brief.from_text("Alpha is here. Beta follows.", title="T")
    saver = Autosaver(session, "1", lambda: brief, lambda: ("killed.brief", None, None))
    saver.write_now(wait=False)
    app.exec()
""")


def test_temp_files_of_autosaves_killed_mid_write_are_removed_on_start(qtbot, tmp_path):
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-c", KILLED_MID_WRITE, str(tmp_path)],
                                stdout=subprocess.PIPE, text=True, env=os.environ.copy())
        try:
            assert proc.stdout.readline().strip() == "writing"
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]   # the last kill's
    # a live instance's write in progress: its writer holds the flock, it must survive
    busy = tmp_path / ".~0123456789.abcd1234.tmp"
    fd = os.open(busy, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        Session(tmp_path)                          # the next start
        assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == [busy]
    finally:
        os.close(fd)
    assert pending(tmp_path, own=Session(tmp_path).id) == []   # nothing half-written offered


def test_the_disk_write_runs_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    """Only the snapshot (about 0.5 ms for the sample) is taken on the GUI thread; the write
    and fsync (10-20 ms here, unbounded on a slow disk) run on the autosave thread."""
    threads, real = [], recovery.write_atomic

    def spy(path, data, **kwargs):
        threads.append(threading.current_thread())
        real(path, data, **kwargs)
    monkeypatch.setattr(recovery, "write_atomic", spy)
    sample = Brief.load(SAMPLE)
    saver = Autosaver(Session(tmp_path), "1", lambda: sample, lambda: ("s.brief", None, None))
    saver.changed(False)
    qtbot.waitUntil(saver.path.exists, timeout=MAX_WAIT_MS + 2000)
    assert threads and threading.main_thread() not in threads
    assert dumps(Entry(saver.path, "", "", None, None).load()) == dumps(sample)


def test_a_write_still_queued_when_the_work_is_saved_never_lands(qtbot, tmp_path, monkeypatch):
    """Saving removes the copy; a background write queued before must not bring it back
    (a stale copy would be offered after the next crash)."""
    real, started = recovery.write_atomic, threading.Event()

    def slow(path, data, **kwargs):
        started.set()
        time.sleep(0.3)
        real(path, data, **kwargs)
    monkeypatch.setattr(recovery, "write_atomic", slow)
    saver = Autosaver(Session(tmp_path), "1", _brief, lambda: ("t.brief", None, None))
    saver.write_now(wait=False)          # in progress when the save comes
    saver.write_now(wait=False)          # still queued
    assert started.wait(5)
    saver.changed(True)                  # saved: waits for the write in progress, drops the rest
    qtbot.wait(700)
    assert not saver.path.exists() and saver.error == ""
