"""Slow reads on a Python thread while the window keeps painting: the one pattern the
article and brief loaders share.

A job is a QObject with `start()` (starting its `thread`), a `finished` threading.Event and
a `done` signal emitted from the thread when it ends. `wait` starts it and runs a local event loop
until then, so the caller stays synchronous and the GUI keeps painting; a dialog built by
`busy_dialog` appears only if the wait lasts.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefing.io.errors import BriefingFileError

PROGRESS_AFTER_MS = 200


class FileJob(QObject):
    """Reading one file on a Python thread: `work()` (a subclass's) returns the result;
    a BriefingFileError is kept as `error`, anything else becomes one, worded with `verb`
    ("cannot import"), so a worker never dies silently and the caller gets one line."""
    done = Signal()
    verb = "cannot read"

    def __init__(self, path: str, name: str) -> None:
        super().__init__()
        self.path = path
        self.result = None
        self.error: BriefingFileError | None = None
        self.finished = threading.Event()
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def work(self):
        raise NotImplementedError

    def _run(self) -> None:
        try:
            self.result = self.work()
        except BriefingFileError as exc:
            self.error = exc
        except Exception as exc:  # noqa: BLE001 - never let a worker die silently
            self.error = BriefingFileError(self.path, f"{self.verb} ({type(exc).__name__})")
        self.finished.set()
        self.done.emit()


def busy_dialog(parent: QWidget | None, label: str, title: str, name: str,
                cancel: str | None = None, after_ms: int = PROGRESS_AFTER_MS) -> QProgressDialog:
    """A window-modal progress dialog shown after `after_ms` (no Cancel button when
    `cancel` is None)."""
    dialog = QProgressDialog(label, cancel or "", 0, 0, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    if cancel is None:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def wait(job, dialog: QProgressDialog) -> None:
    """Start the job's thread and keep the event loop running until it is done."""
    loop = QEventLoop()
    job.done.connect(loop.quit, Qt.QueuedConnection)
    job.start()
    if not job.finished.is_set():
        loop.exec()
    job.thread.join()
    dialog.close()
    dialog.deleteLater()
