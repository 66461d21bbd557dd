"""Crash recovery at window level: a WindowManager's windows autosave unsaved work, saving
or closing removes it, and a crashed session's work is offered back (restore / discard /
later). A crash is simulated in process (a session whose lock is released without cleaning
up, as a dead process's lock becomes stale) and for real (a window in a subprocess, SIGKILL).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.ui.dialogs import Answer
from briefing.ui.offsets import OffsetMap
from briefing.ui.recovery import Entry, Session, pending
from support.recovery import PROMISE_MS, shown



def activate(qtbot, w) -> None:
    """Bring a window to the front: shortcuts only reach the active window."""
    w.raise_()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


def add_item(qtbot, w, sid: str = "s2") -> str:
    """Click a sentence and press Ctrl+3: a new risk."""
    activate(qtbot, w)
    view = w.article_view
    view.scroll_to_sentence(sid)
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(w.brief.article.text).to_qt(w.brief.sentence(sid).start + 3))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center() + QPoint(2, 0))
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_3, Qt.ControlModifier)
    return w.selected_item_id()


def recovery_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.suffix in (".recovery", ".brief", ".json")}


def copy_of(saver) -> Brief:
    return Entry(saver.path, "", "", None, None).load()


# ---- autosave follows the window ---------------------------------------------------
def test_a_change_is_autosaved_and_saving_removes_it(qtbot, manager, folders):
    docs, recovery = folders
    w = shown(qtbot, manager(), docs / "sample.brief")
    saver = w.autosaver
    assert recovery_files(recovery) == set()          # opening is not a change
    item = add_item(qtbot, w)
    qtbot.waitUntil(saver.path.exists, timeout=PROMISE_MS)
    assert dumps(copy_of(saver)) == dumps(w.brief)
    assert copy_of(saver).item(item).kind == "risk"
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_S, Qt.ControlModifier)
    assert not w.isWindowModified()
    assert recovery_files(recovery) == set()
    assert {p.name for p in docs.iterdir()} == {"sample.brief"}


def test_undoing_back_to_the_saved_state_removes_it(qtbot, manager, folders):
    docs, recovery = folders
    w = shown(qtbot, manager(), docs / "sample.brief")
    add_item(qtbot, w)
    qtbot.waitUntil(w.autosaver.path.exists, timeout=PROMISE_MS)
    w.undo_stack.undo()
    assert recovery_files(recovery) == set()
    w.undo_stack.redo()                               # modified again: written again
    qtbot.waitUntil(w.autosaver.path.exists, timeout=PROMISE_MS)


def test_closing_removes_it_and_cancelled_close_keeps_it(qtbot, manager, folders):
    docs, recovery = folders
    w = shown(qtbot, manager(), docs / "sample.brief")
    add_item(qtbot, w)
    qtbot.waitUntil(w.autosaver.path.exists, timeout=PROMISE_MS)
    w.dialogs.answers = [Answer.CANCEL]
    assert not w.close()
    assert len(recovery_files(recovery)) == 1
    w.dialogs.answers = [Answer.DISCARD]
    assert w.close()
    assert recovery_files(recovery) == set()


def test_two_windows_autosave_to_different_files(qtbot, manager, folders):
    docs, recovery = folders
    wm = manager()
    a, b = shown(qtbot, wm, docs / "sample.brief"), shown(qtbot, wm, docs / "sample.brief")
    add_item(qtbot, a, "s2")
    add_item(qtbot, b, "s4")
    qtbot.waitUntil(lambda: len(recovery_files(recovery)) == 2, timeout=PROMISE_MS)
    assert a.autosaver.path != b.autosaver.path


# ---- a crashed session's work ------------------------------------------------------
def crash_in_process(qtbot, manager, folders) -> tuple[str, str]:
    """A window with unsaved work whose session dies without cleaning up: the lock is
    released (a dead process's lock is stale) and nothing is removed. Returns the dumps of
    the unsaved brief and the title the user gave it."""
    docs, _ = folders
    wm = manager()
    w = shown(qtbot, wm, docs / "sample.brief")
    item = add_item(qtbot, w)
    w.brief.set_field(item, "description", "typed just before the crash")
    w.autosaver.write_now()
    expected = dumps(w.brief)
    w.autosaver.stop()
    w.autosaver = None          # the dead process removes nothing
    wm.session.release()
    wm.windows.remove(w)
    w.undo_stack.setClean()     # so the test's clean-up closes it silently
    return expected, item


def test_restore_opens_the_recovered_brief_modified_and_save_goes_home(qtbot, manager, folders):
    docs, recovery = folders
    expected, item = crash_in_process(qtbot, manager, folders)
    original = docs / "sample.brief"
    on_disk = original.read_bytes()
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"]
    restored = wm.offer_recovery(parent)
    assert parent.dialogs.asked == ["recover sample.brief"]
    assert len(restored) == 1
    w = restored[0]
    qtbot.addWidget(w)
    assert dumps(w.brief) == expected
    assert w.brief.item(item).get("description") == "typed just before the crash"
    assert w.isWindowModified() and w.windowTitle().startswith("sample.brief[*]")
    assert w.files.path == str(original)
    assert original.read_bytes() == on_disk           # restoring writes nothing home
    # the crashed entry is gone; the restored window keeps its own copy until saved
    assert pending(recovery, own=wm.session.id) == []
    assert recovery_files(recovery) == {w.autosaver.path.name}
    assert nothing_offered_to_a_new_session(recovery)
    activate(qtbot, w)
    qtbot.keyClick(w, Qt.Key_S, Qt.ControlModifier)
    assert w.dialogs.asked == []                      # no Save As, no "changed on disk"
    assert dumps(Brief.load(original)) == expected
    assert not w.isWindowModified()
    assert recovery_files(recovery) == set()
    assert {p.name for p in docs.iterdir()} == {"sample.brief"}


def nothing_offered_to_a_new_session(recovery: Path) -> bool:
    """Another session started now would be offered nothing: our files are live."""
    return pending(recovery, own=Session(recovery).id) == []


def test_restore_then_close_discarding_removes_everything(qtbot, manager, folders):
    _, recovery = folders
    crash_in_process(qtbot, manager, folders)
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"]
    (w,) = wm.offer_recovery(parent)
    qtbot.addWidget(w)
    w.dialogs.answers = [Answer.DISCARD]
    assert w.close()
    assert recovery_files(recovery) == set()


def test_restored_work_whose_file_changed_since_asks_before_overwriting(
        qtbot, manager, folders):
    docs, _ = folders
    crash_in_process(qtbot, manager, folders)
    original = docs / "sample.brief"
    theirs = original.read_bytes().replace(b'"title": "', b'"title": "Edited meanwhile: ', 1)
    original.write_bytes(theirs)
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"]
    (w,) = wm.offer_recovery(parent)
    qtbot.addWidget(w)
    w.dialogs.confirms = [False]
    assert not w.save()
    assert w.dialogs.asked == ["confirm"] and original.read_bytes() == theirs


def test_discard_deletes_the_entry(qtbot, manager, folders):
    _, recovery = folders
    crash_in_process(qtbot, manager, folders)
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["discard"]
    assert wm.offer_recovery(parent) == []
    assert recovery_files(recovery) == set()
    assert wm.windows == [parent]


def test_later_keeps_the_entry_for_next_time(qtbot, manager, folders):
    _, recovery = folders
    expected, _ = crash_in_process(qtbot, manager, folders)
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["later"]
    assert wm.offer_recovery(parent) == []
    assert len(recovery_files(recovery)) == 1
    wm.session.release()                              # this session ends too
    nxt = manager()
    other = shown(qtbot, nxt)
    entries = pending(recovery, own=nxt.session.id)
    assert [e.name for e in entries] == ["sample.brief"]
    other.dialogs.recoveries = ["restore"]
    (w,) = nxt.offer_recovery(other)
    qtbot.addWidget(w)
    assert dumps(w.brief) == expected


def test_a_damaged_entry_is_an_error_not_a_crash(qtbot, manager, folders):
    _, recovery = folders
    crash_in_process(qtbot, manager, folders)
    entry = next(recovery.glob("*.recovery"))      # its metadata intact, the brief damaged
    entry.write_bytes(entry.read_bytes().split(b"\n", 1)[0] + b"\n{torn")
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"]
    assert wm.offer_recovery(parent) == []
    assert len(parent.dialogs.errors) == 1 and "sample.brief" in parent.dialogs.errors[0]
    assert wm.windows == [parent]


CRASHER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from briefing.ui.dialogs import ScriptedDialogs
    from briefing.ui.recovery import Session
    from briefing.ui.windows import WindowManager
    app = QApplication([])
    wm = WindowManager(session=Session(Path(sys.argv[1])), dialogs=ScriptedDialogs)
    w = wm.new_window()
    w.show()
    assert w.open(sys.argv[2])
    item = w.new_item("question", ["s5"])
    w.form.editor.pages["question"].bindings["question"].widget.setPlainText("Who knew?")
    def ready():
        if w.autosaver.path.exists():
            print("ready", item, flush=True)
        else:
            QTimer.singleShot(50, ready)
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, ready)
    app.exec()
""")


@pytest.mark.slow
def test_work_of_a_killed_window_is_restored(qtbot, manager, folders):
    docs, recovery = folders
    original = docs / "sample.brief"
    proc = subprocess.Popen([sys.executable, "-c", CRASHER, str(recovery), str(original)],
                            stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        line = proc.stdout.readline().split()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert line[0] == "ready"
    item = line[1]
    wm = manager()
    parent = shown(qtbot, wm)
    parent.dialogs.recoveries = ["restore"]
    (w,) = wm.offer_recovery(parent)
    qtbot.addWidget(w)
    assert w.brief.item(item).text == "Who knew?"
    assert w.isWindowModified() and w.files.path == str(original)
    assert w.save() and Brief.load(original).item(item).text == "Who knew?"
    assert recovery_files(recovery) == set()
