"""The editor under the sections: the selected item's fields, its note and its sources.

One page of widgets per kind is built once from FIELDS and reused, so selecting items is
cheap. Edits push commands on the brief's undo stack; when the stack (or anything else)
changes the item, the widgets follow through Binding.show(), which never pushes back.
The editor only knows an item id and looks the item up on every change: a move between
sections replaces the Item object, and a removed item simply empties the editor.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QStyle, QToolButton, QVBoxLayout, QWidget)

from briefing.core.brief import BriefModel
from briefing.core.items import FIELDS, NOTE_FIELD, FieldSpec
from briefing.core.sections import KINDS, section_for
from briefing.ui.commands import EditFieldCommand, UnlinkCommand
from briefing.ui.field_editors import Binding, UndoKeys, make_widget
from briefing.ui.meta_editor import form_layout

EMPTY_HINT = ("Select an item to edit it.\n"
              "To add one, select sentences in the article and press Ctrl+1 … Ctrl+4.")


class KindPage(QWidget):
    """The fields of one item kind plus the note, laid out from the FIELDS declaration."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.bindings: dict[str, Binding] = {}
        form = form_layout()
        specs = list(FIELDS[kind]) + [NOTE_FIELD]
        i = 0
        while i < len(specs):
            spec = specs[i]
            widget = self._widget(spec)
            if spec.choices and i + 1 < len(specs) and specs[i + 1].choices:
                form.addRow(spec.label, self._pair(widget, specs[i + 1]))   # two combos, one row
                i += 2
                continue
            form.addRow(spec.label, widget)
            i += 1
        self.setLayout(form)

    def _widget(self, spec: FieldSpec) -> QWidget:
        widget = make_widget(spec, self, lines=2)
        widget.setObjectName(f"{self.kind}_{spec.name}")
        self.bindings[spec.name] = Binding(widget, spec.name)
        return widget

    def _pair(self, first: QWidget, spec: FieldSpec) -> QHBoxLayout:
        """Two short choice fields share a row: the editor stays compact and aligned."""
        row = QHBoxLayout()
        row.setSpacing(8)
        second = self._widget(spec)
        label = QLabel(spec.label, self)
        label.setBuddy(second)
        row.addWidget(first, 1)
        row.addSpacing(6)
        row.addWidget(label)
        row.addWidget(second, 1)
        return row

    @property
    def headline(self) -> QWidget:
        return self.bindings[FIELDS[self.kind][0].name].widget


class SourcesList(QListWidget):
    """The sentences an item cites; Delete unlinks the current one."""

    unlinkRequested = Signal(str)

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if item is not None and (event.matches(QKeySequence.Delete)
                                 or event.key() == Qt.Key_Backspace):
            self.unlinkRequested.emit(item.data(Qt.UserRole))
            return
        super().keyPressEvent(event)


