"""The article as a read-only QTextDocument laid out for reading.

Document positions must stay pure article text (the offset seam depends on it), so all
typography is formatting: a serif body font, 1.4 line height, paragraph gaps made by
squeezing the blank lines between paragraphs, and headings (a short line standing alone
without terminal punctuation) bold and larger. Title and byline live outside the document.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import (QFont, QTextBlock, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument)
from PySide6.QtWidgets import QTextEdit

from briefing.core.anchor import Sentence
from briefing.core.article import is_heading
from briefing.ui.offsets import OffsetMap, document_text
from briefing.ui.text_layout import block_breaks, wrap_mode

SERIF_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif",
                  "Nimbus Roman", "Times New Roman"]
BODY_POINT_SIZE = 12.0
LINE_HEIGHT_PERCENT = 140
HEADING_SCALE = 1.25
GAP_SCALE = 0.4  # a blank line between paragraphs shrinks to this fraction
PROBE_STEP = 4   # px between the hit tests of visible_span, well under a line's leading
PROBES = 16


def body_font() -> QFont:
    """Serif at 12pt when the system has one; Qt falls back to the style hint."""
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BODY_POINT_SIZE)
    return font


def heading_format() -> QTextCharFormat:
    """Char format of a heading; tints are merged on top of it (see ArticleTints)."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(BODY_POINT_SIZE * HEADING_SCALE)
    return fmt


def build_document(text: str, sentences: list[Sentence], offsets: OffsetMap,
                   parent=None) -> tuple[QTextDocument, set[str]]:
    """A laid-out read-only document of the article, and the ids of heading sentences."""
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)  # formatting passes must not pile up undo history
    doc.setDefaultFont(body_font())
    doc.setDocumentMargin(8)
    option = doc.defaultTextOption()
    option.setWrapMode(wrap_mode(text))   # linear layout of long unbroken runs (text_layout)
    doc.setDefaultTextOption(option)
    # a paragraph too long to lay out at once becomes several blocks (text_layout)
    doc.setPlainText(document_text(text, block_breaks(text, sentences)))
    headings = {s.id for s in sentences if is_heading(text, s.start, s.end)}
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    _format_blocks(doc, cursor)
    for s in sentences:
        if s.id in headings:
            _format_heading(cursor, offsets.to_qt(s.start), offsets.to_qt(s.end))
    cursor.endEditBlock()
    return doc, headings


def _format_blocks(doc: QTextDocument, cursor: QTextCursor) -> None:
    """Body line height everywhere; blank lines squeezed into a paragraph gap.

    The gap shrinks the blank line's font rather than its line height: a proportional
    height under 100% lets a line's box overlap the next block, and Qt's hit testing
    then answers the blank line for clicks on the first line of the paragraph below.
    """
    body = QTextBlockFormat()
    body.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(body)
    gap = QTextCharFormat()
    gap.setFontPointSize(BODY_POINT_SIZE * GAP_SCALE)
    block = doc.begin()
    while block.isValid():
        if not block.text().strip():
            cursor.setPosition(block.position())
            cursor.mergeBlockCharFormat(gap)
        block = block.next()


def _format_heading(cursor: QTextCursor, start: int, end: int) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(heading_format())
    spaced = QTextBlockFormat()
    spaced.setTopMargin(6)
    cursor.mergeBlockFormat(spaced)


def set_reading_width(doc: QTextDocument, viewport_width: int, max_text_width: int) -> None:
    """Centre a readable column: side margins grow once the viewport is wider than
    ``max_text_width``. Only touches the root frame when the margin really changes,
    because any change re-lays out the whole document."""
    side = max(24, (viewport_width - max_text_width) // 2)
    frame = doc.rootFrame().frameFormat()
    if int(frame.leftMargin()) == side:
        return
    frame.setLeftMargin(side)
    frame.setRightMargin(side)
    frame.setTopMargin(12)
    frame.setBottomMargin(24)
    doc.rootFrame().setFrameFormat(frame)


def margin_mark_x(doc: QTextDocument) -> float:
    """Where the margin mark of highlighted sentences is painted: in the left margin."""
    return doc.rootFrame().frameFormat().leftMargin() - 12


def visible_span(view: QTextEdit) -> tuple[int, int]:
    """Qt positions of the text at the top-left and bottom-right of the viewport, right
    even while Qt is still laying the document out.

    Qt lays a long document out in steps after it is shown, and until it is done its hit
    test answers a point that falls in no laid-out block (the root frame's top margin, the
    leading under a paragraph's last line) with the end of the laid-out text or of the
    whole document: right after opening a 1.5 MB article the "visible" range at the top of
    the page reached 60,000 characters, or the end, and every selection materialised
    thousands of highlights (0.3-2.4 s). A point is answered only once it lands in a
    laid-out block: the probe moves ``PROBE_STEP`` px into the viewport, at most
    ``PROBES`` times, and a viewport past the end of the text keeps Qt's answer.
    Reads only what Qt has laid out, so it never forces the layout of far-away text."""
    rect = view.viewport().rect()
    return (_position_at(view, rect.topLeft(), PROBE_STEP),
            _position_at(view, rect.bottomRight(), -PROBE_STEP))


def _position_at(view: QTextEdit, point: QPoint, step: int) -> int:
    doc = view.document()
    layout = doc.documentLayout()
    at = QPointF(point) + QPointF(view.horizontalScrollBar().value(),
                                  view.verticalScrollBar().value())
    first = None
    for _ in range(PROBES):
        position = layout.hitTest(at, Qt.HitTestAccuracy.FuzzyHit)
        if _holds(doc.findBlock(position), at.y()):
            return position
        first = position if first is None else first
        at += QPointF(0, step)
    return first


def _holds(block: QTextBlock, y: float) -> bool:
    """Whether a laid-out block spans document height ``y`` (its top margin included, as
    in Qt's own hit test)."""
    text = block.layout() if block.isValid() else None
    if text is None or text.lineCount() == 0:
        return False
    top = text.position().y()
    return top - block.blockFormat().topMargin() <= y <= top + text.boundingRect().bottom()
