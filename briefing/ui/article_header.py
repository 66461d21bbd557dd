"""Title and byline shown above the article text.

A widget of its own rather than lines in the document: document positions must stay pure
article text, or every offset would need a correction for the header.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from briefing.ui.article_document import body_font
from briefing.ui.tooltips import plain_tooltip
from briefing.ui.palette import blend


def byline(article) -> str:
    """Outlet · author · date, skipping what the article does not say."""
    return " · ".join(p for p in (article.outlet, article.author, article.published) if p)


class ArticleHeader(QLabel):
    """Rich-text label: headline in the article's serif, byline below in a muted colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title = ""
        self.byline = ""
        self.wanted = True  # False when a surrounding pane shows the metadata itself

    def show_article(self, article, fallback_title: str = "") -> None:
        """Show an article's metadata; hidden when there is none to show."""
        self.title = article.title or fallback_title if article else ""
        self.byline = byline(article) if article else ""
        self.setToolTip(plain_tooltip(article.url) if article else "")
        self.setText(self._html())
        self.update_visibility()

    def update_visibility(self) -> None:
        self.setVisible(self.wanted and bool(self.title or self.byline))

    def _html(self) -> str:
        family = QFontInfo(body_font()).family()  # the installed face, not the wish list
        muted = blend(self.palette().color(QPalette.ColorRole.Base),
                      self.palette().color(QPalette.ColorRole.Text), 0.6).name()
        parts = []
        if self.title:
            parts.append(f'<div style="font-family:\'{family}\'; font-size:17pt; '
                         f'font-weight:600">{escape(self.title)}</div>')
        if self.byline:
            parts.append(f'<div style="color:{muted}; font-size:10pt; margin-top:4px">'
                         f'{escape(self.byline)}</div>')
        return "".join(parts)

    def set_side_margin(self, side: int) -> None:
        """Line the header up with the text column below it."""
        self.setContentsMargins(side, 14, side, 10)

    def paintEvent(self, event) -> None:
        """A hairline under the byline keeps scrolled text visibly apart from it."""
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        margins = self.contentsMargins()
        y = self.height() - 1
        painter.drawLine(margins.left(), y, self.width() - margins.right(), y)
        painter.end()
