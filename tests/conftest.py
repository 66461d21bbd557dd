"""Test-wide setup: headless Qt, settings/data folders in a throwaway place, and a
reproducible hypothesis profile for CI.

XDG folders are redirected before any QApplication exists, so QSettings, QStandardPaths
(recovery files, logs) never touch the real user's files during tests. The Qt tests go
further and get fresh folders per test (tests/ui/conftest.py).

With CI set in the environment (CI runs with CI=true) hypothesis runs the "ci" profile:
derandomized, so a failure in CI fails the same way on a developer's machine, and it prints
the blob that replays the failing example (@reproduce_failure). HYPOTHESIS_PROFILE picks a
profile by name ("ci" or "default") and wins over CI.
"""
import os
import tempfile

from hypothesis import settings as hypothesis_settings

hypothesis_settings.register_profile(
    "ci", derandomize=True, max_examples=100, deadline=None, print_blob=True, database=None)
_profile = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "")
if _profile:
    hypothesis_settings.load_profile(_profile)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="briefing-tests-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = os.path.join(_HOME, var.lower())
    os.makedirs(os.environ[var], exist_ok=True)


def pytest_configure(config):
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.setOrganizationName("Briefing")
    QCoreApplication.setApplicationName("Briefing-tests")
