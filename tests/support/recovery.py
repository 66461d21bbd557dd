"""Shared pieces of the autosave and recovery tests: windows shown under a WindowManager
whose session writes to a test folder, and the failures those tests inject."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtWidgets import QLabel

from briefing import Brief

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"
PROMISE_MS = 5000   # unsaved work reaches disk within 5 s, however the analyst types


def shown(qtbot, wm, path: Path | None = None):
    """A new window of the manager, shown and exposed, on `path` if given."""
    w = wm.new_window()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    if path is not None:
        assert w.open(str(path))
    return w


def warning(w) -> QLabel | None:
    """The status bar's autosave warning, if the window has one."""
    return w.findChild(QLabel, "autosaveWarning")


def no_space(*_args, **_kwargs):
    """A stand-in writer for a full disk."""
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def made(text: str) -> Brief:
    """A small brief whose title and only item say `text`."""
    brief = Brief.from_text("Alpha is here. Beta follows. Gamma ends.", title=text)
    brief.add_item("risk", text, ["s2"])
    return brief
