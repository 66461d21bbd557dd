"""The article pane driven like an analyst drives it: real clicks, drags and menus."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from briefing import Brief
from briefing.core.article import Article
from briefing.ui.mime import MIME_SENTENCES, sentence_ids_from_mime
from briefing.ui.offsets import OffsetMap, display_text
from briefing.ui.palette import section_colours

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PLAIN = (
    "Ministers met on Tuesday in Brussels. They agreed on a new budget. "
    "Critics called the deal rushed.\n\n"
    "Background\n\n"
    "The talks began in spring. Nobody expected a quick result."
)
# Astral emoji, a ZWJ family, combining accents, CJK, Arabic, Hebrew and CRLF/CR, all
# before the sentences the tests cite, so any unit miscount shifts the highlight.
MIXED = (
    "Family 👨\u200d👩\u200d👧 photo 😀 went viral.\r\n"
    "Cafe\u0301 owners cheered 🎉. 東京の記者が報じた。\r\n"
    "\r\n"
    "قال المتحدث إن الاجتماع سيعقد غدا. הדובר אמר שהפגישה תתקיים מחר.\r"
    "The ministry confirmed the meeting. A flag 🇺🇦 flew outside.\r\n"
)


def brief_with(text: str, normalise: bool = True):
    return Brief.from_text(text, title="T") if normalise else Brief(Article(text=text))


def sid_of(brief, fragment: str) -> str:
    return next(s.id for s in brief.sentences if fragment in s.text)


def point_in(view, brief, sid: str, chars_in: int = 3, dx: int = 2) -> QPoint:
    """Viewport pixel ``dx`` right of the gap before character ``chars_in`` of a
    sentence, found through the offset seam."""
    sentence = brief.sentence(sid)
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(brief.article.text).to_qt(sentence.start + chars_in))
    return view.cursorRect(cursor).center() + QPoint(dx, 0)


def click(qtbot, view, point: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def background_at(view, brief, sid: str) -> QColor | None:
    """Background char format inside a sentence (None when it has no tint)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(brief.article.text).to_qt(brief.sentence(sid).start) + 1)
    fmt = cursor.charFormat()
    return fmt.background().color() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None


# ---- clicks ------------------------------------------------------------------------
def test_clicking_a_cited_sentence_cycles_through_the_items_citing_it(qtbot, article_view):
    brief = brief_with(PLAIN)
    budget = sid_of(brief, "budget")
    claim = brief.add_item("claim", "Budget agreed", [budget])
    risk = brief.add_item("risk", "Budget may fail", [budget])
    view = article_view(brief)
    requested, clicked = [], []
    view.itemRequested.connect(requested.append)
    view.sentenceClicked.connect(clicked.append)
    for _ in range(3):
        click(qtbot, view, point_in(view, brief, budget))
    assert requested == [claim.id, risk.id, claim.id]
    assert clicked == [budget] * 3


def test_clicking_another_sentence_restarts_the_cycle(qtbot, article_view):
    brief = brief_with(PLAIN)
    met, budget = sid_of(brief, "Ministers"), sid_of(brief, "budget")
    first = brief.add_item("claim", "Met", [met, budget])
    second = brief.add_item("actor", "Ministers", [met])
    view = article_view(brief)
    with qtbot.waitSignal(view.itemRequested) as blocker:
        click(qtbot, view, point_in(view, brief, met))
    assert blocker.args == [first.id]
    click(qtbot, view, point_in(view, brief, budget))
    with qtbot.waitSignal(view.itemRequested) as blocker:
        click(qtbot, view, point_in(view, brief, met))
    assert blocker.args == [first.id]
    with qtbot.waitSignal(view.itemRequested) as blocker:
        click(qtbot, view, point_in(view, brief, met))
    assert blocker.args == [second.id]


def test_clicking_an_uncited_sentence_requests_no_item(qtbot, article_view):
    brief = brief_with(PLAIN)
    view = article_view(brief)
    critics = sid_of(brief, "Critics")
    with qtbot.assertNotEmitted(view.itemRequested):
        with qtbot.waitSignal(view.sentenceClicked) as blocker:
            click(qtbot, view, point_in(view, brief, critics))
    assert blocker.args == [critics]


def test_click_on_the_last_character_still_hits_its_sentence(qtbot, article_view):
    brief = brief_with(PLAIN)
    budget = sid_of(brief, "budget")
    item = brief.add_item("claim", "x", [budget])
    view = article_view(brief)
    end = len(brief.sentence(budget).text)  # just left of the gap after the full stop
    with qtbot.waitSignal(view.itemRequested) as blocker:
        click(qtbot, view, point_in(view, brief, budget, end, dx=-1))
    assert blocker.args == [item.id]


