"""Editor widgets bound to one value each, shared by the item editor and the metadata editor.

A Binding reports only the analyst's own edits (`edited`), and `show()` puts a value into the
widget without reporting it back, so an undo that changes a value never pushes a new command
(the "updating" guard). Each focus-in starts a new typing session, so coming back to a field
later is a separate undo step while keystrokes in one visit merge into one.
"""
from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from briefing.core.items import FieldSpec
from briefing.ui.text_layout import wrap_mode

_sessions = itertools.count(1)
HUGE_TEXT = 100_000   # a multi-line text past this is shown as an excerpt until focused
EXCERPT = 5_000


def choice_label(value: str) -> str:
    """'roughly even chance' -> 'Roughly even chance'; TLP markings stay as they are."""
    return value[:1].upper() + value[1:] if value.islower() else value


def make_widget(spec: FieldSpec, parent: QWidget, lines: int = 3) -> QWidget:
    """The widget a field declaration asks for: combo, multi-line or single-line text."""
    if spec.choices:
        combo = QComboBox(parent)
        for value in spec.choices:
            combo.addItem(choice_label(spec.choice_text(value)), value)
        return combo
    if spec.multiline:
        edit = QPlainTextEdit(parent)
        edit.setTabChangesFocus(True)
        edit.setUndoRedoEnabled(False)   # undo is the brief's, not the widget's
        set_visible_lines(edit, lines)
        return edit
    return line_edit(parent)


def line_edit(parent: QWidget | None = None) -> QLineEdit:
    """A single-line field that holds any length: QLineEdit cuts text at 32,767 characters
    by default, and an edit would then save the cut value (silent data loss)."""
    edit = QLineEdit(parent)
    edit.setMaxLength(2**31 - 1)
    return edit


def set_visible_lines(edit: QPlainTextEdit, lines: int) -> None:
    """A fixed height showing exactly `lines` lines (no sliver of the next one), so forms
    keep a predictable rhythm. The document margin sits above the first line only."""
    fm = QFontMetrics(edit.font())
    margins = edit.contentsMargins()   # includes the frame
    top = int(edit.document().documentMargin())
    edit.setFixedHeight(fm.height() * lines + top + margins.top() + margins.bottom())


class Binding(QObject):
    """One editor widget for one value; `edited(value, session)` only for user changes."""

    edited = Signal(str, object)

    def __init__(self, widget: QWidget, name: str) -> None:
        super().__init__(widget)
        self.widget, self.name = widget, name
        self.session: int | None = next(_sessions)
        self._showing = False
        self._held: str | None = None   # a huge text shown as an excerpt until focused
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._report)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda: self._report(widget.toPlainText()))
        elif isinstance(widget, QComboBox):
            self.session = None   # each choice is its own undo step
            widget.currentIndexChanged.connect(
                lambda i: self._report(widget.itemData(i) if i >= 0 else ""))

    def value(self) -> str:
        w = self.widget
        if self._held is not None:
            return self._held
        if isinstance(w, QComboBox):
            return w.currentData() or ""
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def show(self, value: str) -> None:
        """Display a value from the brief without reporting it as an edit."""
        if value == self.value():
            return   # leaves the cursor where the analyst is typing
        self._showing = True
        try:
            w = self.widget
            if isinstance(w, QComboBox):
                w.setCurrentIndex(w.findData(value))
            elif isinstance(w, QPlainTextEdit):
                self._show_text(w, value)
            else:
                w.setText(value)
                w.setCursorPosition(0)
        finally:
            self._showing = False

    def _show_text(self, w: QPlainTextEdit, value: str, whole: bool = False) -> None:
        """A multi-line text; one over HUGE_TEXT characters shows a read-only excerpt until
        the analyst goes into the field, because Qt lays out a paragraph whole (a 1 MB note
        took 0.8 s to show, so selecting its item froze the window)."""
        self._held = None
        if len(value) > HUGE_TEXT and not whole:
            self._held = value
            more = len(value) - EXCERPT
            value = (f"{value[:EXCERPT]} …\n\n[{more:,} more characters: click into the field "
                     "to edit the whole text]")
        w.setReadOnly(self._held is not None)
        w.setWordWrapMode(wrap_mode(value))   # a long unbroken run lays out linearly
        w.setPlainText(value)

    def _load_whole(self) -> None:
        """Going into a field holding an excerpt puts the whole text in for editing."""
        held = self._held
        if held is not None and isinstance(self.widget, QPlainTextEdit):
            self._showing = True
            try:
                self._show_text(self.widget, held, whole=True)
            finally:
                self._showing = False

    def new_session(self) -> None:
        """Start a new undo step for the next keystroke (focus came back, item changed)."""
        if self.session is not None:
            self.session = next(_sessions)

    def _report(self, value: str) -> None:
        if not self._showing:
            self.edited.emit(value, self.session)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.FocusIn:
            self.new_session()
            self._load_whole()
        return False


class UndoKeys(QObject):
    """Routes Ctrl+Z / Ctrl+Shift+Z in text fields to the brief's undo stack.

    Text widgets would otherwise grab these keys for their own little undo history, and the
    analyst would get two histories that disagree."""

    def __init__(self, parent: QObject, stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def watch(self, widget: QWidget) -> None:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.ShortcutOverride, QEvent.KeyPress) or self.stack is None:
            return False
        undo, redo = event.matches(QKeySequence.Undo), event.matches(QKeySequence.Redo)
        if not (undo or redo):
            return False
        if event.type() == QEvent.ShortcutOverride:
            event.accept()   # the key comes to us as a KeyPress instead of a window shortcut
        elif undo:
            self.stack.undo()
        else:
            self.stack.redo()
        return True
