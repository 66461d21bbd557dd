"""The top of the brief pane: title, analyst, marking, the article's details, the bottom line.

The article's details sit behind a disclosure row that summarises them in one line, so the
sections below keep their room; every change goes through ops (a SetMetaCommand on the undo stack).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from briefing.core.brief import BriefModel
from briefing.core.items import MARKINGS, SOURCE_RELIABILITY, FieldSpec
from briefing.core.rules import Terms
from briefing.ui import ops
from briefing.ui.field_editors import Binding, UndoKeys, line_edit, make_widget
from briefing.ui.offsets import OffsetMap
from briefing.ui.tooltips import plain_tooltip

ARTICLE_FIELDS = (("article.title", "Headline"), ("article.outlet", "Outlet"),
                  ("article.author", "Author"), ("article.published", "Published"),
                  ("article.url", "URL"))
PLACEHOLDERS = {"title": "Brief title", "analyst": "Your name",
                "article.published": "YYYY-MM-DD", "article.url": "https://…",
                "summary": "Bottom line up front: what happened, how sure we are, why it matters."}


def meta_value(brief: BriefModel, name: str) -> str:
    return brief.get_meta(name)


def form_layout() -> QFormLayout:
    """The one form style of the pane: labels right-aligned beside their fields."""
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.DontWrapRows)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(6)
    form.setContentsMargins(0, 0, 0, 0)
    return form


class MetaEditor(QWidget):
    def __init__(self, brief: BriefModel, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metaEditor")
        self.brief, self.stack = brief, stack
        self.undo_keys = UndoKeys(self, stack)
        self.bindings: dict[str, Binding] = {}
        self.source_id: str | None = None   # the source whose details show (None: the first)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self._title_field())
        layout.addLayout(self._analyst_row())
        layout.addWidget(self._article_toggle())
        self.article_box = self._article_fields()
        self.article_box.setVisible(False)
        layout.addWidget(self.article_box)
        layout.addWidget(self._summary_field())
        brief.meta_changed.connect(self._meta_changed)
        brief.sources_changed.connect(self._update_toggle)
        self.refresh()

    def set_brief(self, brief: BriefModel, stack: QUndoStack) -> None:
        """Follow another brief (reopening): fields show its values, edits go to its stack."""
        self.detach()
        self.brief, self.stack, self.undo_keys.stack = brief, stack, stack
        self.source_id = None
        brief.meta_changed.connect(self._meta_changed)
        brief.sources_changed.connect(self._update_toggle)
        self.refresh()

    def show_source(self, source_id: str | None) -> None:
        """Show (and edit) the details of the source the article pane shows."""
        self.source_id = source_id
        self.refresh()

    def _source(self):
        brief = self.brief
        if self.source_id and brief.has_source(self.source_id):
            return brief.source(self.source_id)
        return brief.article

    def _name(self, name: str) -> str:
        """A binding's name as the brief knows it: the article fields edit the source shown."""
        source = self._source()
        if name.startswith("article.") and source is not self.brief.article:
            return f"source.{source.id}.{name[len('article.'):]}"
        return name

    # ---- building --------------------------------------------------------------------
    def _bind(self, name: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"meta_{name.replace('.', '_')}")
        if isinstance(widget, (QLineEdit, QPlainTextEdit)) and name in PLACEHOLDERS:
            widget.setPlaceholderText(PLACEHOLDERS[name])
        binding = Binding(widget, name)
        binding.edited.connect(lambda value, session, n=name: self._edited(n, value, session))
        self.bindings[name] = binding
        self.undo_keys.watch(widget)
        return widget

    def _title_field(self) -> QWidget:
        title = self._bind("title", line_edit(self))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.DemiBold)
        title.setFont(font)
        title.setFrame(False)
        title.setStyleSheet("QLineEdit { background: transparent; padding: 2px 0; }")
        return title

    def _analyst_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        analyst = self._bind("analyst", line_edit(self))
        marking = self._bind("marking", make_widget(FieldSpec("marking", "Marking", MARKINGS), self))
        marking.setSizeAdjustPolicy(marking.SizeAdjustPolicy.AdjustToContents)
        for text, widget, stretch in (("Analyst", analyst, 1), ("Marking", marking, 0)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        return row

    def _article_toggle(self) -> QToolButton:
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("articleToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.toggle.setStyleSheet("QToolButton { text-align: left; border: none; padding: 2px 0; }")
        self.toggle.toggled.connect(self.set_article_expanded)
        return self.toggle

    def _article_fields(self) -> QWidget:
        box = QWidget(self)
        form = form_layout()
        form.setContentsMargins(18, 0, 0, 0)
        for name, label in ARTICLE_FIELDS:
            form.addRow(label, self._bind(name, line_edit(box)))
        reliability = self._bind("article.reliability", make_widget(SOURCE_RELIABILITY, box))
        reliability.setToolTip("How reliable this source is (Admiralty code, A–F): with a "
                               "claim's credibility it makes the claim's grade, e.g. B2")
        form.addRow(SOURCE_RELIABILITY.label, reliability)
        box.setLayout(form)
        return box

    def _summary_field(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        label = QLabel("Bottom line", box)
        label.setObjectName("summaryLabel")
        label.setStyleSheet("font-weight: 600;")
        summary = self._bind("summary", make_widget(FieldSpec("summary", "", multiline=True), box, 3))
        label.setBuddy(summary)
        column.addWidget(label)
        column.addWidget(summary)
        return box

    # ---- behaviour -------------------------------------------------------------------
    def set_article_expanded(self, expanded: bool) -> None:
        """Show or fold the article's details (the toggle keeps a one-line summary)."""
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.DownArrow if expanded else Qt.RightArrow)
        self.article_box.setVisible(expanded)

    def _edited(self, name: str, value: str, session) -> None:
        name = self._name(name)
        if value != meta_value(self.brief, name):
            ops.set_meta(self.brief, self.stack, name, value, session)

    def _meta_changed(self, name: str) -> None:
        for bound in self.bindings:
            if self._name(bound) == name:
                self.bindings[bound].show(meta_value(self.brief, name))
        if name.startswith(("article.", "source.")):
            self._update_toggle()

    def _update_toggle(self) -> None:
        a = self._source()
        parts = [p for p in (a.outlet, a.author, a.published) if p.strip()]
        sources = self.brief.sources
        what = "Article" if len(sources) < 2 else \
            f"Source {sources.index(a) + 1} of {len(sources)}"
        self.toggle.setText(what + (f"  —  {' · '.join(parts)}" if parts else ""))
        self.toggle.setToolTip(plain_tooltip(a.title) or f"{what} details")

    def refresh(self) -> None:
        for name, binding in self.bindings.items():
            binding.show(meta_value(self.brief, self._name(name)))
        self._update_toggle()

    def focus_field(self, name: str, words: list[str] = ()) -> bool:
        """Go to a metadata field (a finding about the summary) and select its words."""
        binding = self.bindings.get(name)
        if binding is None:
            return False
        binding.widget.setFocus(Qt.OtherFocusReason)
        return select_words_in(binding.widget, list(words))

    def detach(self) -> None:
        """Stop following this brief (another one is being opened)."""
        self.brief.meta_changed.disconnect(self._meta_changed)
        self.brief.sources_changed.disconnect(self._update_toggle)


def select_words_in(widget: QWidget, words: list[str]) -> bool:
    """Select the first whole-word occurrence of any of the words in a text field (matched
    as the checker matches them: case and typographic quotes folded). False if none."""
    words = [w for w in words if w.strip()]
    if not words or not isinstance(widget, (QLineEdit, QPlainTextEdit)):
        return False
    text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    spans = Terms(words).spans(text)
    if not spans:
        return False
    offsets = OffsetMap(text)   # code points -> the widget's UTF-16 positions
    start, end = offsets.to_qt(spans[0][0]), offsets.to_qt(spans[0][1])
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, end - start)
        return True
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)
    widget.ensureCursorVisible()
    return True
