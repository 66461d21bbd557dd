"""An article that is one enormous paragraph, driven like an analyst drives it.

Qt lays a paragraph out in one go, so one of 50,000 sentences froze the window for seconds
(issue 10). The article view lays such a paragraph out as short blocks cut at spaces between
sentences (briefing/ui/text_layout.py); these tests check that nothing the analyst sees or
cites moves: every sentence reads back exactly, highlights and clicks land on the right
sentence on both sides of a cut, and ordinary paragraphs are never cut.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from briefing import Brief
from briefing.core.article import Article
from briefing.ui.offsets import OffsetMap, display_text
from briefing.ui.text_layout import BLOCK_CHARS, LONG_PARAGRAPH

# Astral characters and a CRLF before the long paragraph, so a miscount would show.
PREAMBLE = "Emoji 😀 lead 🎉 here.\r\n\r\n"


def one_paragraph(n: int, preamble: str = PREAMBLE) -> str:
    return preamble + "".join(f"Sentence {i} says 🙂 a thing. " for i in range(n)) + "\r\nEnd.\r\n"


def blocks(view) -> list[str]:
    out, block = [], view.document().begin()
    while block.isValid():
        out.append(block.text())
        block = block.next()
    return out


def read_back(view, offsets: OffsetMap, start: int, end: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def point_at(view, offsets: OffsetMap, cp: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(offsets.to_qt(cp))
    return view.cursorRect(cursor).center() + QPoint(2, 0)


def test_a_huge_paragraph_is_laid_out_as_short_blocks_and_every_sentence_reads_back(article_view):
    brief = Brief(Article(text=one_paragraph(1_500)))   # raw: CRLF kept
    assert "\r\n" in brief.article.text
    view = article_view(brief)
    lines = blocks(view)
    assert len(lines) > 1_500 * 30 // BLOCK_CHARS            # cut, into many blocks
    assert max(len(line) for line in lines) <= BLOCK_CHARS
    offsets = OffsetMap(brief.article.text)
    for sentence in brief.sentences:                       # no offset moved
        assert read_back(view, offsets, sentence.start, sentence.end) == sentence.text


def test_highlight_and_clicks_land_on_both_sides_of_a_cut(qtbot, article_view):
    brief = Brief.from_text(one_paragraph(1_500, preamble=""), title="T")
    view = article_view(brief)
    offsets = OffsetMap(brief.article.text)
    # the two sentences around the first cut: one ends a block, the next starts one
    cut = next(i for i, s in enumerate(brief.sentences)
               if s.start and read_back(view, offsets, s.start - 1, s.start) == "\n")
    before, after = brief.sentences[cut - 1], brief.sentences[cut]
    item = brief.add_item("claim", "Both", [before.id, after.id])
    view.show_item(item)
    assert view.highlighted_text() == [before.text, after.text]
    for sentence in (before, after):
        with qtbot.waitSignal(view.itemRequested) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                             pos=point_at(view, offsets, sentence.start + 3))
        assert blocker.args == [item.id]


def test_a_long_but_ordinary_paragraph_stays_one_block(article_view):
    text = "Title line\n\n" + "A sentence of a long paragraph. " * (LONG_PARAGRAPH // 33) + "\n"
    brief = Brief.from_text(text, title="T")
    view = article_view(brief)
    assert view.document().toPlainText() == display_text(brief.article.text)
    assert max(len(line) for line in blocks(view)) > LONG_PARAGRAPH * 9 // 10
