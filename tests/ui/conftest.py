"""Fixtures for the Qt tests. Keep each small; helpers used by one module live there."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True)
def fresh_user_folders(tmp_path_factory, monkeypatch) -> Path:
    """Every Qt test starts with empty settings, recovery and log folders of its own.

    QStandardPaths reads the XDG_* variables on each call, so setting them is enough for the
    recovery and log folders. QSettings reads XDG_CONFIG_HOME once per process and caches it,
    so it is pointed at the new folder with QSettings.setPath (and back afterwards).
    tests/ui/test_isolation.py checks both. The folders sit outside the test's own tmp_path,
    which tests list to prove no stray file appeared."""
    session_config = os.environ["XDG_CONFIG_HOME"]
    home = tmp_path_factory.mktemp("user")
    for var in XDG_VARS:
        folder = home / var.lower()
        folder.mkdir()
        monkeypatch.setenv(var, str(folder))
    config = os.environ["XDG_CONFIG_HOME"]
    formats = (QSettings.NativeFormat, QSettings.IniFormat)
    for fmt in formats:
        QSettings.setPath(fmt, QSettings.UserScope, config)
    yield home
    for fmt in formats:   # the session's folder again (set by tests/conftest.py)
        QSettings.setPath(fmt, QSettings.UserScope, session_config)


@pytest.fixture
def article_view(qtbot):
    """A shown ArticleView (about 900x700) factory: ``article_view(brief)``."""
    from briefing.ui.article_view import ArticleView

    def make(brief=None):
        view = ArticleView()
        qtbot.addWidget(view)
        view.resize(900, 700)
        view.show()
        qtbot.waitExposed(view)
        if brief is not None:
            view.set_brief(brief)
        return view

    return make


@pytest.fixture
def folders(tmp_path):
    """(documents, recovery) for the autosave tests: kept apart so each can be checked for
    stray files; the documents hold a copy of the sample brief."""
    import shutil
    from support.recovery import SAMPLE
    docs, recovery = tmp_path / "docs", tmp_path / "recovery"
    docs.mkdir()
    recovery.mkdir()
    shutil.copyfile(SAMPLE, docs / "sample.brief")
    return docs, recovery


@pytest.fixture
def manager(qtbot, folders):
    """A WindowManager factory whose sessions autosave into folders[1]; windows left with
    unsaved work close without a prompt afterwards."""
    from briefing.ui.dialogs import Answer, ScriptedDialogs
    from briefing.ui.recovery import Session
    from briefing.ui.windows import WindowManager
    made = []

    def make() -> WindowManager:
        wm = WindowManager(session=Session(folders[1]), dialogs=ScriptedDialogs)
        made.append(wm)
        return wm
    yield make
    for wm in made:
        for w in list(wm.windows):
            w.dialogs.answers = [Answer.DISCARD]
            w.close()
        wm.session.release()
