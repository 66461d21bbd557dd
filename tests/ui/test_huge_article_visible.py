"""What part of a long article is on screen, asked while Qt is still laying it out.

Qt lays a long article out in steps after it is shown; until it is done, its hit test
answered the top of the page (the frame's margin, the leading under a paragraph) with the
end of the text, so the view believed 60,000 characters or the whole article were on
screen and materialised thousands of highlights per selection (issue 10). ``visible_span``
must name the text the analyst actually sees, whatever the layout has reached.
"""
from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefing.ui.article_document import visible_span
from support import hostile


def rect_of(view, position: int):
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor)


def assert_on_screen(view, position: int) -> None:
    """On screen, or on a line cut by its edge."""
    rect, screen = rect_of(view, position), view.viewport().rect()
    line = rect.height()
    assert screen.top() - 2 * line <= rect.top() <= screen.bottom() + line, (position, rect)


def test_right_after_opening_a_long_article_the_span_is_the_first_screen(article_view):
    brief, _ = hostile.many_citations(0.2)      # 10,000 sentences, 300 KB
    view = article_view(brief)                  # no event processed: layout has just begun
    first, last = visible_span(view)
    assert first == 0
    assert 0 < last < 10_000                    # one screen of text, not the whole article
    assert_on_screen(view, last)


def test_scrolled_into_a_long_article_the_span_is_what_the_viewport_shows(qtbot, article_view):
    brief, _ = hostile.many_citations(0.2)
    view = article_view(brief)
    bar = view.verticalScrollBar()
    for value in (37, 1_001, 5_003):            # tops that fall in margins, leading, text
        bar.setValue(value)
        first, last = visible_span(view)
        assert 0 < first < last
        assert last - first < 10_000
        assert_on_screen(view, first)
        assert_on_screen(view, last)


def test_a_short_article_is_all_on_screen(article_view):
    brief, _ = hostile.long_note(0.001)        # four sentences
    view = article_view(brief)
    end = view.document().characterCount() - 1
    assert visible_span(view) == (0, end)