# ---- the selected item -------------------------------------------------------------
def test_show_item_highlights_exactly_its_sentences(article_view):
    brief = brief_with(PLAIN)
    item = brief.add_item("risk", "Rushed", [sid_of(brief, "Critics"), sid_of(brief, "spring")])
    view = article_view(brief)
    view.show_item(item)
    assert view.highlighted_text() == ["Critics called the deal rushed.",
                                       "The talks began in spring."]
    view.show_item(None)
    assert view.highlighted_text() == []


@pytest.mark.parametrize("normalise", [False, True], ids=["raw CRLF", "normalised"])
def test_highlight_is_exact_after_astral_combining_cjk_rtl_and_crlf(article_view, normalise):
    brief = brief_with(MIXED, normalise)
    assert ("\r\n" in brief.article.text) is not normalise
    target = brief.sentence(sid_of(brief, "ministry"))
    hebrew = brief.sentence(sid_of(brief, "הדובר"))
    item = brief.add_item("claim", "Confirmed", [hebrew.id, target.id])
    view = article_view(brief)
    view.show_item(item)
    assert view.highlighted_text() == [hebrew.text, "The ministry confirmed the meeting."]


def test_click_after_astral_text_requests_the_right_item(qtbot, article_view):
    brief = brief_with(MIXED, normalise=False)
    flag = sid_of(brief, "flag")
    item = brief.add_item("actor", "Flag", [flag])
    brief.add_item("claim", "Viral", [sid_of(brief, "viral")])
    view = article_view(brief)
    with qtbot.waitSignal(view.itemRequested) as blocker:
        click(qtbot, view, point_in(view, brief, flag, len("A flag 🇺🇦 f")))
    assert blocker.args == [item.id]


def test_show_item_scrolls_its_first_sentence_into_view(article_view):
    text = "\n\n".join(f"Paragraph number {i} says something plain." for i in range(300))
    brief = brief_with(text)
    item = brief.add_item("question", "Late", [brief.sentences[-1].id])
    view = article_view(brief)
    view.show_item(item)
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(text).to_qt(brief.sentences[-1].start))
    rect = view.cursorRect(cursor)
    assert view.verticalScrollBar().value() > 0
    assert 0 <= rect.top() and rect.bottom() <= view.viewport().height()


def test_scrolling_far_into_a_long_article_lands_before_qt_catches_up(article_view):
    text = "\n\n".join(f"Paragraph {i} reports that talks went on late into the night, "
                       "officials said, and resumed in the morning." for i in range(4000))
    brief = brief_with(text)
    view = article_view(brief)  # no event processing: Qt's lazy layout is still pending
    last = brief.sentences[-1]
    view.scroll_to_sentence(last.id)
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(text).to_qt(last.start))
    rect = view.cursorRect(cursor)
    assert 0 <= rect.top() and rect.bottom() <= view.viewport().height()


def test_show_item_keeps_the_view_still_when_one_of_its_sentences_is_on_screen(article_view):
    text = "\n\n".join(f"Paragraph number {i} says something plain." for i in range(300))
    brief = brief_with(text)
    item = brief.add_item("claim", "Both", [brief.sentences[0].id, brief.sentences[150].id])
    view = article_view(brief)
    view.scroll_to_sentence(brief.sentences[150].id)
    before = view.verticalScrollBar().value()
    assert before > 0
    view.show_item(item)  # its first sentence is off screen, its second is visible
    assert view.verticalScrollBar().value() == before


def test_selected_item_follows_its_citations_and_deletion(qtbot, article_view):
    brief = brief_with(PLAIN)
    item = brief.add_item("claim", "x", [sid_of(brief, "Ministers")])
    view = article_view(brief)
    view.show_item(item)
    brief.link(item.id, [sid_of(brief, "spring")])
    qtbot.waitUntil(lambda: len(view.highlighted_text()) == 2)
    brief.remove_item(item.id)
    qtbot.waitUntil(lambda: view.highlighted_text() == [])
    assert view.shown_item_id() is None


