"""The per-test user folders of tests/ui/conftest.py really are per test.

Two runs of the same test each leave a recent file, a window state, a recovery file and a log
line behind, and each must start from nothing: whichever runs second would see the first's
leftovers if any folder were shared (or cached by Qt, as QSettings caches its path).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from briefing.ui.recovery import recovery_folder
from briefing.ui.settings import Settings


def under(path: str | Path, folder: str) -> bool:
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


@pytest.mark.parametrize("run", ["first", "second"])
def test_each_test_starts_with_empty_settings_and_data_folders(qapp, fresh_user_folders, run):
    # the folders Qt reports are this test's own
    assert under(QSettings().fileName(), os.environ["XDG_CONFIG_HOME"])
    assert under(QSettings().fileName(), fresh_user_folders)
    data = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    assert under(data, os.environ["XDG_DATA_HOME"]) and under(data, fresh_user_folders)
    assert under(recovery_folder(), fresh_user_folders)
    # ... and empty: nothing from the other run
    settings = Settings()
    assert settings.recent_files() == [] and settings.geometry() is None
    folder = recovery_folder()
    assert not folder.exists() or list(folder.iterdir()) == []
    # leave something behind for the other run to (not) find
    settings.add_recent(f"/tmp/{run}.brief")
    settings.save_window(QByteArray(b"geometry"), QByteArray(b"splitter"))
    QSettings().sync()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{run}.brief").write_text("{}", encoding="utf-8")
    assert Settings().recent_files() == [f"/tmp/{run}.brief"]
