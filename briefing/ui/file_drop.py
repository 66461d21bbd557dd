"""Files dropped on a window: a .brief opens, any format the importer registry reads starts
a new brief over it; anything else is refused at the border (the pointer says no).

An event filter on the window, so the window class only has to create one."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from briefing.io.importers import is_supported

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


def dropped_path(mime) -> str | None:
    """The one local file a drop carries, if it is a brief or a supported article."""
    if mime is None or not mime.hasUrls():
        return None
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    if len(files) != 1:
        return None
    path = files[0]
    return path if Path(path).suffix.lower() == ".brief" or is_supported(path) else None


class FileDrop(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if dropped_path(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Drop:
            path = dropped_path(event.mimeData())
            if path:
                event.acceptProposedAction()
                self.open(path)
            return True
        return False

    def open(self, path: str) -> bool:
        files = self.window.files
        if Path(path).suffix.lower() == ".brief":
            return files.open(path)
        return files.new_from_article(path)
