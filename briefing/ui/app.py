"""QApplication setup. Placeholder window until the main window lands."""
from __future__ import annotations

import sys


def run_app(path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Briefing")
    window.resize(1200, 800)
    window.show()
    return app.exec()
