"""The brief pane: metadata and bottom line, the four sections, the selected item's editor.

The form owns the selection (one item across all four sections) and turns every request from
its parts (drops, Delete, move buttons, the + buttons) into a command on the undo stack. It
follows the core rather than its own actions: when the selected item leaves the brief the
editor empties, and when the same id comes back (a move, an undone delete) it is selected
again, so undo and redo keep the analyst's place.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from briefing.core.brief import BriefModel
from briefing.core.items import Item
from briefing.core.sections import SECTIONS
from briefing.ui import ops
from briefing.ui.item_editor import ItemEditor
from briefing.ui.meta_editor import MetaEditor
from briefing.ui.section_model import ItemIdRole, SectionModel
from briefing.ui.section_pane import SectionPane


class BriefForm(QWidget):
    itemSelected = Signal(str)        # the selected item's id, "" when none
    sentenceActivated = Signal(str)   # a source was double-clicked in the item editor

    def __init__(self, brief: BriefModel, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefForm")
        self.brief, self.undo_stack = brief, undo_stack
        self._selected = ""
        self._reselect = ""      # id of the selected item that left the brief (move, undo)
        self._syncing = False    # set while the form itself changes view selections
        self.meta = MetaEditor(brief, undo_stack, self)
        self.panes = {s.kind: SectionPane(s) for s in SECTIONS}
        self._editor_peak = 0  # tallest editor height needed since an item was selected
        self.editor = ItemEditor(brief, undo_stack)
        self._build()
        self._connect_parts()
        self._attach(brief)

    # ---- building --------------------------------------------------------------------
    def _build(self) -> None:
        outline = QWidget()
        outline.setObjectName("sectionsOutline")
        column = QVBoxLayout(outline)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(10)
        for pane in self.panes.values():
            column.addWidget(pane)
        column.addStretch(1)
        self.sections_scroll = QScrollArea()
        self.sections_scroll.setObjectName("sectionsScroll")
        self.sections_scroll.setWidgetResizable(True)
        self.sections_scroll.setFrameShape(QFrame.NoFrame)
        self.sections_scroll.setWidget(outline)
        self.editor_scroll = QScrollArea()
        self.editor_scroll.setObjectName("itemEditorScroll")
        self.editor_scroll.setWidgetResizable(True)
        self.editor_scroll.setFrameShape(QFrame.NoFrame)
        self.editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.editor_scroll.setWidget(self.editor)
        self.editor.setContentsMargins(0, 4, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.meta)
        layout.addWidget(self._rule())
        layout.addWidget(self.sections_scroll, 1)
        layout.addWidget(self._rule())
        layout.addWidget(self.editor_scroll)

    def _rule(self) -> QFrame:
        rule = QFrame(self)
        rule.setFrameShape(QFrame.HLine)
        rule.setFrameShadow(QFrame.Sunken)
        return rule

    def _fit_editor(self) -> None:
        """The editor gets the height its items need, at most half the form; the sections
        take the rest (with nothing selected that is almost everything). While items are
        being looked at it only grows, so the lists do not jump from item to item (and
        the window is not laid out again on every selection)."""
        wanted = self.editor.sizeHint().height()
        self._editor_peak = max(wanted, self._editor_peak) if self.editor.item_id else 0
        height = min(max(wanted, self._editor_peak), max(120, self.height() // 2))
        if self.editor_scroll.height() != height or self.editor_scroll.minimumHeight() != height:
            self.editor_scroll.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_editor()

    def _connect_parts(self) -> None:
        for pane in self.panes.values():
            pane.addRequested.connect(self.add_item)
            pane.view.deletePressed.connect(self.delete_selected)
        self.editor.deleteRequested.connect(self.delete_selected)
        self.editor.moveRequested.connect(self.move_selected)
        self.editor.sentenceActivated.connect(self.sentenceActivated)

    def _attach(self, brief: BriefModel) -> None:
        """Models for a brief's sections plus the form's hooks. The "about to" hooks come
        first and the "done" hooks last, so the form brackets the views' own reactions (a
        view moves its selection to a neighbour when the selected row goes away)."""
        brief.about_to_insert.connect(self._core_changing)
        brief.about_to_remove.connect(self._core_changing)
        for kind, pane in self.panes.items():
            model = SectionModel(brief, kind, self)
            model.moveRequested.connect(self._move_requested)
            model.sentencesDropped.connect(self._sentences_dropped)
            pane.set_model(model)
            pane.view.selectionModel().selectionChanged.connect(partial(self._view_selected, kind))
        brief.removed.connect(self._removed)
        brief.inserted.connect(self._inserted)

    def _detach(self) -> None:
        for signal, slot in ((self.brief.about_to_insert, self._core_changing),
                             (self.brief.about_to_remove, self._core_changing),
                             (self.brief.removed, self._removed),
                             (self.brief.inserted, self._inserted)):
            signal.disconnect(slot)

    def set_brief(self, brief: BriefModel, undo_stack: QUndoStack) -> None:
        """Show another brief (reopening): new models, empty selection, edits to `undo_stack`."""
        self._set_selected("")
        self._detach()
        self.brief, self.undo_stack = brief, undo_stack
        self._reselect = ""
        self.meta.set_brief(brief, undo_stack)
        self.editor.set_brief(brief, undo_stack)
        self._attach(brief)

    # ---- selection -------------------------------------------------------------------
    def selected_item_id(self) -> str:
        return self._selected

    def select_item(self, item_id: str, edit: bool = False) -> None:
        """Select an item in its section, scroll to it and show it in the editor; with
        edit=True the headline field gets the focus with its text selected for retyping."""
        self._set_selected(item_id)
        self._sync_views(scroll=True)
        if edit:
            self.editor.focus_headline(select_all=True)

    def _sync_views(self, scroll: bool = False) -> None:
        """Make the lists show exactly the form's selection (and optionally scroll to it);
        a list that already shows it is left alone, so a click is never re-entered."""
        target = self.brief.position(self._selected) if self._selected else ("", -1)
        self._syncing = True
        try:
            for kind, pane in self.panes.items():
                selection = pane.view.selectionModel()
                want = target[1] if kind == target[0] else -1
                if [i.row() for i in selection.selectedRows()] == ([want] if want >= 0 else []):
                    continue
                if want < 0:
                    selection.clearSelection()
                else:
                    index = pane.view.model().index(want, 0)
                    selection.setCurrentIndex(index, QItemSelectionModel.ClearAndSelect)
            if scroll and self._selected:
                view = self.panes[target[0]].view
                self._scroll_to(view, view.model().index(target[1], 0))
        finally:
            self._syncing = False

    def _scroll_to(self, view, index) -> None:
        # The editor may just have changed height: apply the layout now, or the row is
        # scrolled into a viewport that is about to shrink (and out of sight again).
        self.layout().activate()
        self.sections_scroll.widget().layout().activate()
        view.scrollTo(index)
        rect = view.visualRect(index)
        centre = view.viewport().mapTo(self.sections_scroll.widget(), rect.center())
        self.sections_scroll.ensureVisible(centre.x(), centre.y(), 0, rect.height())

    def _view_selected(self, kind: str, *_args) -> None:
        """The analyst changed a list's selection: it becomes the form's only selection."""
        if self._syncing:
            return
        rows = self.panes[kind].view.selectionModel().selectedRows()
        if rows:
            self._reselect = ""
            self._set_selected(rows[0].data(ItemIdRole))
            self._sync_views()
        elif self._selected and self.brief.item(self._selected).kind == kind:
            self._set_selected("")

    def _set_selected(self, item_id: str) -> None:
        if item_id == self._selected and item_id == self.editor.item_id:
            return
        self._selected = item_id
        self.editor.show_item(item_id)
        self._fit_editor()
        self._update_move_buttons()
        self.itemSelected.emit(item_id)

    def _update_move_buttons(self) -> None:
        if self._selected:
            kind, row = self.brief.position(self._selected)
            self.editor.up_button.setEnabled(row > 0)
            self.editor.down_button.setEnabled(row < len(self.brief.sections[kind]) - 1)

    # ---- following the core ----------------------------------------------------------
    def _core_changing(self, kind: str, index: int) -> None:
        self._syncing = True   # the views' own selection moves are not the analyst's

    def _removed(self, kind: str, index: int, item: Item) -> None:
        if item.id == self._selected:
            self._reselect = item.id
            self._set_selected("")
        self._sync_views()
        self._update_move_buttons()

    def _inserted(self, kind: str, index: int, item: Item) -> None:
        reselect = item.id == self._reselect
        if reselect:
            self._reselect = ""
            self._set_selected(item.id)
        self._sync_views(scroll=reselect)
        self._update_move_buttons()

    # ---- actions (each one command on the stack) --------------------------------------
    def add_item(self, kind: str, text: str = "", sentence_ids: list[str] | None = None,
                 index: int | None = None) -> str:
        """A new item in a section, selected with its headline ready for typing."""
        item = ops.add_item(self.brief, self.undo_stack, kind, text, sentence_ids or [], index)
        self.select_item(item.id, edit=True)
        return item.id

    def delete_selected(self) -> None:
        """Delete the selected item and select its neighbour, so Delete can be repeated.
        Undo brings the deleted item back selected."""
        if not self._selected:
            return
        deleted = self._selected
        kind, row = self.brief.position(deleted)
        ops.delete_item(self.brief, self.undo_stack, deleted)
        items = self.brief.sections[kind]
        if items:
            self.select_item(items[min(row, len(items) - 1)].id)
        self._reselect = deleted

    def move_selected(self, delta: int) -> None:
        """Move the selected item up (-1) or down (+1) within its section."""
        if not self._selected:
            return
        kind, row = self.brief.position(self._selected)
        target = row + delta
        if 0 <= target < len(self.brief.sections[kind]) and delta:
            ops.move_item(self.brief, self.undo_stack, self._selected, kind, target)

    def _move_requested(self, item_id: str, kind: str, index: int) -> None:
        ops.move_item(self.brief, self.undo_stack, item_id, kind, index)
        self.select_item(item_id)

    def _sentences_dropped(self, sentence_ids: list[str], kind: str, row: int, words: str = "") -> None:
        """Sentences dropped on a section: a new item citing them, named by the words the
        drag carried (a selection inside one sentence) or else by the sentences' text."""
        text = words or " ".join(self.brief.sentence(sid).text for sid in sentence_ids)
        self.add_item(kind, text, sentence_ids, row)
