"""Citations store quote + context + offsets and find their sentence again (or report it
orphaned) after the article text changes."""
from __future__ import annotations

import json

import pytest

from briefing import Brief
from briefing.core.anchor import CONTEXT, Citation, cite, locate, reanchor

TEXT = ("Alpha one here. Beta two here. Gamma three. Alpha one here. Delta four is the "
        "longest sentence of this short article. End.")


def make() -> Brief:
    return Brief.from_text(TEXT)


def reload_with_text(brief: Brief, new_text: str, tmp_path) -> Brief:
    """What happens when the article text of a saved brief was changed: save, edit, load."""
    path = tmp_path / "a.brief"
    brief.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["article"]["text"] = new_text
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return Brief.load(path)


def fresh(text: str):
    b = Brief.from_text(text)
    return b.sentences, [s.start for s in b.sentences]


def test_citation_stores_quote_prefix_suffix_and_offsets():
    b = make()
    item = b.add_item("claim", "x", ["s2", "s5"])
    c2, c5 = item.citations
    s2 = b.sentence("s2")
    assert (c2.sentence_id, c2.start, c2.end, c2.exact) == ("s2", s2.start, s2.end, "Beta two here.")
    assert c2.prefix == TEXT[max(0, s2.start - CONTEXT):s2.start] == "Alpha one here. "
    assert c2.suffix == TEXT[s2.end:s2.end + CONTEXT]
    assert len(c5.prefix) == CONTEXT and c5.suffix == " End."  # context clipped at the end
    assert TEXT[c5.start - CONTEXT:c5.end + len(c5.suffix)] == c5.prefix + c5.exact + c5.suffix
    assert b.item(item.id).citations[0] == cite(TEXT, s2)


def test_stored_in_the_file_as_web_annotation_selectors(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s2"])
    b.save(tmp_path / "a.brief")
    raw = json.loads((tmp_path / "a.brief").read_text())["sections"]["claims"][0]["citations"][0]
    assert raw == {"sentence": "s2",
                   "quote": {"exact": "Beta two here.", "prefix": "Alpha one here. ",
                             "suffix": TEXT[30:30 + CONTEXT]},
                   "position": {"start": 16, "end": 30}}


def test_unchanged_text_keeps_the_same_citation_objects(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s1", "s4"])
    again = reload_with_text(b, TEXT, tmp_path)
    assert again.items[0].citations == b.items[0].citations
    assert again.orphaned() == []
    sentences, starts = fresh(TEXT)
    c = b.items[0].citations[0]
    assert reanchor(TEXT, sentences, starts, c) is c


def test_text_inserted_before_moves_ids_and_offsets(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s2", "s5"])
    new_text = "Breaking news first. Then more. " + TEXT
    again = reload_with_text(b, new_text, tmp_path)
    c2, c5 = again.items[0].citations
    assert (c2.sentence_id, c2.exact) == ("s4", "Beta two here.")
    assert new_text[c2.start:c2.end] == "Beta two here."
    assert c5.sentence_id == "s7" and new_text[c5.start:c5.end] == c5.exact
    assert again.orphaned() == []
    assert again.items_citing("s4") == [again.items[0]]


def test_edited_sentence_is_reported_orphaned_and_kept(tmp_path):
    b = make()
    item = b.add_item("claim", "x", ["s2", "s3"])
    again = reload_with_text(b, TEXT.replace("Beta two here.", "Beta two is here now."), tmp_path)
    c2, c3 = again.items[0].citations
    assert c2 == item.citations[0]  # nothing lost: the old quote and place are kept
    assert c3.sentence_id == "s3" and c3.exact == "Gamma three."
    assert again.orphaned() == [(again.items[0], c2)]


def test_deleted_sentence_is_reported_orphaned(tmp_path):
    b = make()
    b.add_item("risk", "r", ["s3"])
    b.add_item("claim", "c", ["s6"])
    again = reload_with_text(b, TEXT.replace("Gamma three. ", ""), tmp_path)
    orphans = again.orphaned()
    assert [(i.kind, c.exact) for i, c in orphans] == [("risk", "Gamma three.")]
    end = again.items[0].citations[0]  # items: claim first
    assert (end.sentence_id, end.exact) == ("s5", "End.")


def test_duplicate_sentence_picks_the_occurrence_with_matching_context(tmp_path):
    b = make()
    b.add_item("claim", "second alpha", ["s4"])  # "Alpha one here." appears as s1 and s4
    b.add_item("actor", "first alpha", ["s1"])
    new_text = "Intro sentence. " + TEXT
    again = reload_with_text(b, new_text, tmp_path)
    second, first = (i.citations[0] for i in again.items)
    assert second.sentence_id == "s5" and second.prefix.endswith("Gamma three. ")
    assert first.sentence_id == "s2" and first.prefix == "Intro sentence. "
    assert again.orphaned() == []


def test_duplicate_added_elsewhere_does_not_steal_the_citation(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s2"])
    new_text = "Beta two here. Lead added on top. " + TEXT + " Beta two here."
    again = reload_with_text(b, new_text, tmp_path)
    c = again.items[0].citations[0]
    assert c.sentence_id == "s4" and c.prefix.endswith("Alpha one here. ")
    assert new_text[c.start:c.end] == "Beta two here."


def test_locate_prefers_context_then_distance():
    text = "X said yes. Y said yes. Z said yes."
    c = Citation("s2", 12, 23, "Y said yes.", "X said yes. ", " Z said yes.")
    assert locate(text, c) == (12, 23)
    shifted = "New. " + text
    assert locate(shifted, c) == (17, 28)
    assert locate("nothing here", c) is None
    assert locate(text, Citation("s1", 0, 0, "", "", "")) is None


@pytest.mark.parametrize("edit", ["insert", "delete-other", "crlf-normalised"])
def test_reanchor_function_directly(edit):
    b = make()
    c = b.add_item("claim", "x", ["s5"]).citations[0]
    new_text = {"insert": "Zero. " + TEXT,
                "delete-other": TEXT.replace("Beta two here. ", ""),
                "crlf-normalised": TEXT.replace("Gamma three. ", "Gamma three.\n")}[edit]
    sentences, starts = fresh(new_text)
    new = reanchor(new_text, sentences, starts, c)
    assert new is not None and new.exact == c.exact
    assert new_text[new.start:new.end] == c.exact
    assert next(s for s in sentences if s.id == new.sentence_id).text == c.exact
