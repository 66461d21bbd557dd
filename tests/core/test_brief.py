"""The Qt-free brief model and the documented scripting API."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefing
from briefing import Brief
from briefing.core.items import FIELDS, MARKINGS
from briefing.core.sections import KINDS

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("The ministry confirmed the talks on Monday. Officials said a deal was close. "
           "Critics called it a stunt. Nobody knows what happens next. Markets rose.")


@pytest.fixture
def brief() -> Brief:
    b = Brief.from_text(ARTICLE, title="Talks")
    b.clock = lambda: "2024-10-25T12:00:00Z"
    return b


class Recorder:
    def __init__(self, b: Brief) -> None:
        self.calls: list[tuple] = []
        for name in ("about_to_insert", "inserted", "about_to_remove", "removed",
                     "item_changed", "meta_changed"):
            getattr(b, name).connect(lambda *args, name=name: self.calls.append((name, *args)))


# ---- the scripting API, exactly as documented ----------------------------------------------
def test_documented_scripting_api(tmp_path):
    brief = Brief.from_text("First sentence here. Second one follows.\r\nThird on its own line.",
                            title="Musk and Putin")
    assert brief.article.text == "First sentence here. Second one follows.\nThird on its own line."
    assert brief.article.title == "Musk and Putin"
    ids = [s.id for s in brief.sentences]
    assert ids == ["s1", "s2", "s3"]
    for s in brief.sentences:
        assert brief.article.text[s.start:s.end] == s.text
        assert isinstance(s.start, int) and isinstance(s.end, int)
    claim = brief.add_item("claim", "Musk talks to Putin", ["s1", "s2"])
    assert (claim.id, claim.kind, claim.text) == ("item-1", "claim", "Musk talks to Putin")
    assert brief.sentence_ids_of(claim) == ["s1", "s2"]
    brief.set_field(claim.id, "source", "WSJ, citing officials")
    brief.set_meta("marking", "TLP:AMBER")
    assert [(i.id, i.kind, i.text) for i in brief.items] == [("item-1", "claim", "Musk talks to Putin")]
    path = tmp_path / "musk.brief"
    assert brief.save(path) is None
    again = Brief.load(path)
    assert isinstance(again, Brief)
    assert [(i.id, i.kind, i.text, again.sentence_ids_of(i)) for i in again.items] == \
        [("item-1", "claim", "Musk talks to Putin", ["s1", "s2"])]
    assert again.item("item-1").source == "WSJ, citing officials"
    assert again.marking == "TLP:AMBER"
    assert again.article.text == brief.article.text


def test_items_are_in_section_order(brief):
    brief.add_item("question", "Q?")
    brief.add_item("actor", "A")
    brief.add_item("claim", "C")
    brief.add_item("risk", "R")
    assert [i.kind for i in brief.items] == list(KINDS)


def test_import_briefing_does_not_import_pyside6():
    code = "import briefing, sys; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
    assert briefing.Brief is Brief


# ---- add / insert / remove / move --------------------------------------------------------
def test_add_item_uses_defaults_and_cites_in_reading_order(brief):
    item = brief.add_item("risk", "Deal collapses", ["s3", "s1", "s3"])
    assert brief.sentence_ids_of(item) == ["s1", "s3"]  # deduped, reading order
    assert item.likelihood == "roughly even chance" and item.impact == "medium"
    c = item.citations[0]
    assert brief.article.text[c.start:c.end] == c.exact == brief.sentence("s1").text


def test_add_item_refuses_unknown_kind_and_sentence(brief):
    with pytest.raises(ValueError, match="unknown item kind"):
        brief.add_item("rumour", "x")
    with pytest.raises(ValueError, match="no sentence 's99'"):
        brief.add_item("claim", "x", ["s99"])
    assert brief.items == []


def test_insert_remove_restore_position(brief):
    a = brief.add_item("claim", "A")
    b = brief.add_item("claim", "B")
    c = brief.add_item("claim", "C")
    kind, index, removed = brief.remove_item(b.id)
    assert (kind, index, removed) == ("claim", 1, b)
    assert [i.text for i in brief.items] == ["A", "C"]
    with pytest.raises(ValueError):
        brief.item(b.id)
    brief.insert_item(removed, index)  # undo
    assert [i.text for i in brief.items] == ["A", "B", "C"]
    with pytest.raises(ValueError, match="already in the brief"):
        brief.insert_item(a)
    brief.insert_item(brief.remove_item(c.id)[2], 99)  # index clamped
    assert brief.position(c.id) == ("claim", 2)


def test_move_within_section_reorders(brief):
    a, b, c = (brief.add_item("actor", t) for t in "ABC")
    old = brief.move_item(c.id, "actor", 0)
    assert old == ("actor", 2, c)
    assert [i.text for i in brief.items] == ["C", "A", "B"]
    assert brief.item(c.id) is c


def test_move_between_sections_converts_kind_keeps_text_note_citations(brief):
    claim = brief.add_item("claim", "Deal is close", ["s2", "s4"])
    brief.set_field(claim.id, "note", "check this")
    brief.set_field(claim.id, "status", "confirmed")
    brief.add_item("risk", "Existing risk")
    old_kind, old_index, old = brief.move_item(claim.id, "risk", 0)
    assert (old_kind, old_index, old) == ("claim", 0, claim)
    moved = brief.item(claim.id)
    assert moved.kind == "risk" and moved.id == claim.id
    assert moved.text == "Deal is close" == moved.description
    assert moved.note == "check this"
    assert moved.citations == claim.citations and brief.sentence_ids_of(moved) == ["s2", "s4"]
    assert set(moved.fields) == {f.name for f in FIELDS["risk"]}
    assert moved.likelihood == "roughly even chance"
    assert brief.counts() == {"claim": 0, "actor": 0, "risk": 2, "question": 0}
    assert brief.position(claim.id) == ("risk", 0)
    assert brief.items_citing("s2") == [moved]
    # and back again: the original item object returns (what undo does)
    brief.remove_item(claim.id)
    brief.insert_item(old, old_index)
    assert brief.item(claim.id).kind == "claim" and brief.item(claim.id).status == "confirmed"


# ---- fields ---------------------------------------------------------------------------------
def test_set_field_validates_vocabulary_and_returns_old_value(brief):
    item = brief.add_item("claim", "X")
    assert brief.set_field(item.id, "confidence", "high") == "low"
    with pytest.raises(ValueError, match="must be one of"):
        brief.set_field(item.id, "confidence", "very high")
    with pytest.raises(ValueError, match="no field"):
        brief.set_field(item.id, "likelihood", "likely")  # a risk field, not a claim's
    with pytest.raises(TypeError):
        brief.set_field(item.id, "statement", 5)
    with pytest.raises(ValueError, match="no item"):
        brief.set_field("item-99", "statement", "x")
    assert item.confidence == "high"
    assert brief.set_field(item.id, "statement", "Y") == "X" and item.text == "Y"
    assert brief.set_field(item.id, "note", "n") == "" and item.note == "n"


@pytest.mark.parametrize("kind", KINDS)
def test_every_vocabulary_value_is_accepted_and_others_refused(kind, brief):
    item = brief.add_item(kind, "t")
    for spec in FIELDS[kind]:
        for value in spec.choices:
            brief.set_field(item.id, spec.name, value)
        if spec.choices:
            with pytest.raises(ValueError):
                brief.set_field(item.id, spec.name, spec.choices[0].upper() + "!")


# ---- citations --------------------------------------------------------------------------------
def test_link_keeps_reading_order_and_dedupes(brief):
    item = brief.add_item("claim", "X", ["s3"])
    old = brief.link(item.id, ["s5", "s1", "s3", "s1"])
    assert [c.id_hint for c in old] == ["s3"]
    assert brief.sentence_ids_of(item) == ["s1", "s3", "s5"]
    brief.link(item.id, ["s2"])
    assert brief.sentence_ids_of(item) == ["s1", "s2", "s3", "s5"]
    old = brief.unlink(item.id, "s3")
    assert [c.id_hint for c in old] == ["s1", "s2", "s3", "s5"]
    assert brief.sentence_ids_of(item) == ["s1", "s2", "s5"]
    brief.unlink(item.id, "s4")  # not cited: nothing changes
    assert brief.sentence_ids_of(item) == ["s1", "s2", "s5"]
    brief.set_citations(item.id, old)  # undo
    assert brief.sentence_ids_of(item) == ["s1", "s2", "s3", "s5"]


def test_items_citing_in_brief_order_and_follows_changes(brief):
    q = brief.add_item("question", "Q", ["s2"])
    c = brief.add_item("claim", "C", ["s2", "s3"])
    a = brief.add_item("actor", "A", ["s3"])
    assert brief.items_citing("s2") == [c, q]
    assert brief.items_citing("s3") == [c, a]
    assert brief.items_citing("s1") == []
    brief.unlink(c.id, "s2")
    assert brief.items_citing("s2") == [q]
    brief.remove_item(q.id)
    assert brief.items_citing("s2") == []
    brief.link(a.id, ["s2"])
    assert brief.items_citing("s2") == [a]
    assert brief.cited_sentence_ids() == {"s2", "s3"}


# ---- metadata -------------------------------------------------------------------------------
def test_set_meta_brief_and_article_fields(brief):
    assert brief.set_meta("title", "New") == ""
    assert brief.title == "New"
    assert brief.set_meta("article.outlet", "Wire") == ""
    assert brief.article.outlet == "Wire"
    assert brief.set_meta("article.title", "T2") == "Talks"
    for marking in MARKINGS:
        brief.set_meta("marking", marking)
    with pytest.raises(ValueError, match="marking must be one of"):
        brief.set_meta("marking", "SECRET")
    assert brief.marking == MARKINGS[-1]
    with pytest.raises(ValueError, match="no field"):
        brief.set_meta("article.text", "rewritten")  # the article text is never edited
    with pytest.raises(ValueError, match="no field"):
        brief.set_meta("colour", "red")
    with pytest.raises(TypeError):
        brief.set_meta("summary", None)


def test_changes_update_modified(brief):
    times = iter(["t1", "t2", "t3"])
    brief.clock = lambda: next(times)
    item = brief.add_item("claim", "x")
    assert brief.modified == "t1"
    brief.set_field(item.id, "note", "n")
    assert brief.modified == "t2"
    brief.set_meta("summary", "s")
    assert brief.modified == "t3"


# ---- signals ----------------------------------------------------------------------------------
def test_signals_fire_with_the_right_arguments(brief):
    rec = Recorder(brief)
    a = brief.add_item("claim", "A")
    b = brief.add_item("claim", "B")
    assert rec.calls == [("about_to_insert", "claim", 0), ("inserted", "claim", 0, a),
                         ("about_to_insert", "claim", 1), ("inserted", "claim", 1, b)]
    rec.calls.clear()
    brief.set_field(a.id, "status", "denied")
    brief.set_field(a.id, "note", "n")
    brief.link(a.id, ["s1"])
    brief.unlink(a.id, "s1")
    brief.set_meta("article.url", "u")
    brief.set_meta("title", "t")
    assert rec.calls == [("item_changed", a, "status"), ("item_changed", a, "note"),
                         ("item_changed", a, "citations"), ("item_changed", a, "citations"),
                         ("meta_changed", "article.url"), ("meta_changed", "title")]
    rec.calls.clear()
    brief.move_item(a.id, "risk", 0)
    moved = brief.item(a.id)
    assert rec.calls == [("about_to_remove", "claim", 0), ("removed", "claim", 0, a),
                         ("about_to_insert", "risk", 0), ("inserted", "risk", 0, moved)]
    rec.calls.clear()
    with pytest.raises(ValueError):
        brief.set_field(b.id, "status", "nope")
    assert rec.calls == []  # a refused change announces nothing


def test_signal_disconnect(brief):
    seen = []
    slot = seen.append
    brief.meta_changed.connect(slot)
    brief.set_meta("title", "a")
    brief.meta_changed.disconnect(slot)
    brief.set_meta("title", "b")
    assert seen == ["title"]


# ---- ids ------------------------------------------------------------------------------------
def test_ids_stay_unique_after_remove_and_after_load(brief, tmp_path):
    made = [brief.add_item(k, k) for k in KINDS for _ in range(3)]
    brief.remove_item(made[-1].id)  # the highest id is gone...
    path = tmp_path / "a.brief"
    brief.save(path)
    loaded = Brief.load(path)
    fresh = loaded.add_item("claim", "new")
    ids = [i.id for i in loaded.items]
    assert len(ids) == len(set(ids))
    assert fresh.id not in {i.id for i in loaded.items if i is not fresh}
    assert all(loaded.add_item("actor", "more").id not in ids for _ in range(5))
    # in the same session a removed id is never handed out again (undo may restore it);
    # the file keeps no counter, so after a reload the removed highest id may come back
    same = brief.add_item("claim", "new")
    assert same.id not in {i.id for i in made}


def test_ids_after_loading_hand_made_ids(tmp_path):
    import json
    b = Brief.from_text(ARTICLE)
    b.add_item("claim", "x")
    doc = json.loads((lambda p: (b.save(p), p.read_text())[1])(tmp_path / "a.brief"))
    doc["sections"]["claims"][0]["id"] = "item-41"
    doc["sections"]["actors"].append({**doc["sections"]["claims"][0], "id": "custom:id",
                                      "name": "n", "actor_type": "state", "role": ""})
    for k in ("statement", "source", "status", "confidence", "credibility"):
        doc["sections"]["actors"][0].pop(k)
    (tmp_path / "b.brief").write_text(json.dumps(doc), encoding="utf-8")
    loaded = Brief.load(tmp_path / "b.brief")
    assert loaded.add_item("risk", "r").id == "item-42"
    assert loaded.item("custom:id").kind == "actor"


# ---- pinned by mutation testing (quality/mutation.py) -------------------------------------
def test_sentence_at_is_none_between_and_around_sentences():
    b = Brief.from_text("  First one.  Second one.  ")
    first, second = b.sentences
    assert b.sentence_at(first.start) == first and b.sentence_at(first.end - 1) == first
    assert b.sentence_at(first.end) is None          # the spaces after it
    assert b.sentence_at(second.start - 1) is None
    assert b.sentence_at(0) is None                  # leading white space
    assert b.sentence_at(second.end) is None         # trailing white space
    assert b.sentence_at(second.end - 1) == second


def test_sentences_between_snaps_a_selection_to_whole_sentences(brief):
    s1, s2, s3 = brief.sentences[:3]
    ids = lambda start, end: [s.id for s in brief.sentences_between(start, end)]  # noqa: E731
    assert ids(s1.start + 3, s1.start + 8) == ["s1"]                 # inside one sentence
    assert ids(s1.end - 2, s2.start + 2) == ["s1", "s2"]             # across two
    assert ids(s1.start, s2.start) == ["s1"]                         # up to the next start only
    assert ids(s1.end, s2.start) == []                               # only the gap between them
    assert ids(s2.start, s2.start) == ["s2"]                         # a caret picks its sentence
    assert ids(s2.end - 1, s2.end - 1) == ["s2"]
    assert ids(s2.end, s2.end) == []                                 # a caret in the gap: nothing
    assert ids(s1.start, s3.end) == ["s1", "s2", "s3"]


def test_review_count_and_trusted_ids_per_item(brief, tmp_path):
    from briefing.core.update import apply_update, plan_update
    item = brief.add_item("claim", "x", ["s1", "s2", "s3", "s4"])
    other = brief.add_item("claim", "y", ["s1"])
    assert (brief.review_count(item), brief.sentence_ids_of(item)) == (0, ["s1", "s2", "s3", "s4"])
    new = ARTICLE.replace("Officials said a deal was close. ", "") \
                 .replace("Critics called it a stunt.", "Critics called it a big stunt.") \
                 .replace("Nobody knows what happens next.", "Nobody can say anything.")
    apply_update(brief, plan_update(brief, new))
    assert brief.review_count(item) == 3                 # orphaned, fuzzy, orphaned
    assert brief.sentence_ids_of(item) == ["s1"]
    assert (brief.review_count(other), brief.sentence_ids_of(other)) == (0, ["s1"])


def test_a_fresh_item_answers_before_it_is_inserted():
    b = Brief.from_text(ARTICLE)
    item = b.new_item("claim", "x", ["s2"])
    assert (b.sentence_ids_of(item), b.review_count(item)) == (["s2"], 0)


def test_new_items_get_distinct_ids_before_insertion(brief):
    first = brief.new_item("claim", "a")
    second = brief.new_item("risk", "b")
    third = brief.new_item("actor", "c")
    assert [first.id, second.id, third.id] == ["item-1", "item-2", "item-3"]
    brief.insert_item(second)
    brief.insert_item(first)
    assert brief.add_item("question", "d").id not in {first.id, second.id, third.id}


def test_ids_after_loading_ids_with_several_dashes():
    from briefing.core.items import Item, new_fields
    b = Brief.from_text(ARTICLE)
    b.sections["claim"].append(Item("my-claim-7", "claim", new_fields("claim", "x")))
    b.reindex()
    assert b.add_item("claim", "y").id == "item-8"


def test_set_article_text_returns_the_old_text(brief):
    assert brief.set_article_text("Something new entirely.") == ARTICLE
    assert brief.set_article_text(ARTICLE) == "Something new entirely."


def test_set_meta_error_messages(brief):
    with pytest.raises(TypeError, match="^title must be a string$"):
        brief.set_meta("title", 5)
    with pytest.raises(ValueError, match=", ".join(MARKINGS).replace("+", r"\+")):
        brief.set_meta("marking", "SECRET")


def test_a_flagged_citation_keeps_its_review_status_until_settled():
    """An update flags what it could not settle; the flag stands even when the text comes
    back (undo-free revert): a flagged orphan shows no sentence, the other flags keep the
    sentence found as a suggestion only, with its similarity."""
    b = Brief.from_text(ARTICLE)
    item = b.add_item("claim", "x", ["s1", "s2", "s3"])
    new = ARTICLE.replace("The ministry confirmed the talks on Monday. ", "") \
                 .replace("Officials said a deal was close.", "Officials said that a deal was close.")
    from briefing.core.update import apply_update, plan_update
    apply_update(b, plan_update(b, new))
    orphan, fuzzy, held = item.citations
    assert (orphan.review, fuzzy.review, held.review) == ("orphaned", "fuzzy", "")
    b.set_article_text(ARTICLE)                       # the old text back: quotes exact again
    r_orphan, r_fuzzy, r_held = (b.resolution(c) for c in item.citations)
    assert (r_orphan.status, r_orphan.sentence, r_orphan.similarity) == ("orphaned", None, 1.0)
    assert (r_fuzzy.status, r_fuzzy.sentence.id, r_fuzzy.trusted) == ("fuzzy", "s2", None)
    assert r_fuzzy.similarity == 1.0                 # what resolution found: the quote, verbatim
    assert (r_held.status, r_held.sentence.id) == ("moved", "s3")
    assert b.sentence_ids_of(item) == ["s3"] and b.review_count(item) == 2
    # a flag that agrees with what resolution finds changes nothing
    b.set_article_text(new)
    assert b.resolution(orphan).status == "orphaned"
