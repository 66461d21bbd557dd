"""The look of one section row: a colour bar, the headline, a muted detail line, a source count.

Painting rows (instead of a widget per item) keeps a 5,000-item brief as light as a short
one. Colours come from the section table, so the bar matches the article highlight.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from briefing.ui.tooltips import plain_tooltip
from briefing.ui.section_model import CitationCountRole, DetailRole, ReviewCountRole, review_text

PAD_X, PAD_Y, BAR_W, GAP = 12, 6, 4, 2
REVIEW_COLOUR = QColor("#b45309")   # amber, as the Sources list and the dashed suggestion


def _detail_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
    return font


class SectionDelegate(QStyledItemDelegate):
    def __init__(self, colour: str, parent=None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        main = QFontMetrics(option.font)
        small = QFontMetrics(_detail_font(option.font))
        return QSize(200, PAD_Y * 2 + main.height() + GAP + small.height())

    def helpEvent(self, event, view, option: QStyleOptionViewItem, index) -> bool:  # noqa: N802
        """The row's tooltip (item text, details, note: all user text) shown escaped, so
        an item written as '<img src=...>' is never rendered as rich text."""
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            text = index.data(Qt.ToolTipRole)
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), view,
                                  view.visualRect(index))
            else:
                QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        rect = option.rect
        self._paint_background(painter, option)
        bar = QRectF(rect.left() + 4, rect.top() + 5, BAR_W, rect.height() - 10)
        painter.setPen(Qt.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(bar, 2, 2)
        text_rect = rect.adjusted(PAD_X + BAR_W, PAD_Y, -PAD_X, -PAD_Y)
        badge = self._paint_badge(painter, option, text_rect, index.data(CitationCountRole) or 0)
        review = index.data(ReviewCountRole) or 0
        if review:
            badge = self._paint_review(painter, option, text_rect, badge.left() - 4, review)
        text_rect.setRight(badge.left() - 8)
        self._paint_lines(painter, option, text_rect, index)
        painter.restore()

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        rect, palette = option.rect, option.palette
        if option.state & QStyle.State_Selected:
            tint = QColor(self.colour)
            tint.setAlpha(60 if option.state & QStyle.State_HasFocus or
                          option.state & QStyle.State_Active else 40)
            painter.fillRect(rect, tint)
        elif option.state & QStyle.State_MouseOver:
            tint = QColor(self.colour)
            tint.setAlpha(18)
            painter.fillRect(rect, tint)
        painter.setPen(palette.color(QPalette.Midlight))
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right(), rect.bottom())

    def _paint_lines(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect,
                     index) -> None:
        """Headline on top, detail below, each elided to the row width."""
        main_fm = QFontMetrics(option.font)
        small_font = _detail_font(option.font)
        small_fm = QFontMetrics(small_font)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.Text))
        title = main_fm.elidedText(index.data(Qt.DisplayRole) or "", Qt.ElideRight, rect.width())
        top = QRect(rect.left(), rect.top(), rect.width(), main_fm.height())
        painter.drawText(top, Qt.AlignLeft | Qt.AlignVCenter, title)
        painter.setFont(small_font)
        painter.setPen(option.palette.color(QPalette.PlaceholderText))
        detail = small_fm.elidedText(index.data(DetailRole) or "", Qt.ElideRight, rect.width())
        bottom = QRect(rect.left(), top.bottom() + 1 + GAP, rect.width(), small_fm.height())
        painter.drawText(bottom, Qt.AlignLeft | Qt.AlignVCenter, detail)

    def _paint_review(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect,
                      right: int, count: int) -> QRect:
        """An amber outlined pill "⚠ N to review" left of the source count."""
        font = _detail_font(option.font)
        fm = QFontMetrics(font)
        label = review_text(count)
        width = fm.horizontalAdvance(label) + 12
        pill = QRect(right - width + 1, rect.top() + 1, width, fm.height() + 2)
        painter.setFont(font)
        fill = QColor(REVIEW_COLOUR)
        fill.setAlpha(30)
        painter.setBrush(fill)
        painter.setPen(REVIEW_COLOUR)
        painter.drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5),
                                pill.height() / 2, pill.height() / 2)
        painter.drawText(pill, Qt.AlignCenter, label)
        return pill

    def _paint_badge(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect,
                     count: int) -> QRect:
        """A small pill with the number of cited sentences; hollow when there is none."""
        font = _detail_font(option.font)
        fm = QFontMetrics(font)
        label = str(count)
        width = max(fm.horizontalAdvance(label) + 12, fm.height() + 4)
        badge = QRect(rect.right() - width + 1, rect.top() + 1, width, fm.height() + 2)
        painter.setFont(font)
        muted = option.palette.color(QPalette.PlaceholderText)
        if count:
            fill = QColor(self.colour)
            fill.setAlpha(45)
            painter.setBrush(fill)
            painter.setPen(Qt.NoPen)
        else:
            painter.setBrush(Qt.NoBrush)
            painter.setPen(muted)
        painter.drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5),
                                badge.height() / 2, badge.height() / 2)
        painter.setPen(option.palette.color(QPalette.Text) if count else muted)
        painter.drawText(badge, Qt.AlignCenter, label)
        return badge
