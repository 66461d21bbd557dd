"""Reading an article for the window: quick files at once, PDFs (and anything large) on a
worker thread with a progress dialog that appears after 200 ms and can cancel.

The call stays synchronous for the caller (a local event loop runs while the worker reads),
so file actions keep their simple `load(path) -> bool` shape and the GUI keeps painting.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefing.core.article import Article
from briefing.io.article_import import read_article
from briefing.io.importers import ImportCancelled, sniff
from briefing.ui.worker import FileJob, busy_dialog, wait

PROGRESS_AFTER_MS = 200
THREADED = {"pdf"}               # importers slow enough to need the worker
LARGE_BYTES = 4 * 1024 * 1024    # any file this large goes to the worker too


def needs_worker(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(0, 2)
            size = handle.tell()
    except OSError:
        return False             # read_article reports it with its one line
    return sniff(head, path).name in THREADED or size > LARGE_BYTES


class ImportJob(FileJob):
    """read_article on a Python thread; progress and the end come back as queued signals."""
    progressed = Signal(int, int)
    verb = "cannot import"

    def __init__(self, path: str) -> None:
        super().__init__(path, "article-import")
        self.cancelled = threading.Event()

    @property
    def article(self) -> Article | None:
        return self.result

    def cancel(self) -> None:
        self.cancelled.set()

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise ImportCancelled(self.path, "import cancelled")
        self.progressed.emit(done, total)

    def work(self) -> Article:
        return read_article(self.path, self._progress)


def load_article(parent: QWidget | None, path: str) -> Article:
    """The article in `path`; BriefingFileError (ImportCancelled if the analyst cancelled)."""
    if not needs_worker(path):
        return read_article(path)
    job = ImportJob(path)
    dialog = busy_dialog(parent, "Reading the article…", "Importing", "importProgress", "Cancel",
                         PROGRESS_AFTER_MS)
    job.progressed.connect(lambda done, total: _show(dialog, done, total))
    dialog.canceled.connect(job.cancel)
    wait(job, dialog)
    if job.error is not None:
        raise job.error
    assert job.article is not None
    return job.article


def _show(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
    dialog.setLabelText(f"Reading page {done} of {total}…")
