"""The rows of an item's Sources list: each citation's stored quote, marked when it needs review.

A citation that no longer matches the article (fuzzy, ambiguous, orphaned) is listed by its
stored quote, never by the sentence that now stands near its place, with a warning mark and a
tooltip saying why and what can be done. The item editor fills the list and acts on it.

The list is a model over the item's citations, not a widget item per row: an item citing
50,000 sentences took 12 s to select when every row was built up front. A row's text and
tooltip are made when the view asks for them, quotes are cut to one screenful, and the view
lays the rows out in batches between events.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QListView

from briefing.core.anchor import Citation
from briefing.core.checks import review_message
from briefing.core.resolve import Resolution
from briefing.core.source import sentence_number
from briefing.ui.text_layout import elide

CitationIndexRole = Qt.UserRole          # int: the citation's place in the item's list
SentenceRole = Qt.UserRole + 1           # str: the sentence to show (cited, or suggested)
StatusRole = Qt.UserRole + 2             # str: exact, moved, fuzzy, ambiguous, orphaned
REVIEW_COLOUR = "#b45309"                # amber: needs review (the highlight's dashes too)


def source_badge(label: str) -> str:
    """The report a citation quotes, as a short badge before its quote: "[TASS] "."""
    label = " ".join(label.split())
    return f"[{label if len(label) <= 24 else label[:23] + '…'}] "


def source_text(c: Citation, r: Resolution, report: str = "") -> str:
    """A Sources row: the stored quote, marked when it no longer matches the article;
    in a brief over several reports, led by a badge naming the report (`report`)."""
    quote = " ".join(elide(c.exact).split())
    badge = source_badge(report) if report else ""
    if not r.needs_review:
        return badge + quote
    how = f"{r.status}, {round(r.similarity * 100)}%" if r.status == "fuzzy" else r.status
    return f"⚠ needs review ({how}): {badge}“{quote}”"


def source_tooltip(index: int, c: Citation, r: Resolution) -> str:
    if not r.needs_review:
        return f"Sentence {sentence_number(r.sentence.id)}: double-click to show it in the article"
    offers = ("Accept the suggested sentence, re-link to the article selection, or remove it."
              if r.sentence is not None else "Re-link it to the article selection, or remove it.")
    shown = (f"\nDouble-click to show the suggested sentence {sentence_number(r.sentence.id)} (dashed outline)."
             if r.sentence is not None else "")
    return f"{review_message(index, c, r)}\n{offers}{shown}"


class SourcesModel(QAbstractListModel):
    """One row per citation of the shown item; rows are described on demand."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._brief = None
        self._citations: list[Citation] = []

    def show(self, brief, citations: list[Citation]) -> None:
        self.beginResetModel()
        self._brief, self._citations = brief, list(citations)
        self.endResetModel()

    def _report(self, c: Citation) -> str:
        """The label of the report a citation quotes, when the brief has several."""
        brief = self._brief
        if len(brief.sources) < 2:
            return ""
        return brief.source(c.source).short_label if brief.has_source(c.source) else c.source

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._citations)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._citations):
            return None
        n = index.row()
        c = self._citations[n]
        if role == CitationIndexRole:
            return n
        r = self._brief.resolution(c)
        if role == Qt.DisplayRole:
            return source_text(c, r, self._report(c))
        if role == Qt.ToolTipRole:
            report = self._brief.source(c.source).label \
                if self._report(c) and self._brief.has_source(c.source) else ""
            return (f"From “{report}”\n" if report else "") + source_tooltip(n, c, r)
        if role == Qt.ForegroundRole:
            return QBrush(QColor(REVIEW_COLOUR)) if r.needs_review else None
        if role == SentenceRole:
            return r.sentence.id if r.sentence is not None else ""
        if role == StatusRole:
            return r.status
        return None


class SourceRow:
    """One row, read like a list widget's item (``text()``, ``toolTip()``, ``data()``)."""

    def __init__(self, index: QModelIndex) -> None:
        self.index = index

    def data(self, role: int):
        return self.index.data(role)

    def text(self) -> str:
        return self.index.data(Qt.DisplayRole) or ""

    def toolTip(self) -> str:  # noqa: N802 (Qt's spelling, as QListWidgetItem)
        return self.index.data(Qt.ToolTipRole) or ""


class SourcesList(QListView):
    """The citations of an item; Delete removes the current one, right-click offers the rest."""

    removeRequested = Signal(int)
    rowActivated = Signal(object)        # SourceRow, on double-click
    selectionChanged_ = Signal()         # the selected row changed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sources_model = SourcesModel(self)
        self.setModel(self.sources_model)
        self.setLayoutMode(QListView.LayoutMode.Batched)   # thousands of rows never block
        self.setBatchSize(200)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.doubleClicked.connect(lambda index: self.rowActivated.emit(SourceRow(index)))
        self.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged_.emit())

    MANY = 500   # more rows than this: one elided line each, all the same height

    def show_citations(self, brief, citations: list[Citation]) -> None:
        """Wrapped rows of their own heights for an ordinary item; for thousands of
        citations, uniform one-line rows, so Qt never measures every row (the full text
        stays in each row's tooltip)."""
        many = len(citations) > self.MANY
        self.setUniformItemSizes(many)
        self.setWordWrap(not many)
        self.setTextElideMode(Qt.ElideRight)
        self.sources_model.show(brief, citations)

    def count(self) -> int:
        return self.sources_model.rowCount()

    def item(self, row: int) -> SourceRow | None:
        index = self.sources_model.index(row)
        return SourceRow(index) if index.isValid() else None

    def itemAt(self, pos) -> SourceRow | None:  # noqa: N802 (as QListWidget)
        index = self.indexAt(pos)
        return SourceRow(index) if index.isValid() else None

    def visualItemRect(self, row: SourceRow) -> QRect:  # noqa: N802 (as QListWidget)
        return self.visualRect(row.index)

    def current_row(self) -> int:
        """The selected row, -1 when none is."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int, scroll: bool = False) -> None:
        index = self.sources_model.index(row)
        self.setCurrentIndex(index)
        if scroll:
            self.scrollTo(index)

    def keyPressEvent(self, event) -> None:
        row = self.current_row()
        if row >= 0 and (event.matches(QKeySequence.Delete) or event.key() == Qt.Key_Backspace):
            self.removeRequested.emit(row)
            return
        super().keyPressEvent(event)


SOURCE_ACTIONS = (  # name, text, tip
    ("accept", "&Accept Suggestion",
     "Cite the suggested sentence instead of the quote that no longer matches"),
    ("relink", "Re-&link to Selection",
     "Cite the sentence(s) selected in the article instead of this source"),
    ("remove", "&Remove Source", "Stop citing this source (Delete)"),
    ("extend_prev", "Extend to &Previous Sentence", "Also cite the sentence before this one"),
    ("extend_next", "Extend to &Next Sentence", "Also cite the sentence after this one"),
    ("replace", "Re&place by Selection",
     "Cite the sentence(s) selected in the article instead of this source"),
)
