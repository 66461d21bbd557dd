"""Citations store quote + context + offsets, and resolve from them (never from the stored
sentence id) to exact / moved / fuzzy / ambiguous / orphaned after the article changes."""
from __future__ import annotations

import json

import pytest

from briefing import Brief
from briefing.core.anchor import CONTEXT, Citation, cite
from briefing.core.resolve import FUZZY_THRESHOLD, SentenceIndex, resolve, similarity, squash
from briefing.core.update import index_text

TEXT = ("Alpha one here. Beta two here. Gamma three. Alpha one here. Delta four is the "
        "longest sentence of this short article. End.")


def make() -> Brief:
    return Brief.from_text(TEXT)


def reload_with_text(brief: Brief, new_text: str, tmp_path) -> Brief:
    """What happens when the article text of a saved brief was changed: save, edit, load."""
    path = tmp_path / "a.brief"
    brief.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sources"][0]["text"] = new_text
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return Brief.load(path)


def statuses(brief: Brief) -> list[tuple[str, str | None]]:
    """(status, sentence id it points at or suggests) of every citation, in brief order."""
    out = []
    for item in brief.items:
        for c in item.citations:
            r = brief.resolution(c)
            out.append((r.status, r.sentence.id if r.sentence else None))
    return out


def test_citation_stores_quote_prefix_suffix_and_offsets():
    b = make()
    item = b.add_item("claim", "x", ["s2", "s5"])
    c2, c5 = item.citations
    s2 = b.sentence("s2")
    assert (c2.id_hint, c2.start, c2.end, c2.exact) == ("s2", s2.start, s2.end, "Beta two here.")
    assert c2.prefix == TEXT[max(0, s2.start - CONTEXT):s2.start] == "Alpha one here. "
    assert c2.suffix == TEXT[s2.end:s2.end + CONTEXT]
    assert len(c5.prefix) == CONTEXT and c5.suffix == " End."  # context clipped at the end
    assert TEXT[c5.start - CONTEXT:c5.end + len(c5.suffix)] == c5.prefix + c5.exact + c5.suffix
    assert b.item(item.id).citations[0] == cite(TEXT, s2)
    assert c2.review == ""