def test_header_shows_the_article_metadata_outside_the_document(article_view):
    from PySide6.QtWidgets import QLabel
    brief = Brief.from_text(PLAIN, title="Budget deal", outlet="Wire", author="A. Writer",
                            published="2024-10-25")
    view = article_view(brief)
    header = view.findChild(QLabel, "articleHeader")
    assert header.isVisible()
    assert "Budget deal" in header.text() and "Wire · A. Writer · 2024-10-25" in header.text()
    assert view.document().toPlainText() == PLAIN
    brief.set_meta("article.title", "Budget <deal> revised")
    assert "Budget &lt;deal&gt; revised" in header.text()
    view.set_header_visible(False)
    assert not header.isVisible()


# ---- coverage ----------------------------------------------------------------------
def test_coverage_signal_counts_cited_sentences(qtbot, article_view):
    brief = brief_with(PLAIN)
    total = len(brief.sentences)
    brief.add_item("claim", "a", [sid_of(brief, "Ministers")])
    view = article_view()
    with qtbot.waitSignal(view.coverageChanged) as blocker:
        view.set_brief(brief)
    assert blocker.args == [1, total]
    with qtbot.waitSignal(view.coverageChanged) as blocker:
        item = brief.add_item("risk", "b", [sid_of(brief, "budget"), sid_of(brief, "Ministers")])
    assert blocker.args == [2, total]
    with qtbot.waitSignal(view.coverageChanged) as blocker:
        brief.unlink(item.id, sid_of(brief, "budget"))
    assert blocker.args == [1, total]


def test_switching_briefs_follows_the_new_one(qtbot, article_view):
    old, new = brief_with(PLAIN), brief_with(MIXED)
    view = article_view(old)
    view.set_brief(new)
    assert view.document().toPlainText() == display_text(MIXED)
    old.add_item("claim", "stale", [sid_of(old, "budget")])  # must not disturb the view
    with qtbot.waitSignal(view.coverageChanged) as blocker:
        new.add_item("claim", "fresh", [sid_of(new, "ministry")])
    assert blocker.args == [1, len(new.sentences)]
    view.set_brief(None)
    assert view.document().toPlainText() == "" and view.selected_sentence_ids() == []


def test_tint_is_the_first_citing_section_in_brief_order(article_view):
    brief = brief_with(PLAIN)
    budget = sid_of(brief, "budget")
    risk = brief.add_item("risk", "r", [budget])
    view = article_view(brief)
    palette = view.palette()
    assert background_at(view, brief, budget) == section_colours("risk", palette).tint
    claim = brief.add_item("claim", "c", [budget])  # claims come before risks
    view.refresh_coverage()
    assert background_at(view, brief, budget) == section_colours("claim", palette).tint
    brief.remove_item(claim.id)
    brief.remove_item(risk.id)
    view.refresh_coverage()
    assert background_at(view, brief, budget) is None


def test_cited_sentences_are_underlined_not_only_coloured(article_view):
    brief = brief_with(PLAIN)
    budget = sid_of(brief, "budget")
    brief.add_item("actor", "a", [budget])
    view = article_view(brief)
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(PLAIN).to_qt(brief.sentence(budget).start) + 1)
    assert cursor.charFormat().underlineStyle() != cursor.charFormat().UnderlineStyle.NoUnderline


def test_a_dark_palette_re_derives_the_tints(article_view):
    brief = brief_with(PLAIN)
    budget = sid_of(brief, "budget")
    brief.add_item("claim", "c", [budget])
    view = article_view(brief)
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    view.setPalette(dark)
    tint = background_at(view, brief, budget)
    assert tint == section_colours("claim", view.palette()).tint
    assert tint.lightness() < 100  # a dark tint, so light text stays readable


def test_headings_are_bold(article_view):
    brief = brief_with(PLAIN)
    view = article_view(brief)
    cursor = QTextCursor(view.document())
    offsets = OffsetMap(PLAIN)
    cursor.setPosition(offsets.to_qt(PLAIN.index("Background") + 1))
    assert cursor.charFormat().font().bold()
    cursor.setPosition(offsets.to_qt(PLAIN.index("Ministers") + 1))
    assert not cursor.charFormat().font().bold()


# ---- tooltips ----------------------------------------------------------------------
def test_tooltip_lists_the_items_citing_a_sentence(article_view):
    brief = brief_with(PLAIN)
    budget = sid_of(brief, "budget")
    brief.add_item("risk", "The budget may not survive parliament " + "x" * 100, [budget])
    brief.add_item("claim", "A budget was agreed", [budget])
    view = article_view(brief)
    point = point_in(view, brief, budget)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    lines = QToolTip.text().splitlines()
    assert lines[0] == "Cited by 2 items"
    assert lines[1] == "Key claims: A budget was agreed"
    assert lines[2].startswith("Risks: The budget may not survive") and lines[2].endswith("…")
    assert view.tooltip_at(point_in(view, brief, sid_of(brief, "Critics"))) == ""


