"""Export from the window: ask where, never overwrite silently, report errors in a dialog."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.io.errors import BriefingFileError
from briefing.ui.file_actions import save_asking

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

FILTERS = {"md": "Markdown (*.md)", "docx": "Word document (*.docx)"}
QUOTE_FILTERS = {"csv": "CSV, UTF-8 (*.csv)", "xlsx": "Excel workbook (*.xlsx)",
                 "json": "JSON (*.json)"}


def _write(window: "MainWindow", path: str, write, done_message: str) -> bool:
    """Write an export the analyst chose the name of (the dialog has already asked about
    replacing it), asking before replacing a read-only file; errors go to a dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)   # a large brief: seconds
    try:
        done = save_asking(window.dialogs, path, lambda replace: write(replace) or True)
    except BriefingFileError as exc:
        window.dialogs.error(str(exc))
        return False
    finally:
        QApplication.restoreOverrideCursor()
    if not done:
        return False
    window.statusBar().showMessage(done_message, 4000)
    return True


def export_as(window: "MainWindow", to: str) -> bool:
    from briefing.io.export import export_file
    stem = Path(window.files.suggested_path()).with_suffix(f".{to}")
    path = window.dialogs.save_path(str(stem), f"Export {FILTERS[to]}", FILTERS[to])
    if not path:
        return False
    if not path.endswith(f".{to}"):
        path += f".{to}"
    return _write(window, path, lambda replace: export_file(
        window.brief, to, path, force=True, replace_read_only=replace), f"Exported {path}")


def export_quote_list_as(window: "MainWindow") -> bool:
    """File › Export Quote List: one row per citation as CSV, Excel or JSON, the format
    from the name's suffix (CSV when it has none of the three)."""
    from briefing.io.quotes import export_quote_list
    stem = Path(window.files.suggested_path()).with_suffix(".csv")
    path = window.dialogs.save_path(str(stem), "Export Quote List", ";;".join(QUOTE_FILTERS.values()))
    if not path:
        return False
    fmt = Path(path).suffix.lstrip(".").lower()
    if fmt not in QUOTE_FILTERS:
        fmt, path = "csv", path + ".csv"
    return _write(window, path, lambda replace: export_quote_list(
        window.brief, path, fmt, force=True, replace_read_only=replace),
        f"Exported the quote list to {path}")
