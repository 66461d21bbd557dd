"""View › Mark Hedges and Attributions: the article underlines the words that only report
a claim, read back from Qt through the offset seam (emoji and CRLF before the words),
apart from the selected item's highlight, windowed in a huge article, remembered."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from briefing import Brief
from briefing.ui.article_highlight import MATERIALISE_ALL
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow

TEXT = ("Family 👨\u200d👩\u200d👧 photo 😀 went viral.\r\n"
        "Officials reportedly met 🇺🇦 on Monday.\r\n"
        "\r\n"
        "According to aides, the deal was allegedly signed. Trade rose.")


def test_hedge_words_are_underlined_after_emoji_and_crlf(article_view):
    view = article_view(Brief.from_text(TEXT))
    assert view.hedge_text() == []
    view.set_hedges_visible(True)
    assert view.hedge_text() == ["reportedly", "According to", "allegedly"]
    view.set_hedges_visible(False)
    assert view.hedge_text() == []


def test_hedges_stay_apart_from_the_selected_items_highlight(article_view):
    brief = Brief.from_text(TEXT)
    sid = next(s.id for s in brief.sentences if "allegedly" in s.text)
    item = brief.add_item("claim", "The deal was signed.", [sid])
    view = article_view(brief)
    view.set_hedges_visible(True)
    view.show_item(item)
    assert view.highlighted_text() == ["According to aides, the deal was allegedly signed."]
    assert view.hedge_text() == ["reportedly", "According to", "allegedly"]
    view.show_item(None)
    assert view.highlighted_text() == []
    assert len(view.hedge_text()) == 3


def test_hedge_marks_follow_the_source_shown(article_view):
    brief = Brief.from_text(TEXT)
    other = brief.add_source_text("Sources say the talks failed. It rained.", title="Second")
    view = article_view(brief)
    view.set_hedges_visible(True)
    view.show_source(other.id)
    assert view.hedge_text() == ["Sources say"]
    view.show_source(brief.article.id)
    assert view.hedge_text() == ["reportedly", "According to", "allegedly"]


def test_a_huge_article_marks_only_the_hedges_near_the_screen(article_view, qtbot):
    para = "Officials reportedly met again 😀 in Vienna. Trade rose by ten percent.\r\n"
    brief = Brief.from_text(para * 2_000)
    view = article_view(brief)
    view.set_hedges_visible(True)
    shown = view.hedge_text()
    assert 0 < len(shown) < 2_000 and len(shown) <= MATERIALISE_ALL * 2
    assert set(shown) == {"reportedly"}
    def first_mark() -> int:
        selections = view.extraSelections()
        cursor = selections[0].cursor
        return cursor.selectionStart()

    first = first_mark()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: first_mark() > first)
    assert set(view.hedge_text()) == {"reportedly"}


@pytest.fixture
def window(qtbot):
    def make() -> MainWindow:
        w = MainWindow(Brief.from_text(TEXT), dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        with qtbot.waitActive(w):
            w.show()
        return w
    return make


def test_the_view_action_toggles_and_is_remembered(window, qtbot):
    w = window()
    action = w.actions["hedges"]
    assert action.isCheckable() and not action.isChecked()
    assert action in w.menuBar().actions()[-2].menu().actions()   # View, before Help
    qtbot.keyClick(w, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert action.isChecked()
    assert w.article_view.hedge_text() == ["reportedly", "According to", "allegedly"]
    w.close()
    again = window()
    assert again.actions["hedges"].isChecked()
    assert again.article_view.hedge_text() == ["reportedly", "According to", "allegedly"]
    again.actions["hedges"].trigger()
    assert again.article_view.hedge_text() == []
