"""The real dialogs behind the seam in briefing/ui/dialogs.py: every other window test
answers through ScriptedDialogs, so here real QMessageBoxes and QFileDialogs are shown and
their buttons clicked, to check each button maps to the answer the window acts on.
"""
from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCompleter, QDialogButtonBox, QFileDialog, QLineEdit,
                               QMessageBox, QWidget)

from briefing.ui.dialogs import Answer, Dialogs
from support.modal import answer_modal, click_button


@pytest.fixture
def dialogs(qtbot) -> Dialogs:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return Dialogs(parent)


def box_of(widget) -> QMessageBox:
    assert isinstance(widget, QMessageBox), type(widget)
    return widget


# ---- the unsaved-changes question ----------------------------------------------------
@pytest.mark.parametrize("button, answer", [
    (QMessageBox.StandardButton.Save, Answer.SAVE),
    (QMessageBox.StandardButton.Discard, Answer.DISCARD),
    (QMessageBox.StandardButton.Cancel, Answer.CANCEL),
], ids=["save", "discard", "cancel"])
def test_unsaved_changes_buttons_map_to_their_answers(dialogs, button, answer):
    seen = {}

    def click(widget):
        box = box_of(widget)
        seen["text"], seen["title"] = box.text(), box.windowTitle()
        seen["buttons"] = {b.text().replace("&", "") for b in box.buttons()}
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
        click_button(box, button)

    answered = answer_modal(click)
    assert dialogs.unsaved_changes("talks.brief") is answer
    answered.check()
    assert seen["title"] == "Unsaved changes" and "“talks.brief”" in seen["text"]
    assert len(seen["buttons"]) == 3 and seen["default"]


@pytest.mark.parametrize("key, answer", [(Qt.Key_Escape, Answer.CANCEL),
                                         (Qt.Key_Return, Answer.SAVE)], ids=["escape", "enter"])
def test_unsaved_changes_keys_escape_cancels_and_enter_saves(qtbot, dialogs, key, answer):
    answered = answer_modal(lambda box: qtbot.keyClick(box, key))
    assert dialogs.unsaved_changes("talks.brief") is answer
    answered.check()


# ---- the recovery offer --------------------------------------------------------------
@pytest.mark.parametrize("button, answer", [("Restore", "restore"), ("Discard", "discard"),
                                            ("Later", "later")])
def test_recover_buttons_map_to_their_answers(dialogs, button, answer):
    seen = {}

    def click(widget):
        box = box_of(widget)
        seen["text"] = box.text()
        click_button(box, button)

    answered = answer_modal(click)
    assert dialogs.recover("talks.brief", "2024-10-25T09:00:00Z") == answer
    answered.check()
    assert "“talks.brief”" in seen["text"] and "2024-10-25 09:00:00 UTC" in seen["text"]


def test_recover_escape_decides_later(qtbot, dialogs):
    answered = answer_modal(lambda box: qtbot.keyClick(box, Qt.Key_Escape))
    assert dialogs.recover("talks.brief", "2024-10-25T09:00:00Z") == "later"
    answered.check()


# ---- confirm and error ---------------------------------------------------------------
@pytest.mark.parametrize("button, answer", [(QMessageBox.StandardButton.Yes, True),
                                            (QMessageBox.StandardButton.No, False)],
                         ids=["yes", "no"])
def test_confirm_yes_and_no(dialogs, button, answer):
    answered = answer_modal(lambda box: click_button(box_of(box), button))
    assert dialogs.confirm("Overwrite?", "The file changed on disk.") is answer
    answered.check()


def test_error_is_shown_and_logged(dialogs, caplog):
    seen = {}

    def ok(widget):
        box = box_of(widget)
        seen["text"], seen["icon"] = box.text(), box.icon()
        click_button(box, QMessageBox.StandardButton.Ok)

    answered = answer_modal(ok)
    with caplog.at_level(logging.ERROR, logger="briefing.errors"):
        dialogs.error("x.brief: not valid JSON")
    answered.check()
    assert seen == {"text": "x.brief: not valid JSON", "icon": QMessageBox.Icon.Critical}
    assert [r.getMessage() for r in caplog.records if r.name == "briefing.errors"] == [
        "shown to user: x.brief: not valid JSON"]


# ---- file dialogs --------------------------------------------------------------------
def choose(qtbot, name: str):
    """Type a file name into the dialog's file name field (the dialog opens in the folder
    the app gives it) and press its accept button, as a user does."""
    def pick(widget):
        assert isinstance(widget, QFileDialog), type(widget)
        edit = widget.findChild(QLineEdit, "fileNameEdit")
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, name)
        for popup in widget.findChildren(QCompleter):   # a completion list would take Return
            popup.popup().hide()
        buttons = widget.findChild(QDialogButtonBox, "buttonBox")
        accept = next(b for b in buttons.buttons()
                      if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
        assert accept.isEnabled()
        accept.click()
    return pick


def cancel(widget):
    assert isinstance(widget, QFileDialog), type(widget)
    widget.reject()


def test_open_dialog_returns_the_chosen_file_or_none(qtbot, dialogs, tmp_path):
    brief = tmp_path / "talks.brief"
    brief.write_text("{}", encoding="utf-8")
    answered = answer_modal(choose(qtbot, brief.name))
    assert dialogs.open_brief_path(str(tmp_path)) == str(brief)
    answered.check()
    answered = answer_modal(cancel)
    assert dialogs.open_brief_path(str(tmp_path)) is None
    answered.check()


def test_save_dialog_returns_the_typed_path_or_none(qtbot, dialogs, tmp_path):
    target = tmp_path / "new.brief"
    answered = answer_modal(choose(qtbot, target.name))
    assert dialogs.save_path(str(tmp_path / "suggested.brief")) == str(target)
    answered.check()
    answered = answer_modal(cancel)
    assert dialogs.save_path(str(tmp_path / "suggested.brief")) is None
    answered.check()
    assert list(tmp_path.iterdir()) == []            # a save dialog writes nothing itself
