"""Errors reach a rotating log in the data folder, with context but without brief content."""
import logging
import sys
from logging.handlers import RotatingFileHandler

import pytest

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.logsetup import install_excepthook, redact, setup_logging
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow

SECRET = "Source HUMINT-7 met the minister"


@pytest.fixture
def log_path(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == str(path):
            root.removeHandler(handler)
            handler.close()


def test_redact_keeps_the_shape_but_not_quoted_values():
    assert redact(f"x.brief: '{SECRET}' is not one of ['a', 'b'] (at sections.claims[0].status)") \
        == "x.brief: '…' is not one of ['…', '…'] (at sections.claims[0].status)"


def test_an_error_shown_in_the_window_is_logged_without_the_brief_content(qtbot, tmp_path, log_path):
    bad = tmp_path / "bad.brief"
    brief = Brief.from_text("Alpha is here. Beta follows.")
    brief.add_item("claim", "Alpha", ["s1"])
    bad.write_bytes(dumps(brief).replace(b'"status": "reported"', f'"status": "{SECRET}"'.encode()))
    window = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    assert not window.open(str(bad))
    assert SECRET in window.dialogs.errors[0]          # the user is told exactly what is wrong
    text = log_path.read_text(encoding="utf-8")
    assert "ERROR briefing.errors" in text and str(bad) in text
    assert "sections.claims[0].status" in text         # enough context to diagnose
    assert SECRET not in text                          # but not what the brief says


def test_uncaught_errors_are_logged_with_traceback_and_reported_in_one_line(log_path, monkeypatch):
    told = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(told.append)
    try:
        raise ValueError(f"cannot parse '{SECRET}'")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    text = log_path.read_text(encoding="utf-8")
    assert "uncaught ValueError" in text and "Traceback (most recent call last)" in text
    assert "test_logging.py" in text and SECRET not in text
    assert len(told) == 1 and "\n" not in told[0] and "ValueError" in told[0]


def test_the_log_rotates_instead_of_growing_forever(log_path):
    logger = logging.getLogger("briefing.test")
    for n in range(12_000):
        logger.error("line %d %s", n, "x" * 100)
    sizes = sorted(p.name for p in log_path.parent.iterdir())
    assert "briefing.log.1" in sizes and len(sizes) <= 4
    assert all(p.stat().st_size <= 1_100_000 for p in log_path.parent.iterdir())
