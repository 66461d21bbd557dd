"""Test-wide setup: headless Qt, and settings/data folders in a throwaway place.

XDG folders are redirected before any QApplication exists, so QSettings, QStandardPaths
(recovery files, logs) never touch the real user's files during tests.
"""
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="briefing-tests-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())
    os.makedirs(os.environ[var], exist_ok=True)


def pytest_configure(config):
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.setOrganizationName("Briefing")
    QCoreApplication.setApplicationName("Briefing-tests")
