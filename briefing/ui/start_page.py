"""What a window shows with no brief open: recent briefs, New from article, Open.

File › Close on the last window lands here instead of quitting, so closing a brief never
closes the app by surprise; the app also starts here when it is given no file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from briefing.ui.tooltips import plain_tooltip


class StartPage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    recentRequested = Signal(str)   # a path from the recent list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("<h2>Briefing</h2>No brief is open. Start a brief over an article, "
                       "open one, or pick a recent brief.", self)
        title.setTextFormat(Qt.RichText)
        title.setWordWrap(True)
        self.new_button = QPushButton("&New Brief from Article…", self)
        self.new_button.setObjectName("startNew")
        self.open_button = QPushButton("&Open…", self)
        self.open_button.setObjectName("startOpen")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.recent = QListWidget(self)
        self.recent.setObjectName("startRecent")
        self.recent.setAccessibleName("Recent briefs")
        self.recent.itemActivated.connect(lambda item: self.recentRequested.emit(item.data(Qt.UserRole)))
        recent_label = QLabel("&Recent briefs", self)
        recent_label.setBuddy(self.recent)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addWidget(recent_label)
        column.addWidget(self.recent, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}", self.recent)
            item.setData(Qt.UserRole, path)
            item.setToolTip(plain_tooltip(path))
        self.recent.setVisible(bool(paths))
