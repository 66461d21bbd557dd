"""Slow reads on a Python thread while the window keeps painting: the one pattern the
article and brief loaders share.

A job is a QObject with `start()` (starting its `thread`), a `finished` threading.Event and
a `done` signal emitted from the thread when it ends. `wait` starts it and runs a local event loop
until then, so the caller stays synchronous and the GUI keeps painting; a dialog built by
`busy_dialog` appears only if the wait lasts.
"""
from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_AFTER_MS = 200


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