def test_stored_in_the_file_as_web_annotation_selectors(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s2"])
    b.save(tmp_path / "a.brief")
    raw = json.loads((tmp_path / "a.brief").read_text())["sections"]["claims"][0]["citations"][0]
    assert raw == {"source": "src1", "sentence": "s2",
                   "quote": {"exact": "Beta two here.", "prefix": "Alpha one here. ",
                             "suffix": TEXT[30:30 + CONTEXT]},
                   "position": {"start": 16, "end": 30}}


def test_unchanged_text_is_exact_everywhere(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s1", "s4", "s6"])
    again = reload_with_text(b, TEXT, tmp_path)
    assert again.items[0].citations == b.items[0].citations
    assert statuses(again) == [("exact", "s1"), ("exact", "s4"), ("exact", "s6")]
    assert again.needing_review() == []


def test_text_inserted_before_moves_ids_and_offsets(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s2", "s5"])
    new_text = "Breaking news first. Then more. " + TEXT
    again = reload_with_text(b, new_text, tmp_path)
    assert statuses(again) == [("moved", "s4"), ("moved", "s7")]
    assert again.sentence_ids_of(again.items[0]) == ["s4", "s7"]
    assert again.items_citing("s4") == [again.items[0]]
    assert again.items_citing("s2") == []


def test_edited_sentence_is_fuzzy_and_keeps_its_quote(tmp_path):
    b = make()
    item = b.add_item("claim", "x", ["s2", "s3"])
    again = reload_with_text(b, TEXT.replace("Beta two here.", "Beta two is here now."), tmp_path)
    c2, c3 = again.items[0].citations
    assert c2 == item.citations[0]  # nothing lost: the old quote and place are kept
    r = again.resolution(c2)
    assert (r.status, r.sentence.text, r.trusted) == ("fuzzy", "Beta two is here now.", None)
    assert FUZZY_THRESHOLD <= r.similarity < 1
    assert again.resolution(c3).status == "moved"
    assert again.sentence_ids_of(again.items[0]) == ["s3"]  # the suggestion is not cited
    assert [(i.id, n) for i, n, _, _ in again.needing_review()] == [(item.id, 0)]


def test_deleted_sentence_is_orphaned_and_never_wears_another_face(tmp_path):
    b = make()
    b.add_item("risk", "r", ["s3"])
    b.add_item("claim", "c", ["s6"])
    again = reload_with_text(b, TEXT.replace("Gamma three. ", ""), tmp_path)
    # claim first (section order): "End." is s5 now; "Gamma three." is gone.
    assert statuses(again) == [("moved", "s5"), ("orphaned", None)]
    # s3 is now "Alpha one here." (the old s4): it must not be shown as the risk's source.
    assert again.items_citing("s3") == []
    assert again.sentence_ids_of(again.items[1]) == []


def test_a_repeated_sentence_follows_its_own_context(tmp_path):
    b = make()
    b.add_item("claim", "second alpha", ["s4"])  # "Alpha one here." appears as s1 and s4
    b.add_item("actor", "first alpha", ["s1"])
    again = reload_with_text(b, "Intro sentence. " + TEXT, tmp_path)
    assert statuses(again) == [("moved", "s5"), ("moved", "s2")]


def test_a_copy_added_elsewhere_does_not_steal_the_citation(tmp_path):
    b = make()
    b.add_item("claim", "x", ["s2"])
    new_text = "Beta two here. Lead added on top. " + TEXT + " Beta two here."
    again = reload_with_text(b, new_text, tmp_path)
    assert statuses(again) == [("moved", "s4")]


def test_stored_ids_are_never_believed(tmp_path):
    """A file saying s999999 or s5 beside the quote and position of s1 still cites s1."""
    b = make()
    b.add_item("claim", "x", ["s2"])
    b.add_item("actor", "y", ["s2"])
    path = tmp_path / "ids.brief"
    b.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sections"]["claims"][0]["citations"][0]["sentence"] = "s999999"
    doc["sections"]["actors"][0]["citations"][0]["sentence"] = "s5"
    path.write_text(json.dumps(doc), encoding="utf-8")
    again = Brief.load(path)
    assert statuses(again) == [("exact", "s2"), ("exact", "s2")]
    assert again.items_citing("s5") == [] and len(again.items_citing("s2")) == 2


def test_split_article_edit_the_ids_do_not_survive_issue_example(tmp_path):
    """Same length, one more sentence: every later quote is at its place, every id shifts."""
    text = ("He was asked for comment and initially chose silence. Later he spoke. "
            "Officials confirmed the call. The ministry denied it.")
    b = Brief.from_text(text)
    b.add_item("claim", "x", ["s2", "s3", "s4"])
    b.add_item("actor", "y", ["s1"])
    edited = text.replace("for comment and initially chose", "for comment. So initially chose")
    assert len(edited) == len(text)
    again = reload_with_text(b, edited, tmp_path)
    got = statuses(again)
    # the sentence right after the edit keeps its place but not all of its context: moved
    assert got[:3] == [("moved", "s3"), ("exact", "s4"), ("exact", "s5")]
    assert got[3][0] == "fuzzy"
    for item in again.items:
        for sid, c in zip(again.sentence_ids_of(item), item.citations):
            assert again.sentence(sid).text == c.exact


def test_declined_to_comment_moving_to_another_paragraph_is_ambiguous(tmp_path):
    text = ("Smith was asked about the deal. He declined to comment.\n\n"
            "Brown was asked about the sale. He declined to comment.\n\nThe end came soon.")
    b = Brief.from_text(text)
    b.add_item("claim", "Smith silent", ["s2"])
    edited = text.replace("Smith was asked about the deal. He declined to comment.\n\n",
                          "Smith was asked about the deal.\n\n")
    again = reload_with_text(b, edited, tmp_path)
    r = again.resolution(again.items[0].citations[0])
    assert r.status == "ambiguous" and r.trusted is None
    assert again.items_citing("s3") == []   # Brown's "He declined to comment." is not cited


A = "Alice from the northern office said so. "
B = "Bob from the southern office said it too. "
Q = "Yes it is. "


@pytest.mark.parametrize("side", ["prefix", "suffix"])
def test_each_side_of_the_context_alone_picks_the_copy(side):
    """Two copies whose context differs on one side only: that side alone decides (both
    halves of the context count), even against the copy nearer the old position."""
    shared = "The shared remark that sits beside both. "
    if side == "prefix":   # copies share what follows; cite the one after B
        text, edited = A + Q + shared + B + Q + shared + "End.", B + Q + shared + A + Q + shared + "End."
        cited, want = len(A + Q + shared + B), len(B)
    else:                  # copies share what precedes; cite the one before A
        text, edited = shared + Q + A + shared + Q + B + "End.", shared + Q + B + shared + Q + A + "End."
        cited, want = len(shared), len(shared + Q + B + shared)
    b = Brief.from_text(text)
    c = b.citations_for([b.sentence_at(cited).id])[0]
    index = index_text(edited)
    wrong = [s for s in index.sentences if s.text == Q.strip() and s.start != want][0]
    assert abs(wrong.start - c.start) < abs(want - c.start)  # the wrong copy is the nearer one
    r = resolve(index, c)
    assert (r.status, r.sentence.start) == ("moved", want)


def test_equally_good_copies_are_ambiguous_and_suggest_the_nearest():
    """A paragraph now printed twice: both copies keep the whole context, neither stands at
    the old place, so the context cannot tell: ambiguous, suggesting the nearer copy."""
    para = "The first sentence of the paragraph is long. Beta. The last sentence of it is long too. "
    text = "A short lead. " + para + "The end of the whole article."
    b = Brief.from_text(text)
    c = b.citations_for([b.sentence_at(text.index("Beta.")).id])[0]
    for lead in ("Lead. ", "A much longer lead sentence than before, to push things on. "):
        edited = lead + para + "Between the copies. " + para + "The end."
        r = resolve(index_text(edited), c)
        copies = [edited.index("Beta."), edited.rindex("Beta.")]
        nearest = min(copies, key=lambda at: abs(at - c.start))
        assert (r.status, r.sentence.start) == ("ambiguous", nearest)


def test_many_copies_are_settled_by_verbatim_context():
    """A sentence repeated more than eight times goes through the indexed context lookup."""
    filler = "".join(f"Note {n} follows. It is fine. " for n in range(12))
    text = filler + "Special lead. It is fine. Special tail."
    b = Brief.from_text(text)
    target = [s for s in b.sentences if s.text == "It is fine."][-1]
    c = b.citations_for([target.id])[0]
    moved = "Extra words first. " + text
    r = resolve(index_text(moved), c)
    assert (r.status, r.sentence.start) == ("moved", target.start + len("Extra words first. "))
    at_place = resolve(index_text(text), c)
    assert (at_place.status, at_place.sentence.id) == ("exact", target.id)
    prefix_only = resolve(index_text(text.replace("Special tail.", "Other tail.")), c)
    assert (prefix_only.status, prefix_only.sentence.start) == ("moved", target.start)
    suffix_only = text.replace("Special lead.", "Other lead!")
    r = resolve(index_text(suffix_only), c)
    assert (r.status, r.sentence.start) == ("moved", suffix_only.rindex("It is fine."))
    neither = text.replace("Special lead.", "Other lead!").replace("Special tail.", "Other.")
    r = resolve(index_text(neither), c)
    assert (r.status, r.sentence.start) == ("ambiguous", neither.rindex("It is fine."))


def test_rewrapped_lines_are_moved_not_edited():
    text = "First line of it. A sentence that wraps across two lines here. Last."
    b = Brief.from_text(text)
    c = b.citations_for(["s2"])[0]
    r = resolve(index_text(text.replace("wraps across", "wraps\nacross")), c)
    assert r.status == "moved" and squash(r.sentence.text) == squash(c.exact)


def test_typeset_quotes_are_an_edit_with_full_word_similarity():
    text = 'He said "no" twice. Then he left.'
    c = Brief.from_text(text).citations_for(["s1"])[0]
    r = resolve(index_text(text.replace('"no"', "“no”")), c)
    assert (r.status, r.similarity) == ("fuzzy", 1.0)


def test_unrelated_sentences_stay_below_the_threshold():
    assert similarity("The company denied any contact.",
                      "Markets rose sharply in late trading on Friday.") < FUZZY_THRESHOLD
    assert similarity("Musk met Putin in 2022.", "Musk met the Russian president in 2022.") \
        >= FUZZY_THRESHOLD


def test_a_citation_that_is_not_a_whole_sentence_any_more_is_never_exact():
    """Another segmenter (or a hand-made file) may leave a quote spanning two sentences."""
    text = "One. Two. Three."
    index = SentenceIndex(text, Brief.from_text(text).sentences)
    c = Citation("s1", 0, 9, "One. Two.", "", " Three.")
    r = resolve(index, c)
    assert r.status not in ("exact", "moved")


def test_a_file_from_another_segmenter_resolves_by_quote(tmp_path):
    """Another splitter numbered the ids (quote "Beta two." stored as s3 while it is s2 here):
    the quote, not the stored id or segmenter name, decides."""
    text = "Alpha one. Beta two. Gamma three."
    b = Brief.from_text(text)
    b.add_item("claim", "x", ["s2"])
    path = tmp_path / "other.brief"
    b.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["segmenter"] = "some-other-splitter-9"
    doc["sections"]["claims"][0]["citations"][0]["sentence"] = "s3"
    path.write_text(json.dumps(doc), encoding="utf-8")
    again = Brief.load(path)
    assert statuses(again) == [("exact", "s2")]
    assert again.items_citing("s3") == [] and again.items_citing("s2") == again.items
