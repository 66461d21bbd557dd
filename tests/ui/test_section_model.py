"""SectionModel: follows the core through Qt's model tester, renders rows, reports drops."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from briefing import Brief
from briefing.ui.section_model import (ITEM_MIME, SENTENCES_MIME, CitationCountRole,
                                       DetailRole, ItemIdRole, SectionModel, detail, headline)

TEXT = ("Officials said the talks began in 2022. The Kremlin denied it. "
        "A third source declined to comment. Markets barely moved.")


@pytest.fixture
def brief() -> Brief:
    brief = Brief.from_text(TEXT)
    brief.add_item("claim", "Talks began in 2022\nsecond line", ["s1"])
    brief.add_item("claim", "The Kremlin denies", ["s2", "s3"])
    brief.add_item("risk", "Escalation")
    return brief


@pytest.fixture
def claims(qapp, brief) -> SectionModel:
    model = SectionModel(brief, "claim")
    yield model
    model.detach()


def test_model_tester_while_the_core_changes(qtmodeltester, brief, claims):
    qtmodeltester.check(claims, force_py=True)
    item = brief.new_item("claim", "Inserted")
    brief.insert_item(item, 1)
    brief.set_field(item.id, "status", "confirmed")
    brief.move_item("item-1", "claim", 2)
    brief.move_item(item.id, "risk", 0)
    brief.remove_item("item-2")
    qtmodeltester.check(claims, force_py=True)
    assert [claims.index(r).data(ItemIdRole) for r in range(claims.rowCount())] == ["item-1"]


def test_rows_follow_inserts_and_removes_with_the_right_signals(qtbot, brief, claims):
    item = brief.new_item("claim", "New one")
    with qtbot.waitSignal(claims.rowsInserted) as inserted:
        brief.insert_item(item, 0)
    assert inserted.args[1:] == [0, 0]
    assert claims.index(0).data(ItemIdRole) == item.id
    with qtbot.waitSignal(claims.rowsRemoved) as removed:
        brief.remove_item("item-2")
    assert removed.args[1:] == [2, 2]
    with qtbot.assertNotEmitted(claims.rowsInserted):
        brief.add_item("risk", "Other section")


def test_field_and_citation_changes_emit_data_changed(qtbot, brief, claims):
    with qtbot.waitSignal(claims.dataChanged) as changed:
        brief.set_field("item-2", "confidence", "high")
    assert changed.args[0].row() == 1
    assert claims.index(1).data(DetailRole) == "reported · high · 1 source"
    with qtbot.waitSignal(claims.dataChanged):
        brief.link("item-2", ["s4"])
    assert claims.index(1).data(CitationCountRole) == 3


def test_roles(brief, claims):
    first = claims.index(0)
    assert first.data(Qt.DisplayRole) == "Talks began in 2022"
    assert first.data(ItemIdRole) == "item-1"
    assert first.data(CitationCountRole) == 1
    assert "Cites 1 sentence" in first.data(Qt.ToolTipRole)
    assert "second line" in first.data(Qt.ToolTipRole)
    assert claims.index(5).data() is None


def test_detail_lines_per_kind(brief):
    brief.set_field("item-1", "source", "Reuters,\n citing officials")
    assert detail(brief.item("item-1")) == "reported · low · Reuters, citing officials"
    actor = brief.add_item("actor", "Putin")
    brief.set_field(actor.id, "role", "President")
    assert detail(actor) == "person · President"
    assert detail(brief.item("item-3")) == "roughly even chance · impact medium"
    question = brief.add_item("question", "Who?")
    assert detail(question) == "priority medium · open"


def test_headline_is_first_line_elided(brief):
    item = brief.add_item("claim", "\n  " + "x" * 500)
    assert headline(item).endswith("…") and len(headline(item)) == 160
    assert headline(brief.add_item("claim", "")) == "(untitled claim)"


def mime(fmt: str, payload: bytes) -> QMimeData:
    data = QMimeData()
    data.setData(fmt, payload)
    return data


def test_item_drop_reports_a_move_and_leaves_the_brief_alone(qtbot, brief, claims):
    data = claims.mimeData([claims.index(0)])
    assert bytes(data.data(ITEM_MIME)) == b"item-1"
    with qtbot.waitSignal(claims.moveRequested) as moved:
        assert claims.dropMimeData(data, Qt.MoveAction, 2, 0, QModelIndex())
    assert moved.args == ["item-1", "claim", 1]   # row 2 is below item-2: ends up at index 1
    assert [i.id for i in brief.sections["claim"]] == ["item-1", "item-2"]
    risks = SectionModel(brief, "risk")
    with qtbot.waitSignal(risks.moveRequested) as moved:
        risks.dropMimeData(data, Qt.MoveAction, -1, 0, QModelIndex())
    assert moved.args == ["item-1", "risk", 1]
    risks.detach()


def test_dropping_an_item_where_it_is_requests_nothing(qtbot, claims):
    data = claims.mimeData([claims.index(0)])
    with qtbot.assertNotEmitted(claims.moveRequested):
        claims.dropMimeData(data, Qt.MoveAction, 1, 0, QModelIndex())
        claims.dropMimeData(data, Qt.MoveAction, 0, 0, QModelIndex())


def test_sentence_drop_reports_known_ids(qtbot, claims):
    data = mime(SENTENCES_MIME, json.dumps(["s3", "s99", 7]).encode())
    with qtbot.waitSignal(claims.sentencesDropped) as dropped:
        assert claims.dropMimeData(data, Qt.CopyAction, 1, 0, QModelIndex())
    assert dropped.args == [["s3"], "claim", 1, ""]


@pytest.mark.parametrize("data", [mime(SENTENCES_MIME, b"not json"),
                                  mime(SENTENCES_MIME, b'{"a": 1}'),
                                  mime(ITEM_MIME, b"item-404"),
                                  mime("text/plain", b"hello")])
def test_bad_drops_are_refused(qtbot, claims, data):
    assert not claims.canDropMimeData(data, Qt.CopyAction, 0, 0, QModelIndex())
    with qtbot.assertNotEmitted(claims.sentencesDropped), qtbot.assertNotEmitted(claims.moveRequested):
        assert not claims.dropMimeData(data, Qt.CopyAction, 0, 0, QModelIndex())


def test_rows_accept_drops_between_them_only(claims):
    assert claims.flags(QModelIndex()) & Qt.ItemIsDropEnabled
    assert not claims.flags(claims.index(0)) & Qt.ItemIsDropEnabled
    assert claims.flags(claims.index(0)) & Qt.ItemIsDragEnabled
    assert not claims.removeRows(0, 1)


def test_five_thousand_items_are_rows_of_one_model(qapp, brief):
    """Speed lives in benchmarks/; here: 5,000 items are model rows, not widgets."""
    for n in range(5000):
        brief.sections["claim"].append(brief.new_item("claim", f"Claim {n}"))
    brief.reindex()
    model = SectionModel(brief, "claim")
    texts = [model.index(r).data() for r in range(model.rowCount())]
    brief.set_field(brief.sections["claim"][-1].id, "statement", "last")
    assert len(texts) == 5002 and model.index(5001).data() == "last"
    model.detach()
