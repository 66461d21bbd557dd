"""The editor under the sections: the selected item's fields, its note and its sources.

One page of widgets per kind is built once from FIELDS and reused, so selecting items is
cheap. Edits push commands on the brief's undo stack; when the stack (or anything else)
changes the item, the widgets follow through Binding.show(), which never pushes back.
The editor only knows an item id and looks the item up on every change: a move between
sections replaces the Item object, and a removed item simply empties the editor.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QMenu,
                               QPushButton, QStyle, QToolButton, QVBoxLayout, QWidget)

from briefing.core.brief import BriefModel
from briefing.core.items import FIELDS, NOTE_FIELD, FieldSpec
from briefing.core.sections import KINDS, section_for
from briefing.ui import ops
from briefing.ui.field_editors import Binding, UndoKeys, make_widget
from briefing.ui.meta_editor import form_layout, select_words_in
from briefing.ui.sources_list import SOURCE_ACTIONS, SentenceRole, SourceRow, SourcesList

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
            form.addRow(spec.label, self._with_grade(widget) if spec.name == "credibility"
                        else widget)
            i += 1
        self.setLayout(form)

    def _with_grade(self, combo: QWidget) -> QHBoxLayout:
        """The credibility combo and, beside it, the claim's Admiralty grade ("B2")."""
        row = QHBoxLayout()
        row.setSpacing(8)
        self.grade = QLabel(self)
        self.grade.setObjectName(f"{self.kind}_grade")
        self.grade.setTextFormat(Qt.PlainText)
        self.grade.setToolTip("Admiralty grade: the reliability of the best source cited "
                              "(A–F, set in the source's details) and this credibility (1–6)")
        row.addWidget(combo, 1)
        row.addSpacing(6)
        row.addWidget(self.grade)
        return row

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


