"""BriefForm driven like an analyst drives it: clicks on rows, typing, keys, drops, undo."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from briefing import Brief
from briefing.ui.brief_form import BriefForm
from briefing.ui.section_model import ITEM_MIME, SENTENCES_MIME

TEXT = ("Officials said the talks began in 2022. The Kremlin denied it. "
        "A third source declined to comment. Markets barely moved.")


def make_brief() -> Brief:
    brief = Brief.from_text(TEXT, title="Talks", outlet="Wire")
    brief.set_meta("analyst", "J. Analyst")
    brief.add_item("claim", "Talks began in 2022", ["s1"])       # item-1
    brief.add_item("claim", "The Kremlin denies", ["s2", "s3"])  # item-2
    brief.add_item("claim", "Markets shrugged", ["s4"])          # item-3
    brief.add_item("actor", "Kremlin", ["s2"])                   # item-4
    brief.add_item("risk", "Escalation")                         # item-5
    return brief


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def form(qtbot, brief, stack) -> BriefForm:
    form = BriefForm(brief, stack)
    form.resize(700, 900)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def ids(brief, kind):
    return [i.id for i in brief.sections[kind]]


def click_row(qtbot, form, kind, row):
    view = form.panes[kind].view
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def field(form, kind, name):
    return form.editor.pages[kind].bindings[name].widget


def retype(qtbot, widget, text):
    """Click into a field, select everything, type new text key by key."""
    qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.LeftButton)
    qtbot.keyClick(widget, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClicks(widget, text)


# ---- selection ---------------------------------------------------------------------------
def test_clicking_a_row_selects_it_and_clears_the_other_sections(qtbot, form):
    with qtbot.waitSignal(form.itemSelected) as selected:
        click_row(qtbot, form, "claim", 1)
    assert selected.args == ["item-2"] and form.selected_item_id() == "item-2"
    assert field(form, "claim", "statement").toPlainText() == "The Kremlin denies"
    with qtbot.waitSignal(form.itemSelected) as selected:
        click_row(qtbot, form, "actor", 0)
    assert selected.args == ["item-4"]
    assert not form.panes["claim"].view.selectionModel().hasSelection()
    assert field(form, "actor", "name").text() == "Kremlin"


def test_select_item_with_edit_focuses_the_headline_with_its_text_selected(qtbot, form):
    form.select_item("item-3", edit=True)
    widget = field(form, "claim", "statement")
    qtbot.waitUntil(widget.hasFocus)
    assert widget.textCursor().selectedText() == "Markets shrugged"
    assert form.panes["claim"].view.selectionModel().selectedRows()[0].row() == 2
    form.select_item("")
    assert form.selected_item_id() == "" and form.editor.content.isHidden()


# ---- item fields -------------------------------------------------------------------------
def test_typing_a_statement_is_one_undo_step(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 0)
    widget = field(form, "claim", "statement")
    retype(qtbot, widget, "Talks began in 2021")
    assert brief.item("item-1").statement == "Talks began in 2021"
    assert stack.count() == 1
    stack.undo()
    assert brief.item("item-1").statement == "Talks began in 2022"
    assert widget.toPlainText() == "Talks began in 2022"
    assert stack.count() == 1   # showing the undone value pushed nothing
    stack.redo()
    assert widget.toPlainText() == "Talks began in 2021"


def test_ctrl_z_in_a_field_undoes_through_the_brief_stack(qtbot, form, brief, stack):
    click_row(qtbot, form, "actor", 0)
    widget = field(form, "actor", "name")
    retype(qtbot, widget, "Peskov")
    qtbot.keyClick(widget, Qt.Key_Z, Qt.ControlModifier)
    assert brief.item("item-4").name == "Kremlin" and widget.text() == "Kremlin"
    assert stack.index() == 0 and stack.count() == 1


def test_status_combo_change_and_undo(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 1)
    combo = field(form, "claim", "status")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Down)
    qtbot.keyClick(combo, Qt.Key_Down)
    assert brief.item("item-2").status == "denied"
    assert stack.count() == 2   # each choice is its own step
    stack.undo()
    stack.undo()
    assert brief.item("item-2").status == "reported" and combo.currentText() == "Reported"


def test_note_edits_and_switching_items_keep_edits_apart(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 0)
    qtbot.keyClicks(field(form, "claim", "note"), "check")
    click_row(qtbot, form, "claim", 1)
    assert field(form, "claim", "note").toPlainText() == ""
    qtbot.keyClicks(field(form, "claim", "note"), "other")
    assert (brief.item("item-1").note, brief.item("item-2").note) == ("check", "other")
    assert stack.count() == 2


# ---- metadata ----------------------------------------------------------------------------
def test_metadata_edits_are_undoable(qtbot, form, brief, stack):
    meta = form.meta
    retype(qtbot, meta.bindings["analyst"].widget, "R. Reviewer")
    qtbot.keyClicks(meta.bindings["summary"].widget, "Bottom line.")
    marking = meta.bindings["marking"].widget
    marking.setFocus()
    qtbot.keyClick(marking, Qt.Key_Down)
    qtbot.mouseClick(meta.toggle, Qt.LeftButton)
    assert meta.bindings["article.outlet"].widget.isVisible()
    retype(qtbot, meta.bindings["article.outlet"].widget, "Agency")
    assert (brief.analyst, brief.summary, brief.marking, brief.article.outlet) == (
        "R. Reviewer", "Bottom line.", "TLP:GREEN", "Agency")
    assert stack.count() == 4
    assert "Agency" in meta.toggle.text()
    while stack.canUndo():
        stack.undo()
    assert (brief.analyst, brief.summary, brief.marking, brief.article.outlet) == (
        "J. Analyst", "", "TLP:CLEAR", "Wire")
    assert meta.bindings["analyst"].widget.text() == "J. Analyst"
    assert marking.currentData() == "TLP:CLEAR"


# ---- moving ------------------------------------------------------------------------------
def test_move_buttons_reorder_keep_the_selection_and_undo(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 0)
    assert not form.editor.up_button.isEnabled()
    qtbot.mouseClick(form.editor.down_button, Qt.LeftButton)
    qtbot.mouseClick(form.editor.down_button, Qt.LeftButton)
    assert ids(brief, "claim") == ["item-2", "item-3", "item-1"]
    assert form.selected_item_id() == "item-1" and not form.editor.down_button.isEnabled()
    stack.undo()
    assert ids(brief, "claim") == ["item-2", "item-1", "item-3"]
    assert form.panes["claim"].view.selectionModel().selectedRows()[0].row() == 1
    stack.redo()
    assert ids(brief, "claim") == ["item-2", "item-3", "item-1"]


def drop(qtbot, view, row, mime: QMimeData, action=Qt.MoveAction):
    """Deliver a drag-and-drop onto a list at the top edge of `row` (or below the last)."""
    model = view.model()
    if row < model.rowCount():
        pos = view.visualRect(model.index(row, 0)).topLeft() + QPoint(30, 2)
    else:
        pos = view.visualRect(model.index(model.rowCount() - 1, 0)).bottomLeft() + QPoint(30, 4)
    args = (pos, action, mime, Qt.LeftButton, Qt.NoModifier)
    for event in (QDragEnterEvent(*args), QDragMoveEvent(*args)):
        QApplication.sendEvent(view.viewport(), event)
    event = QDropEvent(pos.toPointF(), action, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
    return event


def item_mime(item_id):
    mime = QMimeData()
    mime.setData(ITEM_MIME, item_id.encode())
    return mime


def test_dragging_a_row_within_a_section_reorders_in_one_step(qtbot, form, brief, stack):
    drop(qtbot, form.panes["claim"].view, 0, item_mime("item-3"))
    assert ids(brief, "claim") == ["item-3", "item-1", "item-2"]
    assert stack.count() == 1 and form.selected_item_id() == "item-3"
    stack.undo()
    assert ids(brief, "claim") == ["item-1", "item-2", "item-3"]


def test_dragging_a_row_to_another_section_moves_it_and_undo_restores(qtbot, form, brief, stack):
    brief.set_field("item-1", "status", "confirmed")
    click_row(qtbot, form, "claim", 0)
    drop(qtbot, form.panes["risk"].view, 1, item_mime("item-1"))
    assert ids(brief, "risk") == ["item-5", "item-1"] and "item-1" not in ids(brief, "claim")
    assert form.selected_item_id() == "item-1"
    assert field(form, "risk", "description").toPlainText() == "Talks began in 2022"
    assert form.panes["risk"].title.toolTip() == "2 risks"
    stack.undo()
    assert ids(brief, "claim")[0] == "item-1" and brief.item("item-1").status == "confirmed"
    assert form.selected_item_id() == "item-1"
    assert field(form, "claim", "status").currentData() == "confirmed"
    stack.redo()
    assert brief.item("item-1").kind == "risk"


def test_dropping_sentences_creates_a_selected_item(qtbot, form, brief, stack):
    mime = QMimeData()
    mime.setData(SENTENCES_MIME, json.dumps(["s3", "s4"]).encode())
    drop(qtbot, form.panes["risk"].view, 0, mime, Qt.CopyAction)
    new = brief.sections["risk"][0]
    assert new.description == "A third source declined to comment. Markets barely moved."
    assert brief.sentence_ids_of(new) == ["s3", "s4"] and form.selected_item_id() == new.id
    assert stack.count() == 1
    stack.undo()
    assert ids(brief, "risk") == ["item-5"] and form.selected_item_id() == ""


# ---- sources -----------------------------------------------------------------------------
def source_row_centre(form, row):
    sources = form.editor.sources
    return sources.visualItemRect(sources.item(row)).center()


def test_unlink_a_source_with_the_button_and_undo(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 1)
    sources = form.editor.sources
    assert sources.count() == 2 and not form.editor.unlink_button.isEnabled()
    qtbot.mouseClick(sources.viewport(), Qt.LeftButton, pos=source_row_centre(form, 0))
    qtbot.mouseClick(form.editor.unlink_button, Qt.LeftButton)
    assert brief.sentence_ids_of(brief.item("item-2")) == ["s3"] and sources.count() == 1
    stack.undo()
    assert brief.sentence_ids_of(brief.item("item-2")) == ["s2", "s3"] and sources.count() == 2
    assert [c.exact for c in brief.item("item-2").citations] == [
        "The Kremlin denied it.", "A third source declined to comment."]
    assert [sources.item(r).text() for r in range(2)] == [
        "The Kremlin denied it.", "A third source declined to comment."]


def test_delete_key_unlinks_and_double_click_activates_a_sentence(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 1)
    sources = form.editor.sources
    pos = source_row_centre(form, 1)
    with qtbot.waitSignal(form.sentenceActivated) as activated:
        qtbot.mouseClick(sources.viewport(), Qt.LeftButton, pos=pos)   # a real double-click
        qtbot.mouseDClick(sources.viewport(), Qt.LeftButton, pos=pos)  # starts with a press
    assert activated.args == ["s3"]
    qtbot.keyClick(sources, Qt.Key_Delete)
    assert brief.sentence_ids_of(brief.item("item-2")) == ["s2"]


# ---- deleting and undo under a selection --------------------------------------------------
def test_delete_key_deletes_selects_the_neighbour_and_undo_brings_it_back(qtbot, form, brief, stack):
    click_row(qtbot, form, "claim", 1)
    qtbot.keyClick(form.panes["claim"].view, Qt.Key_Delete)
    assert ids(brief, "claim") == ["item-1", "item-3"] and form.selected_item_id() == "item-3"
    stack.undo()
    assert ids(brief, "claim") == ["item-1", "item-2", "item-3"]
    assert form.selected_item_id() == "item-2"


def test_undo_that_removes_the_selected_item_clears_the_editor(qtbot, form, brief, stack):
    form.add_item("question", "Who are the officials?")
    new_id = form.selected_item_id()
    widget = field(form, "question", "question")
    qtbot.keyClicks(widget, "Which officials?")
    stack.undo()   # the typing
    with qtbot.waitSignal(form.itemSelected) as selected:
        stack.undo()   # the new item
    assert selected.args == [""] and form.editor.content.isHidden()
    assert ids(brief, "question") == []
    qtbot.keyClicks(widget, "x")   # a stray keystroke into the hidden page must not crash
    brief.set_field("item-1", "note", "still alive")
    stack.redo()
    assert form.selected_item_id() == new_id
    assert ids(brief, "question") == [new_id]
    assert brief.item(new_id).text == "Who are the officials?"   # the item, not the typing
    assert widget.toPlainText() == "Who are the officials?"


def test_delete_button_with_nothing_left_clears_the_editor(qtbot, form, brief, stack):
    click_row(qtbot, form, "risk", 0)
    qtbot.mouseClick(form.editor.delete_button, Qt.LeftButton)
    assert ids(brief, "risk") == [] and form.selected_item_id() == ""
    assert form.editor.content.isHidden()


# ---- reopening ---------------------------------------------------------------------------
def test_set_brief_follows_the_new_brief_only(qtbot, form, brief):
    click_row(qtbot, form, "claim", 0)
    other, other_stack = Brief.from_text("One. Two."), QUndoStack()
    form.set_brief(other, other_stack)
    assert form.selected_item_id() == "" and form.panes["claim"].view.model().rowCount() == 0
    brief.add_item("claim", "old brief")   # the old brief must no longer reach the form
    assert form.panes["claim"].view.model().rowCount() == 0
    retype(qtbot, form.meta.bindings["title"].widget, "Fresh")
    assert other.title == "Fresh" and other_stack.count() == 1 and brief.title == ""


def test_showing_a_value_never_reports_an_edit(qtbot, form):
    """The echo guard itself (the editor's equality check would hide a broken guard)."""
    form.select_item("item-1")
    for name in ("statement", "source", "status"):
        binding = form.editor.pages["claim"].bindings[name]
        shown = "denied" if name == "status" else "shown, not typed"
        with qtbot.assertNotEmitted(binding.edited):
            binding.show(shown)
        assert binding.value() == shown


def test_the_editor_keeps_its_height_from_item_to_item_so_the_lists_stay_put(qtbot, form):
    form.resize(700, 1600)                           # room enough that no page is capped
    form.select_item("item-2")                       # a claim: the tallest editor page
    qtbot.waitUntil(lambda: form.editor_scroll.height() > 120)
    QApplication.processEvents()                     # let the layout settle
    claim_height = form.editor_scroll.height()
    lists_height = form.sections_scroll.geometry().height()
    form.select_item("item-5")                       # a risk needs fewer rows...
    QApplication.processEvents()
    assert form.editor.sizeHint().height() < claim_height  # (it would get less room)
    assert form.editor_scroll.height() == claim_height   # ...but the layout does not jump
    assert form.sections_scroll.geometry().height() == lists_height
    form.select_item("")
    QApplication.processEvents()
    assert form.editor_scroll.height() < claim_height    # nothing selected: the hint only
