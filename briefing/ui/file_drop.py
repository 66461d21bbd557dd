"""Files dropped on a window: a .brief opens; reports (any format the importer registry
reads) are added to the open brief as sources, or start a new brief over them from the
start page; anything else is refused at the border (the pointer says no).

An event filter on the window, so the window class only has to create one."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from briefing.io.importers import is_supported

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


def _is_brief(path: str) -> bool:
    return Path(path).suffix.lower() == ".brief"


def dropped_paths(mime) -> list[str]:
    """The local files a drop carries: one brief, or one or more supported reports
    (empty for anything else: a brief among reports, an unsupported file, a web link)."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    files = [url.toLocalFile() for url in urls if url.isLocalFile()]
    if not files or len(files) != len(urls):
        return []
    if any(_is_brief(f) for f in files):
        return files if len(files) == 1 else []
    return files if all(is_supported(f) for f in files) else []


def dropped_path(mime) -> str | None:
    """The first file of an accepted drop (one-file callers)."""
    paths = dropped_paths(mime)
    return paths[0] if paths else None


class FileDrop(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if dropped_paths(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Drop:
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.open(paths)
            return True
        return False

    def open(self, paths: list[str] | str) -> bool:
        """A brief opens; reports become sources of the open brief, or a new brief."""
        paths = [paths] if isinstance(paths, str) else list(paths)
        files = self.window.files
        if len(paths) == 1 and _is_brief(paths[0]):
            return files.open(paths[0])
        brief = self.window.brief
        blank = brief is None or not brief.items and not any(s.text.strip() for s in brief.sources)
        if self.window.showing_start_page() or blank:
            return files.new_from_articles(paths)
        return bool(files.add_sources(paths))
