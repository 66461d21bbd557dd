"""The Qt front end. Imports PySide6; nothing below it (core, io) may.

`from briefing.ui import MainWindow` is the automation surface tests and scripts drive:
`open(path)`, `select_item(item_id)`, and `article_view.highlighted_text()`.
"""
from __future__ import annotations

__all__ = ["MainWindow"]


def __getattr__(name: str):
    # Lazy, so `briefing.ui.app` can name the application before any window module loads.
    if name == "MainWindow":
        from briefing.ui.main_window import MainWindow
        return MainWindow
    raise AttributeError(f"module 'briefing.ui' has no attribute {name!r}")
