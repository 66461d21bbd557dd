"""Autosave under steady typing: real keystrokes 0.4 s apart never pause for the 2-second
debounce, yet the recovery copy must hold everything typed up to 5 s ago, in this process
and in a window that is SIGKILLed while the analyst types.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from briefing.ui.dialogs import Answer, ScriptedDialogs
from briefing.ui.recovery import Session, pending
from briefing.ui.windows import WindowManager

PROMISE_S = 5.0       # what was typed 5 s ago is on disk, however the typing goes
GAP_S = 0.4           # one keystroke every 0.4 s: well inside the 2 s debounce
TYPING_S = 12.0
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def required(typed: list[tuple[float, str]], end: float) -> str:
    """The text typed at least PROMISE_S before `end` (what the copy must hold)."""
    older = [text for at, text in typed if at <= end - PROMISE_S]
    return older[-1] if older else ""


def copy_in(folder: Path):
    """The brief in the one recovery copy of a live session, read as a restart would."""
    files = [p for p in folder.iterdir() if not p.name.startswith(".")
             and p.suffix in (".recovery", ".brief")]
    if not files:
        return None
    (path,) = files
    from briefing.ui.recovery import Entry
    return Entry(path, "", "", None, None).load()


def test_steady_typing_in_a_window_is_autosaved_within_five_seconds(qtbot, folders):
    docs, recovery = folders
    wm = WindowManager(session=Session(recovery), dialogs=ScriptedDialogs)
    w = wm.new_window()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        assert w.open(str(docs / "sample.brief"))
        item = w.new_item("question", ["s5"])
        field = w.form.editor.pages["question"].bindings["question"].widget
        field.setFocus()
        field.moveCursor(QTextCursor.End)
        start_text = w.brief.item(item).text
        typed: list[tuple[float, str]] = []
        began = time.monotonic()
        n = 0
        while time.monotonic() - began < TYPING_S:
            qtbot.keyClick(field, LETTERS[n % len(LETTERS)])
            n += 1
            typed.append((time.monotonic(), w.brief.item(item).text))
            qtbot.wait(int(GAP_S * 1000))
        end = time.monotonic()
        assert w.brief.item(item).text == start_text + "".join(
            LETTERS[i % len(LETTERS)] for i in range(n))            # real keystrokes landed
        brief = copy_in(recovery)
        assert brief is not None, "steady typing was never autosaved"
        on_disk = brief.item(item).text
        assert on_disk.startswith(required(typed, end))
        assert w.brief.item(item).text.startswith(on_disk)
    finally:
        w.dialogs.answers = [Answer.DISCARD]
        w.close()
        wm.session.release()


TYPIST = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
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
    field = w.form.editor.pages["question"].bindings["question"].widget
    field.setFocus()
    field.moveCursor(QTextCursor.End)
    print("item", item, flush=True)
    letters = "abcdefghijklmnopqrstuvwxyz"
    count = [0]
    def key():
        QTest.keyClick(field, letters[count[0] % len(letters)])
        count[0] += 1
        print("typed", w.brief.item(item).text, flush=True)
    timer = QTimer()
    timer.setInterval(int(float(sys.argv[3]) * 1000))
    timer.timeout.connect(key)
    timer.start()
    app.exec()
""")


@pytest.mark.slow
def test_steady_typing_survives_a_kill(qtbot, folders):
    docs, recovery = folders
    proc = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(recovery), str(docs / "sample.brief"), str(GAP_S)],
        stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    typed: list[tuple[float, str]] = []
    try:
        first = proc.stdout.readline().split()
        assert first[0] == "item", first
        item = first[1]
        began = time.monotonic()
        while time.monotonic() - began < TYPING_S:
            line = proc.stdout.readline()
            assert line.startswith("typed "), line
            typed.append((time.monotonic(), line[len("typed "):].rstrip("\n")))
    finally:
        proc.send_signal(signal.SIGKILL)
        killed = time.monotonic()
        proc.wait()
    assert len(typed) >= TYPING_S / GAP_S / 2            # it really typed, steadily
    entries = pending(recovery, own=Session(recovery).id)
    assert len(entries) == 1, "nothing to offer after a kill during steady typing"
    on_disk = entries[0].load().item(item).text
    assert on_disk.startswith(required(typed, killed))
    assert typed[-1][1].startswith(on_disk)
    assert entries[0].original == str(docs / "sample.brief")
