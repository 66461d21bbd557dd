"""The main window driven end to end like an analyst drives it: clicks and drags in the
article, Ctrl+1..4, Ctrl+L, Ctrl+Z / Ctrl+Shift+Z, the lists and fields of the brief form.

Keys go to the widget that has the focus (as a real keyboard's would), so a field's own
key handling is part of what is tested. Assertions are on what the analyst sees: list rows'
DisplayRole, field text, the article's highlighted text, the window's modified marker.
"""
from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from briefing import Brief
from briefing.core.article import Article
from briefing.core.sections import SECTIONS
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.offsets import OffsetMap
from briefing.ui.section_model import ITEM_MIME

TEXT = ("Ministers met on Tuesday in Brussels. They agreed on a new budget. "
        "Critics called the deal rushed. The talks began in spring. "
        "Nobody expected a quick result.")
# Astral emoji, a ZWJ family, combining accents, CJK, Arabic, Hebrew and CRLF, all before
# the sentences the tests cite: any code-unit miscount shifts a highlight or a click.
MIXED = (
    "Family 👨\u200d👩\u200d👧 photo 😀 went viral.\r\n"
    "Cafe\u0301 owners cheered 🎉. 東京の記者が報じた。\r\n"
    "\r\n"
    "قال المتحدث إن الاجتماع سيعقد غدا. הדובר אמר שהפגישה תתקיים מחר.\r\n"
    "The ministry confirmed the meeting. A flag 🇺🇦 flew outside.\r\n"
)


# ---- helpers -----------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path):
    """``window(brief)``: a shown, active main window with the brief opened from a file."""
    def make(brief: Brief | None = None) -> MainWindow:
        w = MainWindow(dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        w.resize(1300, 850)
        with qtbot.waitActive(w):
            w.show()
        if brief is not None:
            path = tmp_path / "test.brief"
            brief.save(path)
            assert w.open(str(path))
        return w
    return make


def sid_of(brief, fragment: str) -> str:
    return next(s.id for s in brief.sentences if fragment in s.text)


def point_in(w, sid: str, chars_in: int = 3, dx: int = 2) -> QPoint:
    """Viewport pixel inside a sentence, found through the offset seam."""
    view, brief = w.article_view, w.brief
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(brief.article.text).to_qt(brief.sentence(sid).start + chars_in))
    return view.cursorRect(cursor).center() + QPoint(dx, 0)


def click_sentence(qtbot, w, sid: str) -> None:
    qtbot.mouseClick(w.article_view.viewport(), Qt.LeftButton, pos=point_in(w, sid))


def drag_select(qtbot, w, first: str, last: str) -> None:
    viewport = w.article_view.viewport()
    start, end = point_in(w, first, 4), point_in(w, last, 5)
    qtbot.mousePress(viewport, Qt.LeftButton, pos=start)
    qtbot.mouseMove(viewport, (start + end) / 2)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=end)


def press(qtbot, w, key, modifiers=Qt.NoModifier) -> None:
    """A key as the keyboard delivers it: to the focus widget (or the window)."""
    qtbot.keyClick(QApplication.focusWidget() or w, key, modifiers)


def undo(qtbot, w) -> None:
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier)


def redo(qtbot, w) -> None:
    press(qtbot, w, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)


def shortcut_key(text: str):
    """'Ctrl+3' -> (Qt.Key_3, Ctrl), read from the sections table so the test follows it."""
    combo = QKeySequence(text)[0]
    return combo.key(), combo.keyboardModifiers()


def rows(w, kind: str) -> list[str]:
    model = w.form.panes[kind].view.model()
    return [model.index(r, 0).data(Qt.DisplayRole) for r in range(model.rowCount())]


def selected_rows(w, kind: str) -> list[str]:
    view = w.form.panes[kind].view
    return [i.data(Qt.DisplayRole) for i in view.selectionModel().selectedRows()]


def click_row(qtbot, w, kind: str, row: int) -> None:
    view = w.form.panes[kind].view
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def headline(w, kind: str):
    return w.form.editor.pages[kind].headline


