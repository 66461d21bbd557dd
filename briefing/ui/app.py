"""QApplication setup: names, icon and settings locations, then the main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefing import __version__

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
ICON_DIR = RESOURCES / "icons"
SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted(ICON_DIR.glob("briefing-*.png")):
        icon.addFile(str(png))
    return icon


def configure(app: QCoreApplication) -> None:
    """Names first: QSettings and QStandardPaths derive their folders from them."""
    app.setOrganizationName("Briefing")
    app.setOrganizationDomain("briefing.example")
    app.setApplicationName("Briefing")
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setWindowIcon(app_icon())
        app.setDesktopFileName("briefing")


def run_app(path: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    from briefing.ui.main_window import MainWindow  # after the names are set
    window = MainWindow()
    window.show()
    if path:
        window.open(path)
    return app.exec()
