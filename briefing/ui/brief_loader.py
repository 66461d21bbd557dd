"""Opening a .brief for the window: small files at once, large ones on a worker thread.

A brief of 50,000 citations takes seconds to parse, validate and resolve. On the GUI thread
that froze the window (autosave included) for the whole time; here the worker parses the
file and does the work the first paint would otherwise do (segment every source, resolve
every citation, index what cites what), while a local event loop keeps the window painting
and a busy dialog appears after 200 ms. The call stays synchronous for the caller, as
``article_loader.load_article`` does for PDFs.
"""
from __future__ import annotations

import os

from PySide6.QtWidgets import QWidget

from briefing.api import Brief
from briefing.io import brief_file
from briefing.ui.worker import FileJob, busy_dialog, wait

WORKER_BYTES = 1024 * 1024    # files this large are opened on the worker


def warm(brief: Brief) -> Brief:
    """Do now what showing the brief would ask for first: every source's sentences, every
    citation's resolution, the index of what cites what, the review count."""
    for source in brief.sources:
        source.index
    brief.cited_sentence_ids()
    brief.review_total()
    return brief


class _Job(FileJob):
    verb = "cannot open"

    def __init__(self, path: str) -> None:
        super().__init__(path, "brief-open")

    def work(self) -> tuple[Brief, str]:
        brief, digest = brief_file.load(self.path, Brief)
        return warm(brief), digest


def load_brief(parent: QWidget | None, path: str) -> tuple[Brief, str]:
    """(brief, sha256 of the bytes read), or BriefingFileError with one line."""
    try:
        large = os.path.getsize(path) >= WORKER_BYTES
    except OSError:
        large = False            # brief_file.load words the problem
    if not large:
        return brief_file.load(path, Brief)
    job = _Job(path)
    wait(job, busy_dialog(parent, "Opening the brief…", "Opening", "openProgress"))
    if job.error is not None:
        raise job.error
    assert job.result is not None
    return job.result