class ItemEditor(QWidget):
    deleteRequested = Signal()
    moveRequested = Signal(int)
    sentenceActivated = Signal(str)

    def __init__(self, brief: BriefModel, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemEditor")
        self.brief, self.stack, self.item_id = brief, stack, ""
        self.undo_keys = UndoKeys(self, stack)
        self.pages = {kind: KindPage(kind) for kind in KINDS}
        # Only the visible page counts towards the size hint (a QStackedWidget would ask
        # for its tallest page), so the form gives the editor just the room it needs.
        self.hint = self._placeholder()
        self.content = self._content()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.content)
        for page in self.pages.values():
            for name, binding in page.bindings.items():
                binding.edited.connect(lambda v, s, n=name: self._edited(n, v, s))
                self.undo_keys.watch(binding.widget)
        brief.item_changed.connect(self._item_changed)
        self.show_item("")

    # ---- building --------------------------------------------------------------------
    def _placeholder(self) -> QLabel:
        hint = QLabel(EMPTY_HINT, self)
        hint.setObjectName("itemEditorHint")
        hint.setAlignment(Qt.AlignCenter)
        hint.setContentsMargins(0, 6, 0, 6)
        hint.setWordWrap(True)
        palette = hint.palette()
        palette.setColor(QPalette.WindowText, palette.color(QPalette.PlaceholderText))
        hint.setPalette(palette)
        return hint

    def _content(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(self._header())
        for page in self.pages.values():
            page.setParent(box)
            page.hide()
            column.addWidget(page)
        column.addLayout(self._sources_header())
        self.sources = SourcesList(box)
        self.sources.setObjectName("sourcesList")
        self.sources.setWordWrap(True)
        self.sources.setSpacing(2)
        self.sources.setFixedHeight(76)
        self.sources.itemDoubleClicked.connect(
            lambda it: self.sentenceActivated.emit(it.data(Qt.UserRole)))
        self.sources.unlinkRequested.connect(self.unlink)
        self.sources.itemSelectionChanged.connect(
            lambda: self.unlink_button.setEnabled(bool(self.sources.selectedItems())))
        column.addWidget(self.sources)
        column.addStretch(1)
        return box

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("itemKindLabel")
        row.addWidget(self.kind_label)
        row.addStretch(1)
        self.up_button = self._tool("Move up (Alt+Up)", QStyle.SP_ArrowUp,
                                    lambda: self.moveRequested.emit(-1))
        self.down_button = self._tool("Move down (Alt+Down)", QStyle.SP_ArrowDown,
                                      lambda: self.moveRequested.emit(1))
        self.delete_button = QPushButton("Delete item", self)
        self.delete_button.setObjectName("deleteItemButton")
        self.delete_button.clicked.connect(self.deleteRequested)
        for widget in (self.up_button, self.down_button, self.delete_button):
            row.addWidget(widget)
        return row

    def _tool(self, tip: str, icon: QStyle.StandardPixmap, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _sources_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sources_label = QLabel("Sources", self)
        self.sources_label.setStyleSheet("font-weight: 600;")
        self.unlink_button = QPushButton("Unlink", self)
        self.unlink_button.setObjectName("unlinkButton")
        self.unlink_button.setToolTip("Stop citing the selected sentence (Delete)")
        self.unlink_button.clicked.connect(self._unlink_current)
        row.addWidget(self.sources_label)
        row.addStretch(1)
        row.addWidget(self.unlink_button)
        return row

    # ---- showing ---------------------------------------------------------------------
    def set_brief(self, brief: BriefModel, stack: QUndoStack) -> None:
        self.brief.item_changed.disconnect(self._item_changed)
        self.brief, self.stack, self.undo_keys.stack = brief, stack, stack
        brief.item_changed.connect(self._item_changed)
        self.show_item("")

    def show_item(self, item_id: str) -> None:
        """Show an item's fields ("" shows the hint); each field starts a new undo step."""
        self.item_id = item_id
        if not item_id:
            self.content.hide()
            self.hint.show()
            return
        item = self.brief.item(item_id)
        page = self.pages[item.kind]
        section = section_for(item.kind)
        self.kind_label.setText(
            f"<span style='color:{section.colour}'>■</span>&nbsp; <b>{section.singular.capitalize()}</b>")
        for name, binding in page.bindings.items():
            binding.show(item.get(name))
            binding.new_session()
        for other in self.pages.values():
            other.setVisible(other is page)
        self.sources.clearSelection()
        self._show_sources()
        self.hint.hide()
        self.content.show()

    def _show_sources(self) -> None:
        """List the cited sentences; after an unlink the next source takes the selection."""
        item = self.brief.item(self.item_id)
        selected = self.sources.selectedItems()
        row = self.sources.row(selected[0]) if selected else -1
        self.sources.clear()
        for c in item.citations:
            entry = QListWidgetItem(" ".join(c.exact.split()), self.sources)
            entry.setData(Qt.UserRole, c.sentence_id)
            entry.setToolTip(f"Sentence {c.sentence_id[1:]}: double-click to show it in the article")
        n = len(item.citations)
        self.sources_label.setText(f"Sources ({n})" if n else "Sources: none yet")
        if row >= 0 and n:
            self.sources.setCurrentRow(min(row, n - 1))
        self.unlink_button.setEnabled(bool(self.sources.selectedItems()))

    def _item_changed(self, item, field: str) -> None:
        if item.id != self.item_id:
            return
        if field == "citations":
            self._show_sources()
        else:
            self.pages[item.kind].bindings[field].show(item.get(field))

    def focus_headline(self, select_all: bool = False) -> None:
        """Put the cursor in the item's headline field (after 'new item from selection')."""
        if not self.item_id:
            return
        widget = self.pages[self.brief.item(self.item_id).kind].headline
        widget.setFocus(Qt.OtherFocusReason)
        if select_all:
            widget.selectAll()

    # ---- editing ---------------------------------------------------------------------
    def _edited(self, field: str, value: str, session) -> None:
        if self.item_id and value != self.brief.item(self.item_id).get(field):
            self.stack.push(EditFieldCommand(self.brief, self.item_id, field, value,
                                             session=session))

    def unlink(self, sid: str) -> None:
        if self.item_id and sid:
            self.stack.push(UnlinkCommand(self.brief, self.item_id, sid))

    def _unlink_current(self) -> None:
        for item in self.sources.selectedItems():
            self.unlink(item.data(Qt.UserRole))
