"""Canary for the PySide6 6.12.0 / CPython 3.11 bug that drops a reference to None on every
void method call, so long sessions abort with `Fatal Python error: none_dealloc`.

On Python 3.12+ None is immortal and the count cannot move, so the check only bites on 3.11
(this project's python3), which is where the bug kills sessions.
"""
import sys

import PySide6
from PySide6.QtWidgets import QWidget


def test_void_calls_do_not_leak_references_to_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(1_000):  # few enough that a leaking build fails here rather than aborting
        widget.setEnabled(True)      # void C++ methods: each returns None to Python
        widget.setToolTip("x")
    after = sys.getrefcount(None)
    assert after >= before - 100, (
        f"PySide6 {PySide6.__version__} lost {before - after} references to None over 2,000 "
        "void calls; a long session would abort with none_dealloc (pin PySide6 6.11.x)")


def test_pyside_is_the_pinned_release():
    assert PySide6.__version__ == "6.11.3", PySide6.__version__
