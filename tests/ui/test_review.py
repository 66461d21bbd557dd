"""Citations that no longer match the article, as the analyst meets them in the window.

The sample brief over an edited article: sentence 5 ("Two years prior, Musk refuted…",
cited by claim item-4) deleted, and sentence 16 (cited by claim item-5 and risk item-12)
reworded. The window must never show another sentence in a citation's place: nothing is
highlighted for the deleted one, its stored quote is listed and marked, badges and the
status bar count it, and each way of settling it is one undo step that undo restores
exactly. Also here: File › Update Article…, Ctrl+click linking, the context menu at the
pointer, selected words naming an item, and F8 / Shift+F8.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import (QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence,
                           QTextCursor)
from PySide6.QtWidgets import QApplication

from briefing import Brief
from briefing.core.sections import BY_KIND
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.offsets import OffsetMap
from briefing.ui.section_model import ReviewCountRole
from briefing.ui.update_dialog import word_diff

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"
DELETED = "Two years prior, Musk refuted a different report alleging contacts with Putin."
OLD_16 = "in the Crimean Peninsula by declining"
NEW_16 = "in Crimea by declining"


def sample() -> Brief:
    return Brief.load(SAMPLE)


def without_sentence_5(text: str) -> str:
    assert " " + DELETED in text
    return text.replace(" " + DELETED, "")


def edited(reword: bool = False) -> Brief:
    """The sample with its article edited under it (the stored citations stay as they were)."""
    brief = sample()
    text = without_sentence_5(brief.article.text)
    if reword:
        assert OLD_16 in text
        text = text.replace(OLD_16, NEW_16)
    brief.set_article_text(text)
    return brief


@pytest.fixture
def window(qtbot, tmp_path):
    """``window(brief)``: a shown main window with the brief opened from a file."""
    def make(brief: Brief) -> MainWindow:
        w = MainWindow(dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        w.resize(1300, 850)
        with qtbot.waitActive(w):
            w.show()
        path = tmp_path / "edited.brief"
        brief.save(path)
        assert w.open(str(path))
        return w
    return make


# ---- helpers: what the analyst sees and does --------------------------------------------
def settle() -> None:
    QApplication.processEvents()   # the view coalesces core changes into one refresh


def sources(w) -> list[str]:
    lst = w.form.editor.sources
    return [lst.item(r).text() for r in range(lst.count())]


def highlighted(w) -> list[str]:
    settle()
    return w.article_view.highlighted_text()


def suggested(w) -> list[str]:
    settle()
    return w.article_view.suggested_text()


def row_of(w, item_id: str):
    kind, row = w.brief.position(item_id)
    model = w.form.panes[kind].view.model()
    return w.form.panes[kind].view, model.index(row, 0)


def click_item(qtbot, w, item_id: str) -> None:
    view, index = row_of(w, item_id)
    w.form._scroll_to(view, index)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(index).center())
    assert w.form.selected_item_id() == item_id


def click_source(qtbot, w, row: int) -> None:
    lst = w.form.editor.sources
    qtbot.mouseClick(lst.viewport(), Qt.LeftButton, pos=lst.visualItemRect(lst.item(row)).center())
    assert w.form.editor.current_source() == row


def text_of(w, sid: str) -> str:
    return w.brief.sentence(sid).text


def sid_of(w, fragment: str) -> str:
    return next(s.id for s in w.brief.sentences if fragment in s.text)


def point_at(w, offset: int, dx: int = 0) -> QPoint:
    """Viewport pixel at a code point offset of the article (through the offset seam)."""
    view = w.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(w.brief.article.text).to_qt(offset))
    return view.cursorRect(cursor).center() + QPoint(dx, 0)


def point_in(w, sid: str, chars_in: int = 3) -> QPoint:
    w.article_view.scroll_to_sentence(sid)
    return point_at(w, w.brief.sentence(sid).start + chars_in, 2)


def press(qtbot, w, key, modifiers=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or w, key, modifiers)


def citations(w, item_id: str) -> list:
    return list(w.brief.item(item_id).citations)


def one_undo_step(qtbot, w, item_id: str, act, expect_sources: list[str]) -> None:
    """`act` adds exactly one step showing `expect_sources`; Ctrl+Z restores the citations
    exactly (quotes, positions, review state) and what the list shows; Ctrl+Shift+Z redoes."""
    before, shown = citations(w, item_id), sources(w)
    steps = w.undo_stack.count()
    act()
    settle()
    assert w.undo_stack.count() == steps + 1
    assert sources(w) == expect_sources
    after = citations(w, item_id)
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert citations(w, item_id) == before and sources(w) == shown
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert citations(w, item_id) == after and sources(w) == expect_sources


def amber_pixels(image, rect) -> int:
    amber = QColor("#b45309")
    n = 0
    for x in range(rect.left(), rect.right(), 1):
        for y in range(rect.top(), rect.bottom(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - amber.red()) + abs(c.green() - amber.green()) + abs(c.blue() - amber.blue()) < 60:
                n += 1
    return n


# ---- a deleted cited sentence --------------------------------------------------------------
def test_a_deleted_cited_sentence_highlights_nothing_and_shows_its_stored_quote(qtbot, window):
    w = window(edited())
    click_item(qtbot, w, "item-4")
    assert highlighted(w) == [] and suggested(w) == []   # not the heading that is now "s5"
    assert sources(w) == [f"⚠ needs review (orphaned): “{DELETED}”"]
    tip = w.form.editor.sources.item(0).toolTip()
    assert "no longer in the article" in tip and "remove" in tip.lower()
    assert "to review" in w.form.editor.sources_label.text()
    # the sentence that took over the old id is cited by nobody: no tint, no tooltip
    heading = sid_of(w, "Top-Secret Clearance")
    assert heading == "s5" and w.brief.items_citing(heading) == []
    assert w.article_view.tooltip_at(point_in(w, heading)) == ""
    assert w.review.text() == "⚠ 1 need review" and w.review.isVisible()
    assert w.coverage.text() == f"{len(w.brief.cited_sentence_ids())} of {len(w.brief.sentences)} sentences cited"


def test_the_item_row_carries_a_review_badge(qtbot, window):
    w = window(edited())
    view, index = row_of(w, "item-4")
    assert index.data(ReviewCountRole) == 1
    assert index.data(Qt.AccessibleTextRole).endswith("(1 source to review)")
    assert "1 source no longer matches the article" in index.data(Qt.ToolTipRole)
    _, fine = row_of(w, "item-1")
    assert fine.data(ReviewCountRole) == 0 and "review" not in fine.data(Qt.AccessibleTextRole)
    w.form._scroll_to(view, index)
    settle()
    image = view.viewport().grab().toImage()
    assert amber_pixels(image, view.visualRect(index)) > 10      # the painted "⚠ 1 to review"
    assert amber_pixels(image, view.visualRect(view.model().index(0, 0))) == 0


# ---- settling a citation: one undo step each ------------------------------------------------
def test_accept_the_suggested_sentence(qtbot, window):
    w = window(edited(reword=True))
    click_item(qtbot, w, "item-5")
    new = sid_of(w, NEW_16)
    assert sources(w)[0].startswith("⚠ needs review (fuzzy, 9")
    assert highlighted(w) == [] and suggested(w) == [text_of(w, new)]   # dashed, not tinted
    click_source(qtbot, w, 0)
    editor = w.form.editor
    assert editor.accept_button.isEnabled() and editor.relink_button.isEnabled()
    one_undo_step(qtbot, w, "item-5", lambda: qtbot.mouseClick(editor.accept_button, Qt.LeftButton),
                  [text_of(w, new)])
    assert highlighted(w) == [text_of(w, new)] and suggested(w) == []
    assert w.review.text() == "⚠ 2 need review"   # item-4 and item-12 still to do


def test_relink_to_the_article_selection(qtbot, window):
    w = window(edited())
    click_item(qtbot, w, "item-4")
    click_source(qtbot, w, 0)
    target = sid_of(w, "Despite Musk's denial")
    w.article_view.select_sentences(target)
    editor = w.form.editor
    assert not editor.accept_button.isEnabled()   # an orphan has no suggestion
    one_undo_step(qtbot, w, "item-4", lambda: qtbot.mouseClick(editor.relink_button, Qt.LeftButton),
                  [text_of(w, target)])
    assert highlighted(w) == [text_of(w, target)] and w.review.text() == ""


def test_remove_a_needs_review_citation_from_the_context_menu(qtbot, window):
    w = window(edited())
    click_item(qtbot, w, "item-4")
    click_source(qtbot, w, 0)
    menu = w.form.editor.sources_menu()
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["source_accept", "source_relink", "source_remove", "source_extend_prev",
                     "source_extend_next", "source_replace"]
    remove = next(a for a in menu.actions() if a.objectName() == "source_remove")
    one_undo_step(qtbot, w, "item-4", remove.trigger, [])
    assert w.form.editor.sources_label.text() == "Sources: none yet"


def test_extend_a_citation_to_the_next_and_previous_sentence(qtbot, window):
    w = window(sample())
    click_item(qtbot, w, "item-6")                      # Elon Musk, citing s10
    click_source(qtbot, w, 0)
    actions = w.form.editor.source_actions
    one_undo_step(qtbot, w, "item-6", actions["extend_next"].trigger,
                  [text_of(w, "s10"), text_of(w, "s11")])
    click_source(qtbot, w, 0)
    one_undo_step(qtbot, w, "item-6", actions["extend_prev"].trigger,
                  [text_of(w, "s9"), text_of(w, "s10"), text_of(w, "s11")])
    assert highlighted(w) == [text_of(w, s) for s in ("s9", "s10", "s11")]


def test_replace_a_citation_by_the_selection(qtbot, window):
    w = window(sample())
    click_item(qtbot, w, "item-6")
    click_source(qtbot, w, 0)
    w.article_view.select_sentences("s12", "s13")
    one_undo_step(qtbot, w, "item-6", w.form.editor.source_actions["replace"].trigger,
                  [text_of(w, "s12"), text_of(w, "s13")])
    assert w.form.selected_item_id() == "item-6"


# ---- File › Update Article… ---------------------------------------------------------------
def new_version(tmp_path, w) -> Path:
    text = without_sentence_5(w.brief.article.text).replace(OLD_16, NEW_16)
    path = tmp_path / "new-version.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_update_article_review_dialog_then_apply_and_undo(qtbot, window, tmp_path):
    w = window(sample())
    click_item(qtbot, w, "item-5")
    old_text, old_cites = w.brief.article.text, {i.id: citations(w, i.id) for i in w.brief.items}
    path = new_version(tmp_path, w)
    w.dialogs.paths.append(str(path))
    w.dialogs.updates.append(True)
    w.actions["update_article"].trigger()
    dialog = w.dialogs.reviewed[-1]
    n = sum(len(i.citations) for i in w.brief.items)
    assert dialog.table.rowCount() == n
    rows = {dialog.cell_text(r, 1): r for r in range(n)}
    gone = rows[DELETED]
    assert dialog.cell_text(gone, 0) == "Claim: " + " ".join(w.brief.item("item-4").text.split())
    assert dialog.cell_text(gone, 2).startswith("⚠ orphaned")
    reworded = next(r for r in range(n) if "Crimean Peninsula" in dialog.cell_text(r, 1))
    assert dialog.cell_text(reworded, 2).startswith("⚠ fuzzy")
    diff = dialog.cell_html(reworded, 3)
    assert "<s style='color:#b91c1c'>the Crimean Peninsula</s>" in diff
    assert "<u style='color:#15803d'>Crimea</u>" in diff
    assert "2 will need review" not in dialog.summary.text()
    assert "3 will need review" in dialog.summary.text()
    # applied: one step, the new text shown, badges and counts follow
    settle()
    assert w.brief.article.text == path.read_text(encoding="utf-8")
    assert w.article_view.document().toPlainText() == w.brief.article.text
    assert DELETED not in w.article_view.document().toPlainText()
    assert w.review.text() == "⚠ 3 need review"
    assert row_of(w, "item-4")[1].data(ReviewCountRole) == 1
    assert w.form.selected_item_id() == "item-5"
    assert sources(w)[0].startswith("⚠ needs review (fuzzy")
    assert highlighted(w) == [] and suggested(w) == [text_of(w, sid_of(w, NEW_16))]
    assert w.undo_stack.count() == 1 and w.undo_stack.undoText() == "Update article"
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    settle()
    assert w.brief.article.text == old_text
    assert {i.id: citations(w, i.id) for i in w.brief.items} == old_cites
    assert w.article_view.document().toPlainText().count(DELETED) == 1
    assert w.review.text() == "" and row_of(w, "item-4")[1].data(ReviewCountRole) == 0
    assert highlighted(w) == [text_of(w, "s16")]
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    settle()
    assert w.brief.article.text == path.read_text(encoding="utf-8") and w.review.text() == "⚠ 3 need review"


def test_cancelling_the_update_changes_nothing(qtbot, window, tmp_path):
    w = window(sample())
    old_text = w.brief.article.text
    w.dialogs.paths.append(str(new_version(tmp_path, w)))
    w.dialogs.updates.append(False)
    w.actions["update_article"].trigger()
    assert w.dialogs.asked[-1] == "review update"
    assert w.brief.article.text == old_text and w.undo_stack.count() == 0
    assert not w.isWindowModified()


def test_the_real_dialog_lists_review_rows_first_and_apply_accepts(qtbot):
    from PySide6.QtWidgets import QDialog
    from briefing.ui.update_dialog import UpdateDialog
    brief = sample()
    text = without_sentence_5(brief.article.text).replace(OLD_16, NEW_16)
    dialog = UpdateDialog(brief.plan_update(text))
    qtbot.addWidget(dialog)
    statuses = [dialog.cell_text(r, 2) for r in range(dialog.table.rowCount())]
    assert [s.split(":")[0] for s in statuses[:3]] == ["⚠ orphaned", "⚠ fuzzy", "⚠ fuzzy"]
    assert not any(s.startswith("⚠") for s in statuses[3:])
    dialog.show()
    qtbot.mouseClick(dialog.apply_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted and not brief.needing_review()  # nothing applied


def test_the_diff_escapes_user_text():
    assert word_diff("a <b>x</b> c", "a <img src=x> c") == (
        "a <s style='color:#b91c1c'>&lt;b&gt;x&lt;/b&gt;</s> "
        "<u style='color:#15803d'>&lt;img src=x&gt;</u> c")


# ---- gestures that cite what the analyst pointed at ----------------------------------------
def test_context_menu_outside_the_selection_acts_on_the_sentence_under_the_pointer(qtbot, window):
    w = window(sample())
    w.article_view.select_sentences("s2")
    target = "s10"
    actions = w.article_view.context_menu_actions(point_in(w, target))
    next(a for a in actions if a.objectName() == "new-actor").trigger()
    item = w.brief.item(w.form.selected_item_id())
    assert item.kind == "actor" and w.brief.sentence_ids_of(item) == [target]
    assert item.text == text_of(w, target) and sources(w) == [text_of(w, target)]
    # inside the selection, the selection is used
    w.article_view.select_sentences("s2")
    actions = w.article_view.context_menu_actions(point_in(w, "s2"))
    next(a for a in actions if a.objectName() == "new-risk").trigger()
    assert w.brief.sentence_ids_of(w.brief.item(w.form.selected_item_id())) == ["s2"]


def test_ctrl_click_links_and_unlinks_without_changing_the_item(qtbot, window):
    w = window(sample())
    click_item(qtbot, w, "item-6")                     # Elon Musk, citing s10
    other = "s8"                                       # cited by item-2, item-7, item-12…
    assert w.brief.items_citing(other)
    viewport = w.article_view.viewport()
    steps = w.undo_stack.count()
    qtbot.mouseClick(viewport, Qt.LeftButton, Qt.ControlModifier, point_in(w, other))
    assert w.form.selected_item_id() == "item-6"
    assert sources(w) == [text_of(w, "s8"), text_of(w, "s10")]
    assert highlighted(w) == [text_of(w, "s8"), text_of(w, "s10")]
    assert w.undo_stack.count() == steps + 1
    qtbot.mouseClick(viewport, Qt.LeftButton, Qt.ControlModifier, point_in(w, other))
    assert w.form.selected_item_id() == "item-6" and sources(w) == [text_of(w, "s10")]
    assert w.undo_stack.count() == steps + 2
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert sources(w) == [text_of(w, "s8"), text_of(w, "s10")]
    link = w.actions["link"]
    assert "Ctrl+click" in link.toolTip() and "Ctrl+click" in link.statusTip()


def test_selected_words_inside_one_sentence_name_the_new_item(qtbot, window):
    w = window(sample())
    sentence = w.brief.sentence(sid_of(w, "Kremlin spokesman Dmitri Peskov"))
    start = sentence.start + sentence.text.index("Dmitri")
    end = start + len("Dmitri Peskov")
    w.article_view.scroll_to_sentence(sentence.id)
    viewport = w.article_view.viewport()
    a, b = point_at(w, start), point_at(w, end)
    qtbot.mousePress(viewport, Qt.LeftButton, pos=a)
    qtbot.mouseMove(viewport, (a + b) / 2)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=b)
    assert w.article_view.textCursor().selectedText() == "Dmitri Peskov"   # not snapped
    combo = QKeySequence(BY_KIND["actor"].shortcut)[0]
    press(qtbot, w, combo.key(), combo.keyboardModifiers())
    item = w.brief.item(w.form.selected_item_id())
    assert item.kind == "actor" and item.text == "Dmitri Peskov"
    assert w.brief.sentence_ids_of(item) == [sentence.id] and sources(w) == [sentence.text]


def test_selected_words_dragged_onto_a_section_name_the_new_item(qtbot, window):
    w = window(sample())
    sentence = w.brief.sentence(sid_of(w, "Kremlin spokesman Dmitri Peskov"))
    start = sentence.start + sentence.text.index("Dmitri")
    view = w.article_view
    view.scroll_to_sentence(sentence.id)
    a, b = point_at(w, start), point_at(w, start + len("Dmitri Peskov"))
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), b)
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=b)
    mime = view.createMimeDataFromSelection()       # what a drag from the article carries
    actors = w.form.panes["actor"].view
    pos = actors.visualRect(actors.model().index(0, 0)).topLeft() + QPoint(30, 2)
    args = (pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    for event in (QDragEnterEvent(*args), QDragMoveEvent(*args)):
        QApplication.sendEvent(actors.viewport(), event)
    QApplication.sendEvent(actors.viewport(), QDropEvent(pos.toPointF(), *args[1:]))
    item = w.brief.item(w.form.selected_item_id())
    assert item.kind == "actor" and item.text == "Dmitri Peskov"
    assert w.brief.sentence_ids_of(item) == [sentence.id]


# ---- next / previous source to review ----------------------------------------------------
def test_f8_and_shift_f8_walk_the_sources_to_review(qtbot, window):
    w = window(edited(reword=True))
    view = w.article_view
    view.verticalScrollBar().setValue(0)
    assert w.actions["next_review"].shortcut() == QKeySequence("F8")
    visited = []
    for _ in range(4):
        press(qtbot, w, Qt.Key_F8)
        visited.append((w.form.selected_item_id(), w.form.editor.current_source()))
        if visited[-1] == ("item-5", 0):
            suggestion = w.brief.sentence(sid_of(w, NEW_16))
            assert suggested(w) == [suggestion.text] and highlighted(w) == []
            cursor = QTextCursor(view.document())
            cursor.setPosition(OffsetMap(w.brief.article.text).to_qt(suggestion.start))
            rect = view.cursorRect(cursor)
            assert view.viewport().rect().contains(rect.center())   # scrolled into view
    assert visited == [("item-4", 0), ("item-5", 0), ("item-12", 1), ("item-4", 0)]
    press(qtbot, w, Qt.Key_F8, Qt.ShiftModifier)
    assert (w.form.selected_item_id(), w.form.editor.current_source()) == ("item-12", 1)
    assert "source 2 needs review (fuzzy" in w.statusBar().currentMessage()
    # the Review menu holds both, with their shortcuts
    review = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Review")
    assert [(a.text(), a.shortcut().toString()) for a in review.actions()] == [
        ("&Next Source to Review", "F8"), ("&Previous Source to Review", "Shift+F8")]
