"""QApplication setup: names, icon, settings and data folders, logging, recovery, windows."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing import __version__
from briefing.logsetup import install_excepthook, setup_logging

ROOT = Path(__file__).resolve().parents[2]
ICON_DIR = ROOT / "resources" / "icons"
log = logging.getLogger(__name__)


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


def data_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


def run_app(path: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure(app)
    log_path = setup_logging(data_folder() / "logs")
    install_excepthook(lambda msg: QMessageBox.critical(None, "Briefing", f"{msg}\n{log_path}"))
    from briefing.ui.windows import WindowManager  # after the names are set
    manager = WindowManager()
    window = manager.new_window()
    window.show()
    if not path or not window.open(path):
        window.show_start_page()
    manager.offer_recovery(window)
    log.info("started briefing %s", __version__)
    return app.exec()
