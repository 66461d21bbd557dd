"""File › Close keeps the last window on a start page; Ctrl+Y redoes; file problems in the
window are one-line dialogs naming the file (read-only asks first, long names and titles
are errors or fine, never "Something went wrong")."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing import Brief
from briefing.ui import ops
from briefing.ui.dialogs import Answer, ScriptedDialogs
from briefing.ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"


@pytest.fixture
def window(qtbot, tmp_path):
    def make(path: Path | None = None) -> MainWindow:
        w = MainWindow(dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        with qtbot.waitActive(w):
            w.show()
        if path is not None:
            assert w.open(str(path))
        return w
    return make


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "sample.brief"
    shutil.copyfile(SAMPLE, path)
    return path


def test_close_on_the_last_window_shows_the_start_page(qtbot, window, sample):
    w = window(sample)
    quits = []
    QApplication.instance().aboutToQuit.connect(lambda: quits.append(1))
    w.actions["close"].trigger()
    assert w.isVisible() and w.showing_start_page() and not quits
    assert w.windowTitle() == "Briefing" and w.files.path is None
    assert not w.actions["save"].isEnabled() and not w.actions["export_docx"].isEnabled()
    assert not w.actions["new_claim"].isEnabled() and not w.actions["link"].isEnabled()
    recent = w.start_page.recent
    assert [recent.item(i).data(Qt.UserRole) for i in range(recent.count())][0] == str(sample)
    # a recent brief opens from the start page
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key_Return)
    assert not w.showing_start_page() and w.files.path == str(sample)
    assert w.actions["save"].isEnabled()


def test_close_asks_about_unsaved_changes_and_cancel_keeps_the_brief(qtbot, window, sample):
    w = window(sample)
    ops.set_meta(w.brief, w.undo_stack, "title", "Changed")
    assert w.isWindowModified()
    w.dialogs.answers.append(Answer.CANCEL)
    w.actions["close"].trigger()
    assert not w.showing_start_page() and w.brief.title == "Changed"
    w.dialogs.answers.append(Answer.DISCARD)
    w.actions["close"].trigger()
    assert w.showing_start_page()


def test_close_with_another_window_open_closes_this_one(qtbot, window, sample):
    first, second = window(sample), window(sample)
    second.actions["close"].trigger()
    assert not second.isVisible() and first.isVisible() and not first.showing_start_page()


def test_ctrl_y_redoes(qtbot, window, sample):
    w = window(sample)
    w.form.select_item("item-1")
    w.actions["delete_item"].trigger()
    count = len(w.brief.items)
    w.setFocus()
    qtbot.keyClick(w, Qt.Key_Z, Qt.ControlModifier)
    assert len(w.brief.items) == count + 1
    qtbot.keyClick(w, Qt.Key_Y, Qt.ControlModifier)
    assert len(w.brief.items) == count
    shortcuts = {s.toString() for s in w.actions["redo"].shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= shortcuts


def test_saving_over_a_read_only_file_asks_first(qtbot, window, sample):
    w = window(sample)
    w.form.select_item("item-1")
    w.actions["delete_item"].trigger()
    os.chmod(sample, 0o444)
    before = sample.read_bytes()
    w.dialogs.confirms.append(False)
    assert not w.save()
    assert "confirm" in w.dialogs.asked and sample.read_bytes() == before and not w.dialogs.errors
    w.dialogs.confirms.append(True)
    assert w.save()
    assert Brief.load(sample).items != [] and sample.read_bytes() != before
    assert not w.isWindowModified()


def test_file_problems_are_one_line_errors_naming_the_file(qtbot, window, sample, tmp_path):
    w = window(sample)
    long_name = str(tmp_path / ("n" * 300 + ".brief"))
    w.dialogs.paths.append(long_name)
    assert not w.save_as()
    assert w.dialogs.errors == [f"{long_name}: cannot save: File name too long"]
    w.dialogs.errors.clear()
    ok_name = str(tmp_path / ("k" * 249 + ".brief"))    # 255 bytes: saved, and in place again
    w.dialogs.paths.append(ok_name)
    assert w.save_as() and w.save() and not w.dialogs.errors


def test_word_export_with_a_huge_title_works_from_the_window(qtbot, window, sample, tmp_path):
    w = window(sample)
    w.brief.title = "A very long brief title " * 20
    out = tmp_path / "long.docx"
    w.dialogs.paths.append(str(out))
    w.actions["export_docx"].trigger()
    assert not w.dialogs.errors
    assert len(docx.Document(str(out)).core_properties.title) == 255


def test_a_brief_is_refused_where_an_article_is_asked_for(qtbot, window, sample):
    w = window(sample)
    before = w.brief.article.text
    assert not w.files.update_article(str(sample))
    assert not w.files.new_from_article(str(sample))
    assert w.dialogs.errors == [f"{sample}: is a brief, not an article",
                                f"{sample}: is a brief, not an article (use Open)"]
    assert w.brief.article.text == before