class ItemEditor(QWidget):
    deleteRequested = Signal()
    moveRequested = Signal(int)
    sentenceActivated = Signal(str)
    message = Signal(str)   # a hint for the status bar ("select a sentence first")

    def __init__(self, brief: BriefModel, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemEditor")
        self.brief, self.stack, self.item_id = brief, stack, ""
        # The article's selected sentence ids (the window plugs the article view in here).
        self.selection: Callable[[], list[str]] = lambda: []
        self.source_actions = self._source_actions()
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
        self._follow(brief, True)
        self.show_item("")

    def _follow(self, brief: BriefModel, on: bool) -> None:
        for signal, slot in ((brief.item_changed, self._item_changed),
                             (brief.article_changed, self._article_changed),
                             (brief.meta_changed, self._meta_changed),
                             (brief.sources_changed, self._show_grade)):
            (signal.connect if on else signal.disconnect)(slot)

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
        self.sources.setAccessibleName("Sources")
        self.sources.rowActivated.connect(self._activated)
        self.sources.removeRequested.connect(self.remove_source)
        self.sources.selectionChanged_.connect(self._update_source_actions)
        self.sources.setContextMenuPolicy(Qt.CustomContextMenu)
        self.sources.customContextMenuRequested.connect(self._sources_menu)
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

    def _source_actions(self) -> dict[str, QAction]:
        actions = {}
        for name, text, tip in SOURCE_ACTIONS:
            action = QAction(text, self)
            action.setObjectName(f"source_{name}")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, n=name: self.act_on_source(n))
            actions[name] = action
        return actions

    def _sources_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.sources_label = QLabel("Sources", self)
        self.sources_label.setStyleSheet("font-weight: 600;")
        row.addWidget(self.sources_label)
        row.addStretch(1)
        self.accept_button = self._action_button("accept", "Accept", "acceptSourceButton")
        self.relink_button = self._action_button("relink", "Re-link", "relinkSourceButton")
        self.remove_button = self._action_button("remove", "Remove", "unlinkButton")
        self.unlink_button = self.remove_button   # its name before citations could be reviewed
        self.adjust_button = QToolButton(self)
        self.adjust_button.setObjectName("adjustSourceButton")
        self.adjust_button.setText("Adjust")
        self.adjust_button.setToolTip("Extend the source to the previous or next sentence, "
                                      "or replace it by the article selection")
        self.adjust_button.setPopupMode(QToolButton.InstantPopup)
        adjust = QMenu(self.adjust_button)
        for name in ("extend_prev", "extend_next", "replace"):
            adjust.addAction(self.source_actions[name])
        self.adjust_button.setMenu(adjust)
        for widget in (self.accept_button, self.relink_button, self.remove_button,
                       self.adjust_button):
            row.addWidget(widget)
        return row

    def _action_button(self, name: str, text: str, object_name: str) -> QPushButton:
        """A push button that triggers a source action and follows its enabled state."""
        action = self.source_actions[name]
        button = QPushButton(text, self)
        button.setObjectName(object_name)
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        button.setEnabled(action.isEnabled())
        action.enabledChanged.connect(button.setEnabled)
        return button

    # ---- showing ---------------------------------------------------------------------
    def set_brief(self, brief: BriefModel, stack: QUndoStack) -> None:
        self._follow(self.brief, False)
        self.brief, self.stack, self.undo_keys.stack = brief, stack, stack
        self._follow(brief, True)
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
        self._show_grade()
        self.hint.hide()
        self.content.show()

    def _show_sources(self) -> None:
        """List the citations, each with its stored quote; one that no longer matches the
        article is marked and says why. After a removal the next source takes the selection."""
        item = self.brief.item(self.item_id)
        row = self.sources.current_row()
        self.sources.show_citations(self.brief, item.citations)
        n = len(item.citations)
        review = self.brief.review_count(item)
        label = f"Sources ({n})" if n else "Sources: none yet"
        self.sources_label.setText(label + (f" — ⚠ {review} to review" if review else ""))
        if row >= 0 and n:
            self.sources.select_row(min(row, n - 1))
        self._update_source_actions()

    def select_source(self, index: int) -> None:
        """Make the index-th citation the current Sources row (review navigation)."""
        if 0 <= index < self.sources.count():
            self.sources.select_row(index, scroll=True)

    def current_source(self) -> int:
        """The index of the selected citation, -1 when none is."""
        return self.sources.current_row()

    def _update_source_actions(self) -> None:
        index = self.current_source()
        item = self.brief.item(self.item_id) if self.item_id and index >= 0 else None
        if item is not None and index >= len(item.citations):
            item = None   # the list is being rebuilt
        r = self.brief.resolution(item.citations[index]) if item is not None else None
        enabled = {
            "accept": r is not None and r.needs_review and r.sentence is not None,
            "relink": r is not None and r.needs_review,
            "remove": r is not None,
            "replace": r is not None,
            "extend_prev": item is not None and ops.extend_target(self.brief, item, index, -1) is not None,
            "extend_next": item is not None and ops.extend_target(self.brief, item, index, 1) is not None,
        }
        for name, on in enabled.items():
            self.source_actions[name].setEnabled(on)
        self.adjust_button.setEnabled(r is not None)

    def _item_changed(self, item, field: str) -> None:
        if item.id != self.item_id:
            return
        if field == "citations":
            self._show_sources()
        else:
            self.pages[item.kind].bindings[field].show(item.get(field))
        if field in ("citations", "credibility"):
            self._show_grade()

    def _meta_changed(self, name: str) -> None:
        if name.endswith(".reliability"):
            self._show_grade()

    def _show_grade(self) -> None:
        """The claim's grade, "Grade B2" (the best cited source's reliability, then the
        credibility), beside the Credibility choice."""
        label = getattr(self.pages["claim"], "grade", None)
        if label is None or not self.item_id:
            return
        try:
            item = self.brief.item(self.item_id)
        except ValueError:
            return
        if item.kind == "claim":
            label.setText(f"Grade {self.brief.grade(item)}")

    def grade_text(self) -> str:
        return self.pages["claim"].grade.text()

    def select_words(self, field: str, words: list[str]) -> bool:
        """Go to a field of the item shown and select the first of the words in it (a
        finding's trigger words); a choice field just takes the focus."""
        if not self.item_id or field not in self.pages[self.brief.item(self.item_id).kind].bindings:
            return False
        widget = self.pages[self.brief.item(self.item_id).kind].bindings[field].widget
        widget.setFocus(Qt.OtherFocusReason)
        return select_words_in(widget, words)

    def _article_changed(self) -> None:
        """A new article version: statuses (and suggestions) changed under every source."""
        if self.item_id:
            self._show_sources()

    def focus_headline(self, select_all: bool = False) -> None:
        """Put the cursor in the item's headline field (after 'new item from selection')."""
        if not self.item_id:
            return
        widget = self.pages[self.brief.item(self.item_id).kind].headline
        widget.setFocus(Qt.OtherFocusReason)
        if select_all:
            widget.selectAll()

    # ---- editing (every change through ops: one undo step each) --------------------
    def _edited(self, field: str, value: str, session) -> None:
        if self.item_id:
            ops.edit_field(self.brief, self.stack, self.item_id, field, value, session)

    def unlink(self, sid: str) -> None:
        if self.item_id and sid:
            ops.unlink(self.brief, self.stack, self.item_id, sid)

    def remove_source(self, index: int) -> None:
        if self.item_id and index is not None and index >= 0:
            ops.remove_citation(self.brief, self.stack, self.item_id, index)

    def act_on_source(self, name: str, index: int | None = None) -> bool:
        """Run a source action on the selected (or given) citation: one undo step."""
        index = self.current_source() if index is None else index
        if not self.item_id or index < 0:
            return False
        brief, stack, item_id = self.brief, self.stack, self.item_id
        if name == "accept":
            return ops.accept_suggestion(brief, stack, item_id, index)
        if name == "remove":
            return ops.remove_citation(brief, stack, item_id, index)
        if name in ("extend_prev", "extend_next"):
            return ops.extend_citation(brief, stack, item_id, index, -1 if name == "extend_prev" else 1)
        sids = self.selection()
        if not sids:
            self.message.emit("Select the sentence(s) in the article first.")
            return False
        if name == "relink":
            return ops.relink_citation(brief, stack, item_id, index, sids)
        return ops.replace_citation(brief, stack, item_id, index, sids)

    def _activated(self, entry: SourceRow) -> None:
        sid = entry.data(SentenceRole)
        if sid:
            self.sentenceActivated.emit(sid)

    def sources_menu(self) -> QMenu:
        """The Sources list's context menu (built apart so tests can read it)."""
        menu = QMenu(self.sources)
        for name in ("accept", "relink", "remove", None, "extend_prev", "extend_next", "replace"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.source_actions[name])
        return menu

    def _sources_menu(self, pos: QPoint) -> None:
        entry = self.sources.itemAt(pos)
        if entry is None:
            return
        self.sources.setCurrentIndex(entry.index)
        menu = self.sources_menu()
        menu.exec(self.sources.viewport().mapToGlobal(pos))
        menu.deleteLater()
