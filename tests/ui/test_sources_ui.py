"""A brief over several sources, driven through the window as an analyst would: switching
sources with the tabs, citing sentences of two sources in one item by click, shortcut and
Ctrl+click, highlights that stay exact across the switch (emoji and CRLF text in the second
source), hover, stepping through an item's sentences, and add/remove/reorder with undo."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from briefing import Brief
from briefing.core.source import Source
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.offsets import OffsetMap

PAPER = ("Officials said Musk spoke to Putin often. The Kremlin denied it.\n\n"
         "Musk declined to comment on the report.")
# Astral emoji, a ZWJ family and CRLF/CR before the sentences the tests cite, so any
# UTF-16 or line-break miscount in the second source shifts its highlight.
MIXED = ("Family 👨\u200d👩\u200d👧 photo 😀 went viral.\r\n"
         "Cafe\u0301 owners cheered 🎉. Peskov said there was one call 📞 only.\r\n\r\n"
         "He called the report false.\r"
         "The ministry 👍 confirmed the meeting.\r\n")


def two_sources() -> Brief:
    brief = Brief.from_text(PAPER, title="Paper", outlet="The Paper")
    raw = brief.new_source(MIXED, title="TASS wire", outlet="TASS")   # CRLF kept as stored
    brief.add_source(raw)
    return brief


@pytest.fixture
def window(qtbot):
    def make(brief: Brief) -> MainWindow:
        w = MainWindow(brief, dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        w.resize(1300, 850)
        with qtbot.waitActive(w):
            w.show()
        return w
    return make


def sid_of(source: Source, fragment: str) -> str:
    return next(s.id for s in source.sentences if fragment in s.text)


def point_in(w: MainWindow, sid: str, chars_in: int = 3) -> QPoint:
    """A viewport point inside a sentence of the source shown, found through the seam."""
    view = w.article_view
    source = w.brief.source_of(sid)
    assert view.source_id() == source.id
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(source.text).to_qt(w.brief.sentence(sid).start + chars_in))
    return view.cursorRect(cursor).center() + QPoint(2, 0)


def click_tab(qtbot, w: MainWindow, index: int) -> None:
    tabs = w.source_tabs
    qtbot.waitUntil(lambda: tabs.count() > index)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())


def test_tabs_show_each_source_with_its_coverage_and_switch_the_article(qtbot, window):
    brief = two_sources()
    brief.add_item("claim", "Denied", [sid_of(brief.sources[1], "Peskov")])
    w = window(brief)
    tabs = w.source_tabs
    assert tabs.isVisible()
    assert tabs.tab_texts() == ["0 of 3 cited · Paper", "1 of 5 cited · TASS wire"]
    assert w.article_view.toPlainText().startswith("Officials said")
    click_tab(qtbot, w, 1)
    assert w.article_view.source_id() == "src2"
    assert w.article_view.toPlainText().startswith("Family 👨")
    assert w.form.meta.toggle.text().startswith("Source 2 of 2  —  TASS")
    assert w.coverage.text() == "1 of 5 sentences cited in this source"
    qtbot.keyClick(w.article_view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert w.article_view.source_id() == "src1" and tabs.current_source_id() == "src1"


def test_one_item_cites_two_sources_by_real_gestures_and_highlights_stay_exact(qtbot, window):
    brief = two_sources()
    w = window(brief)
    view = w.article_view
    tass = brief.sources[1]
    peskov = sid_of(tass, "Peskov")
    click_tab(qtbot, w, 1)
    # click a sentence of the second source, then Ctrl+1: a claim citing it
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_in(w, peskov))
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    item = brief.items[-1]
    assert item.kind == "claim" and brief.sentence_ids_of(item) == [peskov]
    w.select_item(item.id)
    assert view.highlighted_text() == ["Peskov said there was one call 📞 only."]
    # back to the first source; Ctrl+click links one of its sentences to the same item
    click_tab(qtbot, w, 0)
    denied = sid_of(brief.article, "Kremlin denied")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, point_in(w, denied))
    assert brief.sentence_ids_of(item) == [denied, peskov]
    assert w.selected_item_id() == item.id
    qtbot.waitUntil(lambda: view.highlighted_text() == ["The Kremlin denied it."])
    # the item's rows name each report, and both tabs wear the mark
    rows = [w.form.editor.sources.model().index(r, 0).data() for r in range(2)]
    assert rows == ["[The Paper] The Kremlin denied it.",
                    "[TASS] Peskov said there was one call 📞 only."]
    qtbot.waitUntil(lambda: all(t.startswith("● ") for t in w.source_tabs.tab_texts()))
    # the claim's row says it rests on two sources
    assert "2 sources" in w.form.panes["claim"].view.model().index(0, 0).data(Qt.UserRole + 2)
    # switching shows the other source's part of the highlight, exactly (emoji, CRLF)
    click_tab(qtbot, w, 1)
    assert view.highlighted_text() == ["Peskov said there was one call 📞 only."]
    w.undo_stack.undo()    # the Ctrl+click link
    assert brief.sentence_ids_of(item) == [peskov]


def test_a_later_sentence_of_the_raw_crlf_source_highlights_and_clicks_exactly(qtbot, window):
    brief = two_sources()
    tass = brief.sources[1]
    ministry = sid_of(tass, "ministry")
    item = brief.add_item("risk", "Meeting", [ministry])
    w = window(brief)
    w.select_item(item.id)    # cites only the second source: it comes up by itself
    assert w.article_view.source_id() == "src2"
    assert w.article_view.highlighted_text() == ["The ministry 👍 confirmed the meeting."]
    requested = []
    w.article_view.itemRequested.connect(requested.append)
    qtbot.mouseClick(w.article_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=point_in(w, ministry, chars_in=15))
    assert requested == [item.id]


def test_hover_lists_the_items_citing_a_sentence_of_another_source(qtbot, window):
    brief = two_sources()
    tass = brief.sources[1]
    false = sid_of(tass, "false")
    brief.add_item("claim", "Report called false", [false])
    brief.add_item("question", "Who says false?", [false])
    w = window(brief)
    click_tab(qtbot, w, 1)
    view = w.article_view
    point = point_in(w, false)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Report called false" in QToolTip.text() and "Who says false?" in QToolTip.text()


def test_step_through_an_items_sentences_across_sources(qtbot, window):
    brief = two_sources()
    tass = brief.sources[1]
    ids = [sid_of(brief.article, "Officials"), sid_of(tass, "Peskov"), sid_of(tass, "ministry")]
    item = brief.add_item("claim", "x", ids)
    w = window(brief)
    w.select_item(item.id)
    seen = []
    for _ in range(4):
        qtbot.keyClick(w.article_view, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        seen.append((w.article_view.source_id(), w.article_view.selected_sentence_ids()))
    assert seen == [("src1", [ids[0]]), ("src2", [ids[1]]), ("src2", [ids[2]]), ("src1", [ids[0]])]
    assert "of “Paper”" in w.statusBar().currentMessage()
    qtbot.keyClick(w.article_view, Qt.Key.Key_BracketLeft, Qt.KeyboardModifier.ControlModifier)
    assert w.article_view.selected_sentence_ids() == [ids[2]]


def test_removing_a_cited_source_asks_first_and_undo_restores_it(qtbot, window):
    brief = two_sources()
    tass = brief.sources[1]
    item = brief.add_item("claim", "x", ["s1", sid_of(tass, "Peskov")])
    w = window(brief)
    click_tab(qtbot, w, 1)
    w.dialogs.confirms = [False]
    w.actions["remove_source"].trigger()
    assert w.dialogs.asked == ["confirm"] and len(brief.sources) == 2
    w.dialogs.confirms = [True]
    w.actions["remove_source"].trigger()
    assert [s.id for s in brief.sources] == ["src1"]
    assert brief.sentence_ids_of(item) == ["s1"] and w.article_view.source_id() == "src1"
    qtbot.waitUntil(lambda: not w.source_tabs.isVisible())
    assert not w.actions["remove_source"].isEnabled()     # the last source stays
    w.undo_stack.undo()
    assert [s.id for s in brief.sources] == ["src1", "src2"]
    assert brief.sentence_ids_of(item) == ["s1", sid_of(tass, "Peskov")]
    qtbot.waitUntil(lambda: w.source_tabs.count() == 2)


def test_an_uncited_source_goes_without_a_question(window):
    brief = two_sources()
    w = window(brief)
    w.show_source("src2")
    w.actions["remove_source"].trigger()
    assert w.dialogs.asked == [] and len(brief.sources) == 1


def test_reorder_sources_with_the_menu_and_undo(qtbot, window):
    brief = two_sources()
    w = window(brief)
    w.show_source("src2")
    assert not w.actions["source_right"].isEnabled() and w.actions["source_left"].isEnabled()
    w.actions["source_left"].trigger()
    assert [s.id for s in brief.sources] == ["src2", "src1"]
    qtbot.waitUntil(lambda: w.source_tabs.tab_texts()[0].endswith("TASS wire"))
    assert w.article_view.source_id() == "src2" and w.source_tabs.current_source_id() == "src2"
    assert w.undo_stack.undoText() == "Move source"
    w.undo_stack.undo()
    assert [s.id for s in brief.sources] == ["src1", "src2"]


def test_dragging_a_tab_moves_the_source(qtbot, window):
    brief = two_sources()
    w = window(brief)
    tabs = w.source_tabs
    tabs.moveTab(1, 0)       # what a drag of the tab ends with
    assert [s.id for s in brief.sources] == ["src2", "src1"]
    qtbot.waitUntil(lambda: tabs.source_ids() == ["src2", "src1"])


def test_article_details_edit_the_source_shown(qtbot, window):
    brief = two_sources()
    w = window(brief)
    w.show_source("src2")
    w.form.meta.set_article_expanded(True)
    outlet = w.form.meta.bindings["article.outlet"].widget
    assert outlet.text() == "TASS"
    outlet.selectAll()
    qtbot.keyClicks(outlet, "TASS agency")
    assert brief.source("src2").outlet == "TASS agency" and brief.article.outlet == "The Paper"
    w.show_source("src1")
    assert outlet.text() == "The Paper"
    assert "source outlet" in w.undo_stack.undoText()


def test_add_sources_from_the_menu_reads_files_and_is_one_undo_step(qtbot, window, tmp_path):
    first = tmp_path / "statement.txt"
    first.write_text("The ministry is reviewing the reports. Nothing more.", encoding="utf-8")
    second = tmp_path / "wire.html"
    second.write_text("<html><head><title>Wire</title></head><body><article><p>One call took "
                      "place. It was short.</p></article></body></html>", encoding="utf-8")
    brief = two_sources()
    w = window(brief)
    w.dialogs.paths = [[str(first), str(tmp_path / "gone.pdf"), str(second)]]
    w.actions["add_source"].trigger()
    assert [s.title for s in brief.sources] == ["Paper", "TASS wire", "Statement", "Wire"]
    assert len(w.dialogs.errors) == 1 and "gone.pdf" in w.dialogs.errors[0]
    assert w.article_view.source_id() == brief.sources[2].id
    w.undo_stack.undo()
    assert len(brief.sources) == 2


def test_update_source_text_replaces_the_source_shown_and_undo_restores_it(qtbot, window, tmp_path):
    brief = two_sources()
    tass = brief.sources[1]
    kept = brief.add_item("claim", "Kremlin denied", [sid_of(brief.article, "Kremlin denied")])
    gone = brief.add_item("claim", "One call", [sid_of(tass, "Peskov")])
    moved = brief.add_item("claim", "False", [sid_of(tass, "false")])
    w = window(brief)
    click_tab(qtbot, w, 1)
    newer = tmp_path / "tass-v2.txt"
    newer.write_text("He called the report false.\nThe ministry 👍 confirmed the meeting.\n",
                     encoding="utf-8")
    w.dialogs.paths = [str(newer)]
    w.dialogs.updates = [True]
    assert w.actions["update_article"].text().replace("&", "") == "Update Source Text…"
    w.actions["update_article"].trigger()
    plan = w.dialogs.reviewed[-1].plan
    assert plan.source == "src2" and {r.item.id for r in plan.rows} == {gone.id, moved.id}
    assert brief.source("src2").text.startswith("He called the report false.")
    assert brief.article.text == PAPER                              # the other source as it was
    assert brief.resolution(kept.citations[0]).status == "exact"
    assert brief.resolution(moved.citations[0]).status == "exact"   # re-anchored
    assert moved.citations[0].start == 0
    assert gone.citations[0].review == "orphaned"
    assert w.article_view.toPlainText().startswith("He called the report false.")
    assert w.undo_stack.undoText() == "Update source “TASS wire”"
    w.undo_stack.undo()
    assert brief.source("src2").text == MIXED and gone.citations[0].review == ""
    assert w.article_view.toPlainText().startswith("Family 👨")