# ---- selection ---------------------------------------------------------------------
def test_mouse_selection_snaps_to_whole_sentences(qtbot, article_view):
    brief = brief_with(PLAIN)
    met, budget = sid_of(brief, "Ministers"), sid_of(brief, "budget")
    view = article_view(brief)
    start, end = point_in(view, brief, met, 12), point_in(view, brief, budget, 5)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), (start + end) / 2)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.selected_sentence_ids() == [met, budget]
    selected = view.textCursor().selectedText()
    assert selected == "Ministers met on Tuesday in Brussels. They agreed on a new budget."


def test_without_a_selection_the_sentence_under_the_cursor_is_selected(qtbot, article_view):
    brief = brief_with(MIXED, normalise=False)
    view = article_view(brief)
    click(qtbot, view, point_in(view, brief, sid_of(brief, "ministry"), 6))
    assert not view.textCursor().hasSelection()
    assert view.selected_sentence_ids() == [sid_of(brief, "ministry")]


# ---- context menu and drag ---------------------------------------------------------
def _action(actions, text):
    return next(a for a in actions if a.text().replace("&", "") .startswith(text))


def test_context_menu_new_item_from_selection(qtbot, article_view):
    brief = brief_with(PLAIN)
    met, budget = sid_of(brief, "Ministers"), sid_of(brief, "budget")
    view = article_view(brief)
    view.select_sentences(met, budget)
    actions = view.context_menu_actions(point_in(view, brief, met))
    assert any(a.text().replace("&", "").startswith("Copy") for a in actions)
    with qtbot.waitSignal(view.newItemRequested) as blocker:
        _action(actions, "New risk from selection").trigger()
    assert blocker.args == ["risk", [met, budget],
                            "Ministers met on Tuesday in Brussels. They agreed on a new budget."]


def test_context_menu_without_selection_uses_the_sentence_clicked(qtbot, article_view):
    brief = brief_with(PLAIN)
    critics = sid_of(brief, "Critics")
    view = article_view(brief)
    actions = view.context_menu_actions(point_in(view, brief, critics))
    with qtbot.waitSignal(view.newItemRequested) as blocker:
        _action(actions, "New question from selection").trigger()
    assert blocker.args == ["question", [critics], "Critics called the deal rushed."]


def test_link_to_selected_item_needs_a_selected_item(qtbot, article_view):
    brief = brief_with(PLAIN)
    spring = sid_of(brief, "spring")
    item = brief.add_item("claim", "x", [sid_of(brief, "Ministers")])
    view = article_view(brief)
    view.select_sentences(spring)
    assert not _action(view.context_menu_actions(QPoint(5, 5)), "Link to selected").isEnabled()
    view.show_item(item)
    link = _action(view.context_menu_actions(QPoint(5, 5)), "Link to selected")
    assert link.isEnabled()
    with qtbot.waitSignal(view.linkRequested) as blocker:
        link.trigger()
    assert blocker.args == [[spring]]


def test_dragged_selection_carries_sentence_ids_and_text(article_view):
    brief = brief_with(MIXED, normalise=False)
    first, last = sid_of(brief, "הדובר"), sid_of(brief, "ministry")
    view = article_view(brief)
    view.select_sentences(first, last)
    mime = view.createMimeDataFromSelection()
    assert mime.hasFormat(MIME_SENTENCES)
    assert sentence_ids_from_mime(mime) == [first, last]
    start, end = brief.sentence(first).start, brief.sentence(last).end
    assert mime.text() == display_text(MIXED[start:end])


def test_foreign_or_malformed_drops_carry_no_sentences():
    assert sentence_ids_from_mime(None) == []
    plain = QMimeData()
    plain.setText("s1")
    assert sentence_ids_from_mime(plain) == []
    broken = QMimeData()
    broken.setData(MIME_SENTENCES, b"{not json")
    assert sentence_ids_from_mime(broken) == []


# ---- the sample --------------------------------------------------------------------
def test_sample_brief_highlights_every_item_exactly(article_view):
    brief = Brief.load(SEEDS / "musk-putin-contacts.brief")
    view = article_view(brief)
    assert view.coverage() == (len(brief.cited_sentence_ids()), len(brief.sentences))
    for item in brief.items:
        view.show_item(item)
        assert view.highlighted_text() == [brief.sentence(s).text for s in brief.sentence_ids_of(item)]
