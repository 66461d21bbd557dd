"""Undo commands on a bare QUndoStack: each does and undoes exactly, typing merges, clean state.

A snapshot of the whole brief (items, fields, citations, metadata) is compared before and
after, so an undo that leaves anything behind fails, not just the field a test looks at.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from briefing import Brief
from briefing.core.sections import KINDS
from briefing.ui.commands import (AddItemCommand, DeleteItemCommand, EditFieldCommand,
                                  LinkCommand, MoveItemCommand, SetMetaCommand, UndoStack,
                                  UnlinkCommand)

TEXT = ("Officials said the talks began in 2022. The Kremlin denied it. "
        "A third source declined to comment. Markets barely moved.")


def make_brief() -> Brief:
    brief = Brief.from_text(TEXT, title="Talks")
    brief.add_item("claim", "Talks began in 2022", ["s1"])
    brief.add_item("claim", "The Kremlin denies", ["s2", "s3"])
    brief.add_item("actor", "Kremlin", ["s2"])
    brief.add_item("risk", "Escalation")
    brief.add_item("question", "Who are the officials?", ["s1"])
    return brief


def snapshot(brief: Brief) -> tuple:
    items = tuple((kind, tuple((i.id, i.kind, tuple(sorted(i.fields.items())), i.note,
                                tuple(i.citations)) for i in brief.sections[kind]))
                  for kind in KINDS)
    a = brief.article
    meta = (brief.title, brief.analyst, brief.marking, brief.summary,
            a.title, a.outlet, a.author, a.published, a.url)
    return items, meta


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()


def ids(brief: Brief, kind: str) -> list[str]:
    return [i.id for i in brief.sections[kind]]


def check_round_trip(stack: QUndoStack, brief: Brief, command, expect) -> None:
    """push -> expect(brief) holds; undo -> exact snapshot; redo -> expect holds again.

    ``expect`` returns a bool (or asserts itself); a falsy result fails the test."""
    before = snapshot(brief)
    stack.push(command)
    assert expect(brief), "the expected state does not hold after push"
    after = snapshot(brief)
    assert after != before
    stack.undo()
    assert snapshot(brief) == before
    stack.redo()
    assert expect(brief), "the expected state does not hold after redo"
    assert snapshot(brief) == after


def test_add_item(brief, stack):
    item = brief.new_item("claim", "Markets barely moved", ["s4"])
    command = AddItemCommand(brief, item, 0)
    assert command.text() == "New claim"
    check_round_trip(stack, brief, command,
                     lambda b: ids(b, "claim")[0] == item.id and b.sentence_ids_of(b.item(item.id)) == ["s4"])


def test_add_item_appends_without_index(brief, stack):
    item = brief.new_item("risk", "Sanctions")
    check_round_trip(stack, brief, AddItemCommand(brief, item),
                     lambda b: ids(b, "risk")[-1] == item.id)


def test_delete_item_restores_same_place_and_citations(brief, stack):
    check_round_trip(stack, brief, DeleteItemCommand(brief, "item-1"),
                     lambda b: ids(b, "claim") == ["item-2"])
    assert brief.sentence_ids_of(brief.item("item-2")) == ["s2", "s3"]


def test_move_within_section(brief, stack):
    check_round_trip(stack, brief, MoveItemCommand(brief, "item-1", "claim", 1),
                     lambda b: ids(b, "claim") == ["item-2", "item-1"])


def test_move_to_other_section_converts_and_undo_restores_fields(brief, stack):
    brief.set_field("item-1", "status", "confirmed")
    brief.set_field("item-1", "note", "keep me")
    command = MoveItemCommand(brief, "item-1", "risk", 0)
    assert command.text() == "Move claim to Risks"

    def moved(b):
        item = b.item("item-1")
        assert (item.kind, item.text, item.note, b.sentence_ids_of(item)) == (
            "risk", "Talks began in 2022", "keep me", ["s1"])
        return ids(b, "risk")[0] == "item-1" and "item-1" not in ids(b, "claim")
    check_round_trip(stack, brief, command, moved)
    stack.undo()
    assert brief.item("item-1").status == "confirmed"


def test_edit_field(brief, stack):
    check_round_trip(stack, brief, EditFieldCommand(brief, "item-1", "status", "denied"),
                     lambda b: b.item("item-1").status == "denied")


def test_typing_merges_into_one_step(brief, stack):
    for text in ("T", "Ta", "Tal", "Talk"):
        stack.push(EditFieldCommand(brief, "item-1", "statement", text))
    assert stack.count() == 1
    assert brief.item("item-1").statement == "Talk"
    stack.undo()
    assert brief.item("item-1").statement == "Talks began in 2022"


def test_merge_only_consecutive_same_item_and_field(brief, stack):
    stack.push(EditFieldCommand(brief, "item-1", "statement", "a"))
    stack.push(EditFieldCommand(brief, "item-1", "note", "n"))
    stack.push(EditFieldCommand(brief, "item-1", "statement", "ab"))
    stack.push(EditFieldCommand(brief, "item-2", "statement", "x"))
    assert stack.count() == 4
    stack.undo()
    stack.undo()
    assert brief.item("item-1").statement == "a"


def test_new_session_and_combo_edits_do_not_merge(brief, stack):
    stack.push(EditFieldCommand(brief, "item-1", "statement", "a", session=1))
    stack.push(EditFieldCommand(brief, "item-1", "statement", "ab", session=2))
    stack.push(EditFieldCommand(brief, "item-1", "status", "denied", session=None))
    stack.push(EditFieldCommand(brief, "item-1", "status", "confirmed", session=None))
    assert stack.count() == 4


def test_typing_back_to_the_original_leaves_no_step(brief, stack):
    stack.push(EditFieldCommand(brief, "item-4", "description", "Escalation!"))
    stack.push(EditFieldCommand(brief, "item-4", "description", "Escalation"))
    assert stack.count() == 0
    assert brief.item("item-4").description == "Escalation"


def test_clean_state_stops_merging_and_tracks_undo(brief, stack):
    stack.push(EditFieldCommand(brief, "item-1", "statement", "a"))
    stack.setClean()
    stack.push(EditFieldCommand(brief, "item-1", "statement", "ab"))
    assert stack.count() == 2 and not stack.isClean()
    stack.undo()
    assert stack.isClean() and brief.item("item-1").statement == "a"


def test_link_and_unlink(brief, stack):
    check_round_trip(stack, brief, LinkCommand(brief, "item-1", ["s4", "s2"]),
                     lambda b: b.sentence_ids_of(b.item("item-1")) == ["s1", "s2", "s4"])
    check_round_trip(stack, brief, UnlinkCommand(brief, "item-2", "s2"),
                     lambda b: b.sentence_ids_of(b.item("item-2")) == ["s3"])


def test_link_that_adds_nothing_is_not_recorded(brief, stack):
    stack.push(LinkCommand(brief, "item-1", ["s1"]))
    stack.push(UnlinkCommand(brief, "item-1", "s4"))
    assert stack.count() == 0


def test_set_meta_merges_per_field(brief, stack):
    before = snapshot(brief)
    for text in ("B", "Br", "Bri"):
        stack.push(SetMetaCommand(brief, "article.outlet", text))
    stack.push(SetMetaCommand(brief, "marking", "TLP:RED", session=None))
    stack.push(SetMetaCommand(brief, "title", "T"))
    assert stack.count() == 3
    assert (brief.article.outlet, brief.marking, brief.title) == ("Bri", "TLP:RED", "T")
    while stack.canUndo():
        stack.undo()
    assert snapshot(brief) == before


# One random session of commands: undoing all of it gives back the brief it started from.
op = st.tuples(st.sampled_from(["add", "delete", "move", "edit", "link", "unlink", "meta"]),
               st.integers(0, 50), st.sampled_from(KINDS), st.text(max_size=4))


def apply_random(brief: Brief, stack: QUndoStack, name: str, n: int, kind: str, text: str):
    items = brief.items
    sids = [s.id for s in brief.sentences]
    if name == "add":
        stack.push(AddItemCommand(brief, brief.new_item(kind, text, [sids[n % len(sids)]]), n % 3))
    elif name == "meta":
        stack.push(SetMetaCommand(brief, "summary", text))
    elif items:
        item = items[n % len(items)]
        if name == "delete":
            stack.push(DeleteItemCommand(brief, item.id))
        elif name == "move":
            stack.push(MoveItemCommand(brief, item.id, kind, n % 4))
        elif name == "edit":
            stack.push(EditFieldCommand(brief, item.id, "note", text))
        elif name == "link":
            stack.push(LinkCommand(brief, item.id, [sids[n % len(sids)]]))
        elif item.citations:
            stack.push(UnlinkCommand(brief, item.id, brief.trusted_sentence(item.citations[0]).id))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(op, max_size=25))
def test_any_session_undoes_to_the_start_and_redoes_to_the_end(qapp, ops):
    brief, stack = make_brief(), QUndoStack()
    start = snapshot(brief)
    for args in ops:
        apply_random(brief, stack, *args)
    end = snapshot(brief)
    while stack.canUndo():
        stack.undo()
    assert snapshot(brief) == start
    while stack.canRedo():
        stack.redo()
    assert snapshot(brief) == end


def test_typing_after_an_undo_is_a_new_step_not_merged_below_the_undone_one(qapp):
    brief = make_brief()
    stack = UndoStack()
    item_id = brief.items[0].id
    old = brief.item(item_id).text
    stack.push(EditFieldCommand(brief, item_id, "statement", "A", session=1))
    stack.push(EditFieldCommand(brief, item_id, "statement", "AB", session=1))
    stack.push(SetMetaCommand(brief, "title", "T", session=2))
    assert stack.count() == 2
    stack.undo()                                   # the title step; the typing step is on top
    stack.push(EditFieldCommand(brief, item_id, "statement", "ABC", session=1))
    assert stack.count() == 2 and stack.index() == 2   # title step dropped, typing is a new step
    stack.push(EditFieldCommand(brief, item_id, "statement", "ABCD", session=1))
    assert stack.count() == 2                      # ...into which further keystrokes merge
    stack.undo()
    assert brief.item(item_id).text == "AB"        # the first typing step is intact
    stack.undo()
    assert brief.item(item_id).text == old
