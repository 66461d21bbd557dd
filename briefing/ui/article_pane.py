"""The left pane: the article's title, outlet and date above the reading view.

The header is a separate widget so the document under the view holds pure article text and
offsets map one to one through the seam in offsets.py.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from briefing.api import Brief
from briefing.ui.article_view import ArticleView


class ArticlePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articlePane")
        self.header = QLabel(self)
        self.header.setObjectName("articleHeader")
        self.header.setTextFormat(Qt.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.header.setContentsMargins(18, 12, 18, 8)
        self.view = ArticleView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)

    def set_brief(self, brief: Brief) -> None:
        self.view.set_brief(brief)
        self.refresh_header(brief)
        brief.meta_changed.connect(lambda name: name.startswith("article.") and self.refresh_header(brief))

    def refresh_header(self, brief: Brief) -> None:
        a = brief.article
        byline = " · ".join(escape(p) for p in (a.outlet, a.author, a.published) if p)
        title = escape(a.title or "Untitled article")
        self.header.setText(
            f"<div style='font-size:15pt; font-weight:600'>{title}</div>"
            f"<div style='color:palette(mid)'>{byline}</div>" if byline else
            f"<div style='font-size:15pt; font-weight:600'>{title}</div>")
