"""One section in the brief pane: a header (colour, title, count, add button) over its list.

The list is a plain QListView over SectionModel with the row delegate; it accepts item drags
from any section and sentence drags from the article, and shows a hint when it is empty.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListView,
                               QStyleOptionViewItem, QToolButton, QVBoxLayout, QWidget)

from briefing.core.sections import Section
from briefing.ui.section_delegate import SectionDelegate
from briefing.ui.section_model import SectionModel

MAX_ROWS = 8


class SectionList(QListView):
    """The rows of one section; Delete asks for the selected item to be deleted."""

    deletePressed = Signal()

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"{section.key}List")
        self.setItemDelegate(SectionDelegate(section.colour, self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setFrameShape(QListView.NoFrame)
        self.viewport().setAttribute(Qt.WA_Hover)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def row_height(self) -> int:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return self.itemDelegate().sizeHint(option, QModelIndex()).height()

    def fit_rows(self) -> None:
        """As tall as its rows (one row's room when empty), up to MAX_ROWS: the form reads
        like one outline, and only a long section scrolls on its own."""
        rows = self.model().rowCount() if self.model() is not None else 0
        frame = self.frameWidth() * 2
        self.setFixedHeight(max(1, min(rows, MAX_ROWS)) * self.row_height() + frame)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Delete) and self.currentIndex().isValid():
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.PlaceholderText))
            rect = self.viewport().rect().adjusted(16, 0, -16, 0)
            painter.drawText(QRect(rect), Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap,
                             f"No {self.section.key} yet. Select sentences in the article and "
                             f"press {self.section.shortcut}, or drag them here.")


class SectionPane(QWidget):
    """Header plus list for one section; `addRequested` when the + button is clicked."""

    addRequested = Signal(str)

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"{section.key}Pane")
        self.title = QLabel(self)
        self.title.setObjectName(f"{section.key}Header")
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setAutoRaise(True)
        self.add_button.setToolTip(f"Add an empty {section.singular}")
        self.add_button.clicked.connect(lambda: self.addRequested.emit(section.kind))
        self.view = SectionList(section, self)
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 0, 0)
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view)
        self.model: SectionModel | None = None

    def set_model(self, model: SectionModel) -> None:
        """Show a new brief's section (the old model is detached and dropped)."""
        old = self.model
        self.model = model
        self.view.setModel(model)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.update_count)
        self.update_count()
        if old is not None:
            old.detach()
            old.deleteLater()

    def update_count(self, *_args) -> None:
        n = self.model.rowCount() if self.model is not None else 0
        self.view.fit_rows()
        muted = self.palette().color(QPalette.PlaceholderText).name()
        self.title.setText(
            f"<span style='color:{self.section.colour}; font-size:large'>●</span>&nbsp;"
            f"<b>{self.section.title}</b>&nbsp;&nbsp;"
            f"<span style='color:{muted}'>{n}</span>")
        self.title.setToolTip(f"{n} {self.section.singular}{'s' if n != 1 else ''}")
