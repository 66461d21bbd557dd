"""File › Update Article…: what a new version of the article does to every source.

Shown before anything changes: one row per citation with its item, its stored quote, the
status the update found and the sentence it will point at (or suggests), with the words
that changed marked (struck through in red: gone; underlined in green: new). The rows that
will need review come first. Every piece of
user text is escaped before it becomes rich text. Apply pushes one undo step; Cancel leaves
the brief alone.
"""
from __future__ import annotations

import difflib
import html

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from briefing.core.sections import section_for
from briefing.core.update import UpdatePlan, UpdateRow

HtmlRole = Qt.UserRole + 1     # the cell's rich text (escaped user text plus diff marks)
COLUMNS = ("Item", "Stored quote", "Status", "New sentence")
STATUS_TEXT = {
    "exact": "exact", "moved": "moved", "fuzzy": "⚠ fuzzy: needs review",
    "ambiguous": "⚠ ambiguous: needs review", "orphaned": "⚠ orphaned: needs review",
}
DEL = "<s style='color:#b91c1c'>{}</s>"
INS = "<u style='color:#15803d'>{}</u>"
MAX_FITTED_ROWS = 400   # rows measured to their text's height; longer plans keep one line


def word_diff(old: str, new: str) -> str:
    """Rich text of `new` against `old`, word by word: deleted words struck through, added
    ones underlined, everything escaped."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape(" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(DEL.format(html.escape(" ".join(a[i1:i2]))))
        if j2 > j1:
            out.append(INS.format(html.escape(" ".join(b[j1:j2]))))
    return " ".join(out)


def new_sentence_cell(row: UpdateRow) -> tuple[str, str]:
    """(plain text, rich text) for the New sentence column."""
    r = row.resolution
    if r.sentence is None:
        return "— (nothing close enough: the quote is kept)", "<i>— nothing close enough: the quote is kept</i>"
    text = " ".join(r.sentence.text.split())
    prefix = "Suggested: " if r.needs_review else ""
    rich = (html.escape(text) if " ".join(row.old.exact.split()) == text
            else word_diff(row.old.exact, r.sentence.text))
    if r.needs_review:
        rich = f"<i>{html.escape(prefix)}</i>{rich}"
    return prefix + text, rich


def summary(plan: UpdatePlan) -> str:
    counts = plan.counts()
    parts = [f"{counts[s]} {s}" for s in ("exact", "moved", "fuzzy", "ambiguous", "orphaned")
             if counts.get(s)]
    review = sum(counts.get(s, 0) for s in ("fuzzy", "ambiguous", "orphaned"))
    n = len(plan.rows)
    head = f"{n} source{'s' if n != 1 else ''}" + (f": {', '.join(parts)}." if parts else ".")
    tail = (f" {review} will need review: they keep their stored quote until you accept a "
            "suggestion, re-link or remove them." if review else " Every source still matches.")
    return head + tail


class RichTextDelegate(QStyledItemDelegate):
    """Paints a cell's HtmlRole as rich text (the diff marks), wrapped to the column."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HtmlRole) or html.escape(index.data(Qt.DisplayRole) or ""))
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QTableWidget):   # asked for a size hint
            width = option.widget.columnWidth(index.column())
        doc.setTextWidth(max(40, width))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, text_option, painter, option.widget)
        doc = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = (QPalette.HighlightedText if option.state & QStyle.State_Selected else QPalette.Text)
        context.palette.setColor(QPalette.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class UpdateDialog(QDialog):
    """The review of an article update: a summary, a table of every source, Apply/Cancel."""

    def __init__(self, plan: UpdatePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateArticleDialog")
        self.setWindowTitle("Update Article")
        self.plan = plan
        self.summary = QLabel(summary(plan), self)
        self.summary.setObjectName("updateSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.table = self._table(plan)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel, self)
        self.apply_button = self.buttons.addButton("Apply Update", QDialogButtonBox.AcceptRole)
        self.apply_button.setObjectName("applyUpdateButton")
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 560)

    def _table(self, plan: UpdatePlan) -> QTableWidget:
        table = QTableWidget(len(plan.rows), len(COLUMNS), self)
        table.setObjectName("updateTable")
        table.setHorizontalHeaderLabels(list(COLUMNS))
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.setItemDelegate(RichTextDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.Interactive)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        table.setColumnWidth(0, 180)
        table.setColumnWidth(2, 190)
        # the sources that will need review first, then the rest in brief order
        for n, row in enumerate(sorted(plan.rows, key=lambda r: not r.resolution.needs_review)):
            for column, (plain, rich, colour) in enumerate(self._cells(row)):
                cell = QTableWidgetItem(plain)
                cell.setData(HtmlRole, rich)
                cell.setToolTip(plain)
                if colour:
                    cell.setForeground(QColor(colour))
                table.setItem(n, column, cell)
        header.sectionResized.connect(lambda *_: self._fit_rows())
        return table

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text at the current column widths."""
        if len(self.plan.rows) <= MAX_FITTED_ROWS:
            self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_rows()

    @staticmethod
    def _cells(row: UpdateRow) -> list[tuple[str, str, str]]:
        item = row.item
        name = f"{section_for(item.kind).singular.capitalize()}: {' '.join(item.text.split()) or '(untitled)'}"
        quote = " ".join(row.old.exact.split())
        status = row.resolution.status
        status_text = STATUS_TEXT[status]
        if status == "fuzzy":
            status_text += f" ({round(row.resolution.similarity * 100)}%)"
        new_plain, new_rich = new_sentence_cell(row)
        amber = "#b45309" if row.resolution.needs_review else ""
        return [(name, html.escape(name), ""),
                (quote, html.escape(quote), ""),
                (status_text, f"<span style='color:{amber}'>{html.escape(status_text)}</span>"
                 if amber else html.escape(status_text), amber),
                (new_plain, new_rich, "")]

    def cell_text(self, row: int, column: int) -> str:
        return self.table.item(row, column).text()

    def cell_html(self, row: int, column: int) -> str:
        return self.table.item(row, column).data(HtmlRole)
