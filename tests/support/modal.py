"""Drive a real modal dialog (QMessageBox, QFileDialog, a QDialog's exec()) from a test.

`answer_modal(handle)` polls the event loop (every 10 ms, from a QTimer) for the
application's active modal widget and calls `handle(widget)` once on it; the handler clicks
a button, types a path, or closes it. Call it just before the code that opens the dialog:
the dialog's own event loop runs the timer. If the handler fails, the dialog is closed so
the test cannot hang, and the failure is kept for `Answered.check()`.

`from support.modal import answer_modal` (pytest puts tests/ on the path).
"""
from __future__ import annotations

import time
from typing import Callable


class Answered:
    def __init__(self) -> None:
        self.widget = None          # the modal widget that was handled
        self.result = None          # what the handler returned
        self.error: BaseException | None = None
        self.timer = None

    def check(self):
        """Raise whatever went wrong; otherwise the handler's result."""
        if self.error is not None:
            raise self.error
        assert self.widget is not None, "no modal dialog appeared"
        return self.result


def answer_modal(handle: Callable[[object], object], timeout_ms: int = 10_000) -> Answered:
    """Handle the next modal widget once; fail (and close it) if none appears, or if it is
    still open `timeout_ms` after the handler ran, so a test can never hang on a dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    answered = Answered()
    limit = timeout_ms / 1000
    deadline = [time.monotonic() + limit]
    timer = QTimer()
    timer.setInterval(10)

    def give_up(widget, error: BaseException) -> None:
        timer.stop()
        answered.error = answered.error or error
        if widget is not None and isValid(widget):
            widget.close()

    def poll() -> None:
        widget = answered.widget
        if widget is not None:                 # handled: wait until it has gone
            if not isValid(widget) or not widget.isVisible():   # (a finished box is deleted)
                timer.stop()
            elif time.monotonic() > deadline[0]:
                give_up(widget, TimeoutError(f"the dialog did not close: {widget!r}"))
            return
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            answered.widget = widget
            deadline[0] = time.monotonic() + limit
            try:
                answered.result = handle(widget)
            except BaseException as exc:       # keep it for check()
                give_up(widget, exc)
        elif time.monotonic() > deadline[0]:
            give_up(None, TimeoutError("no modal dialog appeared"))

    timer.timeout.connect(poll)
    timer.start()
    answered.timer = timer                     # alive as long as the record
    return answered


def click_button(box, which) -> None:
    """Click a QMessageBox's button: a StandardButton or the button's text."""
    from PySide6.QtWidgets import QMessageBox
    if isinstance(which, QMessageBox.StandardButton):
        button = box.button(which)
    else:
        button = next(b for b in box.buttons() if b.text().replace("&", "") == which)
    assert button is not None, which
    button.click()
