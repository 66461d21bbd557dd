"""The Suggestions pane: suggest() off the GUI thread, its answer dropped when the brief
changed meanwhile, suggestions grouped by kind with their reasons, Accept making the item
with its fields and citations in one undo step, Dismiss remembered and undoable, the
selected suggestion's sentences marked in the article."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from briefing import Brief
from briefing.core.suggest import Suggestion
from briefing.ui import ops
from briefing.ui.commands import UndoStack
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow

TEXT = ("Dmitri Peskov, the Kremlin spokesman 😀, said the talks went well.\r\n"
        "According to the Wall Street Journal, the two leaders spoke often. "
        "The ministry did not say when the next meeting will be.")


def sid_of(brief, fragment: str) -> str:
    return next(s.id for s in brief.sentences if fragment in s.text)


class FakeSuggest:
    """suggest() with fixed answers; records the thread it ran on; may be held."""

    def __init__(self, brief: Brief) -> None:
        self.threads, self.calls = [], 0
        self.gate: threading.Event | None = None
        peskov, wsj, unknown = (sid_of(brief, w) for w in ("Peskov", "Journal", "did not say"))
        self.answer = [
            Suggestion("actor", "Dmitri Peskov", (peskov,), "named 1 time; “Kremlin spokesman” "
                       "follows the name", {"actor_type": "person", "role": "Kremlin spokesman"},
                       key="actor:peskov"),
            Suggestion("claim", "The two leaders spoke often", (wsj,),
                       "“according to the Wall Street Journal” attributes it",
                       (("source", "Wall Street Journal"), ("status", "reported"),
                        ("confidence", "bogus")), key="claim:often"),
            Suggestion("question", "When will the next meeting be?", (unknown,),
                       "“did not say when”", {"status": "open"}, key="question:when"),
        ]

    def __call__(self, brief, dismissed=frozenset()):
        self.threads.append(threading.current_thread())
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(5)
        return [s for s in self.answer if s.key not in dismissed]


@pytest.fixture
def window(qtbot):
    def make(brief: Brief, fake: bool = True):
        w = MainWindow(dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        w.resize(1440, 900)
        fake_suggest = FakeSuggest(brief) if fake else None
        if fake:
            w.suggestions.suggest = fake_suggest
        with qtbot.waitActive(w):
            w.show()
        w.set_brief(brief)
        w.show_suggestions(True)
        settle(qtbot, w)
        return w, fake_suggest
    return make


def settle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.suggestions.running and not w.suggestions._timer.isActive()
                    and bool(w.suggestions._all), timeout=5000)


def test_suggestions_run_off_the_gui_thread_and_are_grouped(window):
    w, fake = window(Brief.from_text(TEXT))
    assert fake.threads and all(t is not threading.main_thread() for t in fake.threads)
    assert w.suggestions.row_texts() == [
        ("Actors (1)", ""),
        ("Dmitri Peskov", "named 1 time; “Kremlin spokesman” follows the name"),
        ("Key claims (1)", ""),
        ("The two leaders spoke often", "“according to the Wall Street Journal” attributes it"),
        ("Open questions (1)", ""),
        ("When will the next meeting be?", "“did not say when”")]
    assert w.analysis.tabText(w.analysis.indexOf(w.suggestions)) == "Suggestions (3)"
    assert w.suggestions.accessibleName() == "Suggestions"
    assert w.suggestions.view.accessibleName() == "Suggestions"


def test_selecting_a_suggestion_marks_its_sentence(window):
    w, _ = window(Brief.from_text(TEXT))
    w.suggestions.select_suggestion("claim:often")
    assert w.article_view.pointer_text() == [
        "According to the Wall Street Journal, the two leaders spoke often."]


def test_accept_makes_the_item_in_one_undo_step(window, qtbot):
    brief = Brief.from_text(TEXT)
    w, _ = window(brief)
    steps = w.undo_stack.count()
    w.suggestions.select_suggestion("claim:often")
    w.suggestions.view.setFocus()
    qtbot.keyClick(w.suggestions.view, Qt.Key_Return)
    assert w.undo_stack.count() == steps + 1
    assert w.undo_stack.undoText() == "Accept suggested claim"
    item = brief.sections["claim"][-1]
    assert (item.text, item.source, item.status, item.confidence) == (
        "The two leaders spoke often", "Wall Street Journal", "reported", "low")
    assert brief.sentence_ids_of(item) == [sid_of(brief, "Journal")]
    assert w.selected_item_id() == item.id
    assert "The two leaders spoke often" not in [t for t, _ in w.suggestions.row_texts()]
    assert w.suggestions.current_suggestion().key == "question:when"   # the next one
    w.undo_stack.undo()
    assert brief.sections["claim"] == []


def test_accept_actor_fills_its_fields():
    brief = Brief.from_text(TEXT)
    stack = UndoStack()
    s = FakeSuggest(brief).answer[0]
    item = ops.accept_suggestion_item(brief, stack, s)
    assert (item.kind, item.name, item.actor_type, item.role) == (
        "actor", "Dmitri Peskov", "person", "Kremlin spokesman")
    assert stack.count() == 1 and brief.item(item.id) is item
    stack.undo()
    assert brief.items == []


def test_dismiss_is_remembered_and_undone(window, qtbot, tmp_path):
    brief = Brief.from_text(TEXT)
    w, _ = window(brief)
    w.suggestions.select_suggestion("actor:peskov")
    qtbot.keyClick(w.suggestions.view, Qt.Key_Delete)
    assert brief.dismissed == ["actor:peskov"]
    assert "Dmitri Peskov" not in [t for t, _ in w.suggestions.row_texts()]
    assert w.undo_stack.undoText() == "Dismiss suggestion"
    path = tmp_path / "d.brief"
    brief.save(path)
    assert Brief.load(path).dismissed == ["actor:peskov"]
    w.undo_stack.undo()
    assert brief.dismissed == []
    assert "Dmitri Peskov" in [t for t, _ in w.suggestions.row_texts()]


def test_an_answer_for_an_older_brief_is_dropped_and_rerun(window, qtbot):
    brief = Brief.from_text(TEXT)
    w, fake = window(brief)
    calls = fake.calls
    fake.gate = threading.Event()
    fake.answer = fake.answer[:1]
    w.suggestions.run()                       # held on the worker
    qtbot.waitUntil(lambda: fake.calls == calls + 1)
    ops.add_item(brief, w.undo_stack, "claim", "x", [sid_of(brief, "Journal")])
    fake.gate.set()
    qtbot.waitUntil(lambda: fake.calls == calls + 2 and not w.suggestions.running, timeout=5000)
    settle(qtbot, w)
    assert [t for t, _ in w.suggestions.row_texts()] == ["Actors (1)", "Dmitri Peskov"]


def test_the_real_suggest_on_the_sample(window, qtbot):
    brief = Brief.load("seeds/musk-putin-contacts.brief")
    w, _ = window(brief, fake=False)
    texts = [t for t, _ in w.suggestions.row_texts()]
    assert texts[0].startswith("Actors (")
    assert "Donald Trump" in texts
    assert all(reason for t, reason in w.suggestions.row_texts() if not t.endswith(")"))