def text_of(widget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def selected_text_of(widget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().selectedText()
    assert isinstance(widget, QLineEdit)
    return widget.selectedText()


def sources(w) -> list[str]:
    lst = w.form.editor.sources
    return [lst.item(r).text() for r in range(lst.count())]


def highlighted(w) -> list[str]:
    """The selected item's highlight as painted: the view coalesces a burst of changes into
    one refresh on the next turn of the event loop, so let the loop turn first."""
    QApplication.processEvents()
    return w.article_view.highlighted_text()


def shown_title(w) -> str:
    """The title the window system shows ("[*]" replaced by Qt)."""
    return w.windowHandle().title()


def state(w) -> dict:
    """What the analyst sees of the brief: every list row and each item's sources (sentence
    id and quoted text), the brief's title field and marking."""
    meta = w.form.meta.bindings
    return {
        "rows": {s.kind: rows(w, s.kind) for s in SECTIONS},
        "cites": {i.id: [(c.id_hint, c.exact) for c in i.citations] for i in w.brief.items},
        "title": meta["title"].widget.text(),
        "marking": meta["marking"].widget.currentText(),
    }


def assert_clean(w, clean: bool) -> None:
    assert w.undo_stack.isClean() is clean
    assert w.isWindowModified() is not clean
    assert "[*]" in w.windowTitle()                     # the placeholder Qt fills in
    assert shown_title(w).startswith("test.brief" + ("" if clean else "*"))


def make_brief() -> Brief:
    brief = Brief.from_text(TEXT, title="Talks", outlet="Wire")
    brief.add_item("claim", "Ministers met", ["s1"])           # item-1
    brief.add_item("claim", "A budget was agreed", ["s2"])     # item-2
    brief.add_item("actor", "Ministers", ["s1", "s2"])         # item-3
    brief.add_item("risk", "Deal may unravel", ["s3"])         # item-4
    return brief


# ---- 1. new items from the article -------------------------------------------------
@pytest.mark.parametrize("section", SECTIONS, ids=[s.kind for s in SECTIONS])
def test_shortcut_makes_an_item_from_the_clicked_sentence_ready_for_retyping(
        qtbot, window, section):
    w = window(make_brief())
    sid = sid_of(w.brief, "spring")
    before = rows(w, section.kind)
    click_sentence(qtbot, w, sid)
    press(qtbot, w, *shortcut_key(section.shortcut))
    assert rows(w, section.kind) == before + ["The talks began in spring."]
    assert selected_rows(w, section.kind) == ["The talks began in spring."]
    field = headline(w, section.kind)
    assert QApplication.focusWidget() is field
    assert text_of(field) == selected_text_of(field) == "The talks began in spring."
    assert highlighted(w) == ["The talks began in spring."]
    qtbot.keyClicks(field, "Talks started in spring")
    assert rows(w, section.kind)[-1] == "Talks started in spring"
    assert w.undo_stack.count() == 2                     # the new item, then one edit
    assert_clean(w, False)


def test_drag_selecting_two_sentences_makes_one_item_citing_both(qtbot, window):
    w = window(make_brief())
    drag_select(qtbot, w, sid_of(w.brief, "Critics"), sid_of(w.brief, "spring"))
    press(qtbot, w, Qt.Key_4, Qt.ControlModifier)
    both = "Critics called the deal rushed. The talks began in spring."
    assert rows(w, "question") == [both]
    assert sources(w) == ["Critics called the deal rushed.", "The talks began in spring."]
    assert highlighted(w) == sources(w)
    assert selected_text_of(headline(w, "question")) == both


def test_shortcut_without_a_selection_says_what_to_do(qtbot, window):
    w = window(Brief.from_text(TEXT))
    w.article_view.setFocus()
    w.article_view.setTextCursor(QTextCursor(w.article_view.document()))  # no text there
    w.new_item("claim", [])
    assert rows(w, "claim") == []
    assert "Select a sentence" in w.statusBar().currentMessage()


# ---- 2. link and unlink ------------------------------------------------------------
def test_link_then_unlink_from_the_sources_list_then_undo(qtbot, window):
    w = window(make_brief())
    spring = sid_of(w.brief, "spring")
    click_row(qtbot, w, "claim", 0)
    assert highlighted(w) == ["Ministers met on Tuesday in Brussels."]
    click_sentence(qtbot, w, spring)           # uncited: the item stays selected
    assert selected_rows(w, "claim") == ["Ministers met"]
    press(qtbot, w, Qt.Key_L, Qt.ControlModifier)
    linked = ["Ministers met on Tuesday in Brussels.", "The talks began in spring."]
    assert sources(w) == linked
    assert highlighted(w) == linked
    # unlink: click the source row, press Delete in the list
    lst = w.form.editor.sources
    qtbot.mouseClick(lst.viewport(), Qt.LeftButton, pos=lst.visualItemRect(lst.item(1)).center())
    press(qtbot, w, Qt.Key_Delete)
    assert sources(w) == linked[:1]
    assert highlighted(w) == linked[:1]
    undo(qtbot, w)
    assert sources(w) == linked
    assert highlighted(w) == linked
    undo(qtbot, w)
    assert sources(w) == linked[:1]


def test_linking_a_sentence_already_cited_records_nothing(qtbot, window):
    w = window(make_brief())
    click_row(qtbot, w, "claim", 0)
    cited = w.brief.sentence_ids_of(w.brief.sections["claim"][0])[0]
    click_sentence(qtbot, w, cited)
    steps = w.undo_stack.count()
    press(qtbot, w, Qt.Key_L, Qt.ControlModifier)
    assert w.undo_stack.count() == steps
    assert "Already linked" in w.statusBar().currentMessage()


def test_unlink_button_removes_the_selected_source(qtbot, window):
    w = window(make_brief())
    click_row(qtbot, w, "actor", 0)
    lst = w.form.editor.sources
    qtbot.mouseClick(lst.viewport(), Qt.LeftButton, pos=lst.visualItemRect(lst.item(0)).center())
    qtbot.mouseClick(w.form.editor.unlink_button, Qt.LeftButton)
    assert sources(w) == ["They agreed on a new budget."]
    assert highlighted(w) == ["They agreed on a new budget."]


# ---- 3. clicks in the article select items -----------------------------------------
def test_clicking_cited_sentences_selects_and_cycles_items(qtbot, window):
    w = window(make_brief())
    click_sentence(qtbot, w, sid_of(w.brief, "Critics"))
    assert w.selected_item_id() == "item-4"
    assert selected_rows(w, "risk") == ["Deal may unravel"]
    assert text_of(headline(w, "risk")) == "Deal may unravel"
    budget = sid_of(w.brief, "budget")       # cited by a claim and an actor
    click_sentence(qtbot, w, budget)
    assert selected_rows(w, "claim") == ["A budget was agreed"] and selected_rows(w, "actor") == []
    assert text_of(headline(w, "claim")) == "A budget was agreed"
    click_sentence(qtbot, w, budget)
    assert selected_rows(w, "actor") == ["Ministers"] and selected_rows(w, "claim") == []
    assert text_of(headline(w, "actor")) == "Ministers"
    assert highlighted(w) == [
        "Ministers met on Tuesday in Brussels.", "They agreed on a new budget."]
    click_sentence(qtbot, w, budget)
    assert selected_rows(w, "claim") == ["A budget was agreed"]


# ---- 4. undo and redo of every kind of change --------------------------------------
def _round_trip(qtbot, w, change, expect) -> None:
    """Do a change through the UI; it shows exactly ``expect(before)`` (a copy of the old
    state the test edits to say what the change changed); Ctrl+Z shows exactly the old state
    again (and the window is clean again), Ctrl+Shift+Z the changed one (and modified)."""
    before, count = state(w), w.undo_stack.count()
    assert_clean(w, True)
    change()
    after = state(w)
    wanted = copy.deepcopy(before)
    expect(wanted)
    assert wanted != before and after == wanted
    assert w.undo_stack.count() == count + 1              # one action, one undo step
    assert_clean(w, False)
    undo(qtbot, w)
    assert state(w) == before
    assert_clean(w, True)
    redo(qtbot, w)
    assert state(w) == after
    assert_clean(w, False)
    undo(qtbot, w)
    assert state(w) == before


def _drop_item(view, row: int, item_id: str) -> None:
    mime = QMimeData()
    mime.setData(ITEM_MIME, item_id.encode())
    pos = view.visualRect(view.model().index(row, 0)).topLeft() + QPoint(30, 2)
    args = (pos, Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
    for event in (QDragEnterEvent(*args), QDragMoveEvent(*args)):
        QApplication.sendEvent(view.viewport(), event)
    QApplication.sendEvent(view.viewport(), QDropEvent(pos.toPointF(), *args[1:]))


def test_undo_redo_add(qtbot, window):
    w = window(make_brief())

    nobody = sid_of(w.brief, "Nobody")

    def add():
        click_sentence(qtbot, w, nobody)
        press(qtbot, w, Qt.Key_2, Qt.ControlModifier)

    def added(state):
        state["rows"]["actor"].append("Nobody expected a quick result.")
        state["cites"]["item-5"] = [(nobody, "Nobody expected a quick result.")]
    _round_trip(qtbot, w, add, added)


def test_undo_redo_edit_merges_typing_into_one_step_per_field(qtbot, window):
    w = window(make_brief())
    field = headline(w, "claim")

    def edit():
        click_row(qtbot, w, "claim", 1)
        qtbot.mouseClick(field.viewport(), Qt.LeftButton)
        press(qtbot, w, Qt.Key_End, Qt.ControlModifier)
        qtbot.keyClicks(field, " in Brussels")

    def edited(state):
        state["rows"]["claim"][1] = "A budget was agreed in Brussels"
    _round_trip(qtbot, w, edit, edited)
    redo(qtbot, w)
    assert rows(w, "claim")[1] == "A budget was agreed in Brussels"
    assert text_of(field) == "A budget was agreed in Brussels"
    # another field of the same item is its own step
    source = w.form.editor.pages["claim"].bindings["source"].widget
    qtbot.mouseClick(source, Qt.LeftButton)
    qtbot.keyClicks(source, "Reuters")
    assert w.undo_stack.count() == 2
    undo(qtbot, w)
    assert source.text() == "" and text_of(field) == "A budget was agreed in Brussels"


def test_undo_redo_delete(qtbot, window):
    w = window(make_brief())

    def delete():
        click_row(qtbot, w, "claim", 0)
        qtbot.mouseClick(w.form.editor.delete_button, Qt.LeftButton)

    def deleted(state):
        state["rows"]["claim"].remove("Ministers met")
        del state["cites"]["item-1"]
    _round_trip(qtbot, w, delete, deleted)
    assert selected_rows(w, "claim") == ["Ministers met"]     # undo keeps the analyst's place


def test_undo_redo_reorder_with_alt_down(qtbot, window):
    w = window(make_brief())

    def reorder():
        click_row(qtbot, w, "claim", 0)
        press(qtbot, w, Qt.Key_Down, Qt.AltModifier)

    def reordered(state):
        state["rows"]["claim"] = ["A budget was agreed", "Ministers met"]
    _round_trip(qtbot, w, reorder, reordered)
    redo(qtbot, w)
    assert rows(w, "claim") == ["A budget was agreed", "Ministers met"]


def test_undo_redo_move_between_sections(qtbot, window):
    w = window(make_brief())

    def moved(state):
        state["rows"]["claim"].remove("Ministers met")
        state["rows"]["risk"].insert(0, "Ministers met")
    _round_trip(qtbot, w, lambda: _drop_item(w.form.panes["risk"].view, 0, "item-1"), moved)
    redo(qtbot, w)
    assert rows(w, "risk") == ["Ministers met", "Deal may unravel"]
    assert rows(w, "claim") == ["A budget was agreed"]


def test_undo_redo_link(qtbot, window):
    w = window(make_brief())

    nobody = sid_of(w.brief, "Nobody")

    def link():
        click_row(qtbot, w, "risk", 0)
        click_sentence(qtbot, w, nobody)
        press(qtbot, w, Qt.Key_L, Qt.ControlModifier)

    def linked(state):
        state["cites"]["item-4"].append((nobody, "Nobody expected a quick result."))
    _round_trip(qtbot, w, link, linked)
    redo(qtbot, w)
    assert sources(w) == ["Critics called the deal rushed.", "Nobody expected a quick result."]


def test_undo_redo_unlink(qtbot, window):
    w = window(make_brief())

    def unlink():
        click_row(qtbot, w, "actor", 0)
        lst = w.form.editor.sources
        qtbot.mouseClick(lst.viewport(), Qt.LeftButton,
                         pos=lst.visualItemRect(lst.item(1)).center())
        press(qtbot, w, Qt.Key_Delete)

    def unlinked(state):
        state["cites"]["item-3"] = [("s1", "Ministers met on Tuesday in Brussels.")]
    _round_trip(qtbot, w, unlink, unlinked)
    redo(qtbot, w)
    assert sources(w) == ["Ministers met on Tuesday in Brussels."]


def test_undo_redo_brief_title(qtbot, window):
    w = window(make_brief())
    title = w.form.meta.bindings["title"].widget

    def retitle():
        qtbot.mouseClick(title, Qt.LeftButton)
        title.selectAll()
        qtbot.keyClicks(title, "Budget talks")      # 12 keystrokes, one step

    def retitled(state):
        state["title"] = "Budget talks"
    _round_trip(qtbot, w, retitle, retitled)
    redo(qtbot, w)
    assert title.text() == "Budget talks" and w.brief.title == "Budget talks"


def test_undo_redo_marking(qtbot, window):
    w = window(make_brief())
    marking = w.form.meta.bindings["marking"].widget

    def remark():
        marking.setFocus()
        press(qtbot, w, Qt.Key_Down)

    def remarked(state):
        assert state["marking"] == "TLP:CLEAR"
        state["marking"] = "TLP:GREEN"              # the next marking down the list
    _round_trip(qtbot, w, remark, remarked)
    assert w.brief.marking == "TLP:CLEAR"
    redo(qtbot, w)
    assert w.brief.marking == "TLP:GREEN"


def test_modified_marker_follows_the_clean_state_across_save(qtbot, window):
    w = window(make_brief())
    click_sentence(qtbot, w, sid_of(w.brief, "Nobody"))
    press(qtbot, w, Qt.Key_3, Qt.ControlModifier)
    assert_clean(w, False)
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    assert_clean(w, True)
    undo(qtbot, w)                          # back before the save: modified again
    assert_clean(w, False)
    redo(qtbot, w)
    assert_clean(w, True)


# ---- 6. hostile text before the cited sentences ------------------------------------
@pytest.mark.parametrize("normalise", [True, False], ids=["from_text", "raw CRLF"])
def test_highlight_and_click_after_emoji_accents_cjk_rtl_and_crlf(qtbot, window, normalise):
    brief = (Brief.from_text(MIXED, title="Mixed") if normalise
             else Brief(Article(text=MIXED, title="Mixed")))
    target = sid_of(brief, "ministry")
    brief.add_item("claim", "Confirmed", [target])
    w = window(brief)
    assert ("\r\n" in w.brief.article.text) is not normalise
    click_row(qtbot, w, "claim", 0)
    assert highlighted(w) == ["The ministry confirmed the meeting."]
    flag = sid_of(w.brief, "flag")
    click_sentence(qtbot, w, flag)
    press(qtbot, w, Qt.Key_3, Qt.ControlModifier)
    new = w.brief.item(w.selected_item_id())
    assert w.brief.sentence_ids_of(new) == [flag]
    assert highlighted(w) == [w.brief.sentence(flag).text]
    assert w.brief.sentence(flag).text == "A flag 🇺🇦 flew outside."
    hebrew = sid_of(w.brief, "הדובר")
    click_sentence(qtbot, w, hebrew)
    press(qtbot, w, Qt.Key_4, Qt.ControlModifier)
    assert highlighted(w) == ["הדובר אמר שהפגישה תתקיים מחר."]


# ---- the toolbar -------------------------------------------------------------------
def test_toolbar_buttons_follow_their_actions_without_piling_up_connections(qtbot, window):
    from PySide6.QtCore import SIGNAL
    from PySide6.QtWidgets import QToolButton
    w = window(make_brief())
    link = w.actions["link"]
    button = w.findChild(QToolButton, "toolButton_action_link")
    receivers = link.receivers(SIGNAL("changed()"))
    for _ in range(100):                      # each item selection toggles it
        link.setEnabled(False)
        link.setEnabled(True)
    assert link.receivers(SIGNAL("changed()")) == receivers
    link.setEnabled(False)
    assert not button.isEnabled()
    click_row(qtbot, w, "risk", 0)             # an item selected: Link is possible
    assert button.isEnabled() and link.isEnabled()
    undo_button = next(b for b in w.findChildren(QToolButton) if b.text().startswith("Undo"))
    assert not undo_button.isEnabled()
    click_sentence(qtbot, w, sid_of(w.brief, "Nobody"))
    qtbot.mouseClick(w.findChild(QToolButton, "toolButton_action_new_question"), Qt.LeftButton)
    assert rows(w, "question") == ["Nobody expected a quick result."]
    assert undo_button.isEnabled() and undo_button.text() == "Undo New question"
    qtbot.mouseClick(undo_button, Qt.LeftButton)
    assert rows(w, "question") == []
