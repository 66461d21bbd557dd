"""The Checks pane driven as an analyst drives it: a brief with planted problems, each
finding's row clicked (or Return pressed on it) selects the right item and marks the words
that fired the rule, in the article or in the item's field; findings follow edits a moment
after the analyst stops; the grade shows beside Credibility and the source's reliability
is chosen in its details, undoably.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from briefing import Brief
from briefing.ui.checks_pane import REFRESH_MS
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow

# An emoji and a CRLF stand before the hedged sentence: any UTF-16 or line-break slip in
# the article marks would move the marked words.
TEXT = ("Briefing 😀 starts here.\r\n"
        "Officials said the ministers allegedly met in Vienna on Monday. "
        "The ministry confirmed the meeting took place. "
        "Trade rose by ten percent last year. "
        "Analysts expect further talks in spring.")

PLANTED = {   # rule -> headline of the item it must be found on (None: the brief)
    "hedged-confirmed": "The ministers met in Vienna.",
    "single-source": "The ministers met in Vienna.",
    "unattributed": "Trade rose by ten percent.",
    "estimative-mismatch": "Talks will almost certainly resume.",
    "grade-confidence": "The ministry confirmed the meeting.",
    "uncited": "Who attended the meeting?",
    "empty-bottom-line": None,
}


def sid_of(brief, fragment: str) -> str:
    return next(s.id for s in brief.sentences if fragment in s.text)


def planted_brief() -> Brief:
    """Two clean items and one item per planted problem."""
    b = Brief.from_text(TEXT, title="Vienna")
    b.set_meta("article.reliability", "B")
    met = b.add_item("claim", "The ministers met in Vienna.", [sid_of(b, "allegedly")])
    b.set_field(met.id, "source", "Officials")
    b.set_field(met.id, "status", "confirmed")           # hedged-confirmed + single-source
    b.set_field(met.id, "credibility", "2")
    trade = b.add_item("claim", "Trade rose by ten percent.", [sid_of(b, "Trade rose")])
    b.set_field(trade.id, "source", "")                  # unattributed
    b.set_field(trade.id, "credibility", "2")
    graded = b.add_item("claim", "The ministry confirmed the meeting.",
                        [sid_of(b, "ministry confirmed")])
    b.set_field(graded.id, "source", "The ministry")
    b.set_field(graded.id, "confidence", "high")         # grade-confidence (B5) + single-source
    b.set_field(graded.id, "credibility", "5")
    risk = b.add_item("risk", "Talks will almost certainly resume.", [sid_of(b, "Analysts")])
    b.set_field(risk.id, "likelihood", "unlikely")       # estimative-mismatch
    b.add_item("question", "Who attended the meeting?")  # uncited
    clean = b.add_item("claim", "Analysts expect further talks.", [sid_of(b, "Analysts")])
    b.set_field(clean.id, "source", "Analysts")
    b.add_item("actor", "The ministry", [sid_of(b, "ministry confirmed")])
    return b                                             # no summary: empty-bottom-line


@pytest.fixture
def window(qtbot, tmp_path):
    def make(brief: Brief) -> MainWindow:
        w = MainWindow(dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        w.resize(1440, 900)
        with qtbot.waitActive(w):
            w.show()
        path = tmp_path / "planted.brief"
        brief.save(path)
        assert w.open(str(path))
        w.show_checks(True)
        w.checks.refresh()
        return w
    return make


def headline(w: MainWindow, item_id: str | None) -> str | None:
    return w.brief.item(item_id).text if item_id else None


def click_row(qtbot, pane, row: int) -> None:
    index = pane.model.index(row, 3)
    pane.view.scrollTo(index)
    rect = pane.view.visualRect(index)
    qtbot.mouseClick(pane.view.viewport(), Qt.LeftButton, pos=rect.center())


# ---- the findings listed -------------------------------------------------------------
def test_every_planted_problem_is_listed_on_its_item_and_nothing_on_clean_ones(window):
    w = window(planted_brief())
    rows = w.checks.row_texts()
    found = {(f["rule"], headline(w, f["item"])) for f in w.checks.findings()}
    assert found == {(rule, text) for rule, text in PLANTED.items()} | {
        ("single-source", "The ministry confirmed the meeting.")}
    assert w.analysis.tabText(w.analysis.indexOf(w.checks)) == f"Checks ({len(rows)})"
    assert ("warning", "unattributed", "Claim: Trade rose by ten percent.",
            "this claim does not say who makes it: its attributed source is empty") in rows
    assert all(text not in " ".join(r[2] for r in rows)
               for text in ("Analysts expect", "Actor: The ministry"))


def test_the_pane_lists_exactly_what_brief_check_finds_after_edits(window, qtbot):
    w = window(planted_brief())
    b = w.brief
    assert w.checks.findings() == b.check()["findings"]
    trade = next(i for i in b.items if i.text.startswith("Trade"))
    w.select_item(trade.id)
    field = w.form.editor.pages["claim"].bindings["source"].widget
    field.setFocus()
    qtbot.keyClicks(field, "Customs office")
    w.form.meta.bindings["summary"].widget.setPlainText("Ministers met; trade grew.")
    w.undo_stack.undo()          # the summary again
    w.checks.refresh()
    assert w.checks.findings() == b.check()["findings"]
    assert "unattributed" not in [f["rule"] for f in w.checks.findings()]
    b.set_meta("article.reliability", "E")   # grades change for every claim citing it
    w.checks.refresh()
    assert w.checks.findings() == b.check()["findings"]


def test_findings_refresh_after_a_pause_not_on_each_keystroke(window, qtbot):
    w = window(planted_brief())
    before = len(w.checks.findings())
    trade = next(i for i in w.brief.items if i.text.startswith("Trade"))
    w.select_item(trade.id)
    field = w.form.editor.pages["claim"].bindings["source"].widget
    field.setFocus()
    qtbot.keyClicks(field, "Customs")
    assert len(w.checks.findings()) == before          # typing never recounts
    qtbot.waitUntil(lambda: len(w.checks.findings()) == before - 1, timeout=REFRESH_MS * 5)
    assert w.analysis.tabText(w.analysis.indexOf(w.checks)) == f"Checks ({before - 1})"


# ---- going to a finding ----------------------------------------------------------------
def test_clicking_each_finding_selects_its_item(window, qtbot):
    w = window(planted_brief())
    for row, f in enumerate(w.checks.findings()):
        click_row(qtbot, w.checks, row)
        if f["item"] is not None:
            assert w.selected_item_id() == f["item"], f
            assert w.form.editor.item_id == f["item"]


def test_hedged_confirmed_marks_the_hedge_in_the_article(window, qtbot):
    w = window(planted_brief())
    row = next(n for n, f in enumerate(w.checks.findings()) if f["rule"] == "hedged-confirmed")
    f = w.checks.findings()[row]
    assert f["words"] == ["Officials said", "allegedly"]
    click_row(qtbot, w.checks, row)
    assert w.article_view.pointer_text() == ["Officials said", "allegedly"]
    assert w.article_view.highlighted_text() == [
        "Officials said the ministers allegedly met in Vienna on Monday."]


def test_return_on_estimative_mismatch_selects_the_words_in_the_field(window, qtbot):
    w = window(planted_brief())
    row = next(n for n, f in enumerate(w.checks.findings())
               if f["rule"] == "estimative-mismatch")
    w.checks.select_row(row)
    w.checks.view.setFocus()
    qtbot.keyClick(w.checks.view, Qt.Key_Return)
    field = w.form.editor.pages["risk"].bindings["description"].widget
    assert w.selected_item_id() == w.checks.findings()[row]["item"]
    assert field.textCursor().selectedText() == "almost certainly"
    assert QApplication.focusWidget() is field


def test_word_selection_in_a_field_counts_utf16_positions(window, qtbot):
    b = planted_brief()
    risk = next(i for i in b.items if i.kind == "risk")
    b.set_field(risk.id, "description", "🇺🇦 Talks 😀 will almost certainly resume.")
    w = window(b)
    row = next(n for n, f in enumerate(w.checks.findings())
               if f["rule"] == "estimative-mismatch")
    click_row(qtbot, w.checks, row)
    field = w.form.editor.pages["risk"].bindings["description"].widget
    assert field.textCursor().selectedText() == "almost certainly"


def test_empty_bottom_line_focuses_the_summary(window, qtbot):
    w = window(planted_brief())
    row = next(n for n, f in enumerate(w.checks.findings()) if f["rule"] == "empty-bottom-line")
    assert w.checks.row_texts()[row][2] == "The brief"
    click_row(qtbot, w.checks, row)
    assert QApplication.focusWidget() is w.form.meta.bindings["summary"].widget


def test_grade_confidence_goes_to_the_confidence_choice(window, qtbot):
    w = window(planted_brief())
    row = next(n for n, f in enumerate(w.checks.findings()) if f["rule"] == "grade-confidence")
    click_row(qtbot, w.checks, row)
    assert QApplication.focusWidget() is w.form.editor.pages["claim"].bindings["confidence"].widget
    assert w.form.editor.grade_text() == "Grade B5"


def test_a_citation_to_review_selects_its_source_row(window, qtbot):
    b = planted_brief()
    w = window(b)
    trade = next(i for i in w.brief.items if i.text.startswith("Trade"))
    w.brief.set_article_text(TEXT.replace("Trade rose by ten percent last year.",
                                          "Trade rose by nine percent in the last year."))
    w.checks.refresh()
    row = next(n for n, f in enumerate(w.checks.findings()) if f["rule"] == "citation-review")
    assert w.checks.findings()[row]["item"] == trade.id
    click_row(qtbot, w.checks, row)
    assert w.selected_item_id() == trade.id
    assert w.form.editor.current_source() == 0


def test_a_clean_brief_says_so(window):
    b = Brief.from_text(TEXT)
    b.set_meta("summary", "Ministers met.")
    c = b.add_item("claim", "Trade rose.", [sid_of(b, "Trade rose")])
    b.set_field(c.id, "source", "Customs")
    w = window(b)
    assert w.checks.findings() == []
    assert w.checks.empty.isVisible()
    assert w.analysis.tabText(w.analysis.indexOf(w.checks)) == "Checks (0)"


# ---- the pane in the window ------------------------------------------------------------
def test_view_menu_toggles_the_pane_and_it_is_named(window, qtbot):
    w = window(planted_brief())
    action = w.actions["toggle_checks"]
    assert action.isChecked() and w.analysis.isVisible()
    assert w.checks.accessibleName() == "Checks"
    assert w.checks.view.accessibleName() == "Findings"
    action.trigger()
    assert not w.analysis.isVisible() and not action.isChecked()
    qtbot.keyClick(w, Qt.Key_K, Qt.ControlModifier | Qt.ShiftModifier)
    assert w.analysis.isVisible() and action.isChecked()
    assert QApplication.focusWidget() is w.checks.view
    w.show_suggestions(True)
    assert not action.isChecked() and w.actions["toggle_suggestions"].isChecked()


def test_the_brief_form_keeps_its_room(window):
    w = window(planted_brief())
    assert w.form.width() >= 600
    assert w.form.height() >= 750          # the panes sit under the article only
    assert w.article_view.height() >= 400


# ---- grades ----------------------------------------------------------------------------
def test_reliability_combo_sets_the_source_grade_undoably(window, qtbot):
    w = window(planted_brief())
    met = next(i for i in w.brief.items if i.text.startswith("The ministers"))
    w.select_item(met.id)
    assert w.form.editor.grade_text() == "Grade B2"
    w.form.meta.set_article_expanded(True)
    combo = w.form.meta.bindings["article.reliability"].widget
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "B — usually reliable"
    combo.setCurrentIndex(combo.findData("D"))
    assert w.brief.article.reliability == "D"
    assert w.form.editor.grade_text() == "Grade D2"
    assert "reliability" in w.undo_stack.undoText()
    w.undo_stack.undo()
    assert w.brief.article.reliability == "B"
    assert combo.currentText() == "B — usually reliable"
    assert w.form.editor.grade_text() == "Grade B2"


def test_the_grade_follows_credibility(window):
    w = window(planted_brief())
    met = next(i for i in w.brief.items if i.text.startswith("The ministers"))
    w.select_item(met.id)
    combo = w.form.editor.pages["claim"].bindings["credibility"].widget
    combo.setCurrentIndex(combo.findData("4"))
    assert w.form.editor.grade_text() == "Grade B4"
