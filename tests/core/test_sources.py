"""A brief over several sources: ids, citations, resolution, updates and corroboration per
source, through the public API (no display)."""
import json

import pytest

from briefing import Brief
from briefing.core.source import sentence_number, source_of_sentence
from briefing.io.errors import BriefingFileError

ARTICLE = ("Officials said Musk spoke to Putin often. The Kremlin denied it. "
           "Musk declined to comment.")
DENIAL = "Peskov said there was one call only. He called the report false."
EMOJI_CRLF = "Intro line 😀 here.\r\nThe ministry 👍 confirmed the call.\r\nNothing else."


def three() -> tuple[Brief, object, object]:
    b = Brief.from_text(ARTICLE, title="Paper")
    tass = b.add_source_text(DENIAL, title="TASS", outlet="TASS", published="2024-10-26",
                             url="https://tass.example/1")
    ministry = b.add_source_text(EMOJI_CRLF, title="Ministry statement")
    b.set_meta("summary", "Contacts reported, and denied.")   # no empty-bottom-line finding
    return b, tass, ministry


def claim(b: Brief, text: str, ids: list[str], source: str = "Officials"):
    """An attributed claim (no unattributed finding)."""
    item = b.add_item("claim", text, ids)
    b.set_field(item.id, "source", source)
    return item


def test_sources_have_ids_and_sentence_ids_unique_within_the_brief():
    b, tass, ministry = three()
    assert [s.id for s in b.sources] == ["src1", "src2", "src3"]
    assert b.article is b.sources[0] and b.article.title == "Paper"
    assert (tass.title, tass.outlet, tass.url) == ("TASS", "TASS", "https://tass.example/1")
    ids = [s.id for s in b.sentences]
    assert len(ids) == len(set(ids)) == 3 + 2 + 3
    assert [s.id for s in tass.sentences] == ["src2:s1", "src2:s2"]
    assert [s.id for s in b.article.sentences] == ["s1", "s2", "s3"]   # as one-article briefs
    assert source_of_sentence("src2:s2") == "src2" and sentence_number("src2:s2") == 2
    assert b.sentence("src2:s2").text == "He called the report false."
    assert ministry.text == EMOJI_CRLF.replace("\r\n", "\n")     # stored normalised
    assert ministry.sentences[1].text == "The ministry 👍 confirmed the call."


def test_add_item_cites_sentences_of_any_source_and_counts_corroboration():
    b, tass, ministry = three()
    claim = b.add_item("claim", "Contacts denied", ["s2", tass.sentences[0].id,
                                                    ministry.sentences[1].id])
    assert [c.source for c in claim.citations] == ["src1", "src2", "src3"]
    assert b.source_ids_of(claim) == ["src1", "src2", "src3"]
    only_tass = b.add_item("claim", "One call", [tass.sentences[0].id])
    assert b.source_ids_of(only_tass) == ["src2"]
    assert b.items_citing("src2:s1") == [claim, only_tass]
    assert b.coverage("src2") == (1, 2) and b.coverage("src1") == (1, 3)


def test_citations_resolve_against_their_own_source():
    b, tass, _ = three()
    same_words = b.add_source_text(ARTICLE, title="Copy of the paper")   # identical text
    item = b.add_item("claim", "x", [same_words.sentences[1].id])
    r = b.resolution(item.citations[0])
    assert r.status == "exact" and r.sentence.id == f"{same_words.id}:s2"
    assert b.sentence_ids_of(item) == [f"{same_words.id}:s2"]


def test_update_of_one_source_touches_only_its_citations():
    b, tass, _ = three()
    item = claim(b, "x", ["s1", tass.sentences[1].id])
    rep = b.update_article("Peskov said there was one call only. Nothing more.", source="src2")
    statuses = {c["source"]: c["status"] for c in rep["citations"]}
    assert statuses == {"src2": "orphaned"}
    assert b.resolution(item.citations[0]).status == "exact"    # src1's citation untouched
    assert item.citations[1].review == "orphaned" and b.article.text == ARTICLE
    assert [f["rule"] for f in rep["findings"]] == ["citation-review"]


def test_check_json_names_each_citations_source_and_flags_single_source_certainty():
    b, tass, _ = three()
    confirmed = b.add_item("claim", "One call took place", [tass.sentences[0].id])
    b.set_field(confirmed.id, "status", "confirmed")
    high = b.add_item("claim", "Denied", ["s2"])
    b.set_field(high.id, "confidence", "high")
    two = b.add_item("claim", "Denied twice", ["s2", tass.sentences[1].id])
    b.set_field(two.id, "status", "confirmed")
    b.set_field(two.id, "confidence", "high")
    plain = b.add_item("claim", "Reported only", ["s1"])   # reported, low: one source is fine
    actor = b.add_item("actor", "Peskov", [tass.sentences[0].id])   # not a claim
    rep = b.check()
    assert {c["item"]: c["source"] for c in rep["citations"] if c["item"] != two.id} == {
        confirmed.id: "src2", high.id: "src1", plain.id: "src1", actor.id: "src2"}
    single = {f["item"]: f["message"] for f in rep["findings"] if f["rule"] == "single-source"}
    assert set(single) == {confirmed.id, high.id}
    assert "confirmed" in single[confirmed.id] and "high confidence" in single[high.id]
    assert rep["ok"] is False


def test_a_claim_whose_second_source_needs_review_is_single_source_again():
    b, tass, _ = three()
    two = claim(b, "Denied twice", ["s2", tass.sentences[1].id])
    b.set_field(two.id, "status", "confirmed")
    assert b.check()["ok"]
    b.update_article("Peskov said there was one call only.", source="src2")
    assert {f["rule"] for f in b.check()["findings"]} == {"citation-review", "single-source"}


def test_remove_source_takes_its_citations_and_undo_data_restores_them():
    b, tass, _ = three()
    item = b.add_item("claim", "x", ["s1", tass.sentences[0].id])
    index, source, old = b.remove_source("src2")
    assert index == 1 and source is tass and [c.source for c in item.citations] == ["src1"]
    assert [s.id for s in b.sources] == ["src1", "src3"]
    with pytest.raises(ValueError, match="no sentence"):
        b.sentence("src2:s1")
    b.insert_source(source, index, old)
    assert [s.id for s in b.sources] == ["src1", "src2", "src3"]
    assert b.sentence_ids_of(item) == ["s1", "src2:s1"]


def test_the_last_source_cannot_be_removed_and_move_keeps_ids():
    b, tass, ministry = three()
    assert b.move_source("src3", 0) == 2
    assert [s.id for s in b.sources] == ["src3", "src1", "src2"]
    assert b.article is ministry and ministry.sentences[0].id == "src3:s1"   # ids stay
    b.remove_source("src1")
    b.remove_source("src2")
    with pytest.raises(ValueError, match="at least one source"):
        b.remove_source("src3")


def test_new_source_ids_never_collide():
    b, _, _ = three()
    first, second = b.new_source("A."), b.new_source("B.")
    assert first.id != second.id and not b.has_source(first.id)
    b.add_source(second)
    b.add_source(first)
    with pytest.raises(ValueError, match="already in the brief"):
        b.add_source(first)
    with pytest.raises(ValueError, match="no field"):
        b.new_source("C.", publisher="x")


def test_source_metadata_is_set_like_brief_metadata():
    b, tass, _ = three()
    assert b.set_meta("source.src2.outlet", "TASS news agency") == "TASS"
    assert tass.outlet == "TASS news agency" and b.get_meta("source.src2.outlet") == tass.outlet
    assert b.set_meta("article.title", "Paper (updated)") == "Paper"
    with pytest.raises(ValueError, match="no field"):
        b.set_meta("source.src2.text", "sneaky")
    with pytest.raises(ValueError, match="no source"):
        b.set_meta("source.src9.title", "x")


def test_multi_source_round_trip_is_byte_identical(tmp_path):
    b, tass, ministry = three()
    claim(b, "x", ["s1", tass.sentences[0].id, ministry.sentences[1].id])
    b.add_item("risk", "y", [ministry.sentences[2].id])
    first, second = tmp_path / "a.brief", tmp_path / "b.brief"
    b.save(first)
    again = Brief.load(first)
    again.save(second)
    assert first.read_bytes() == second.read_bytes()
    assert [(s.id, s.title, s.text) for s in again.sources] == \
        [(s.id, s.title, s.text) for s in b.sources]
    assert [again.sentence_ids_of(i) for i in again.items] == [b.sentence_ids_of(i) for i in b.items]
    assert again.check()["ok"]
    lines = first.read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith('    {"id": "src') for line in lines) == 3   # one line per source


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["sections"]["claims"][0]["citations"][0].update(source="src9"),
     r"cites source 'src9'.*\(at sections\.claims\[0\]\.citations\[0\]\.source\)"),
    (lambda d: d["sources"][1].update(id="src1"), r"duplicate source id 'src1'"),
    (lambda d: d.update(sources=[]), r"sources"),
    (lambda d: d["sources"][0].update(id="bad id!"), r"does not match|pattern"),
    (lambda d: d["sections"]["claims"][0]["citations"][0].pop("source"), r"'source' is a required"),
])
def test_hand_edited_sources_are_one_line_errors(tmp_path, edit, message):
    b, tass, _ = three()
    b.add_item("claim", "x", [tass.sentences[0].id])
    path = tmp_path / "a.brief"
    b.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(BriefingFileError, match=message) as error:
        Brief.load(path)
    assert "\n" not in str(error.value) and str(error.value).startswith(str(path))


def test_add_source_file_and_from_files_read_any_importer_format(tmp_path):
    html = tmp_path / "ministry.html"
    html.write_text("<html><head><title>Ministry reacts</title></head><body><article>"
                    "<p>The ministry said it was reviewing the reports. Officials declined "
                    "to comment further.</p></article></body></html>", encoding="utf-8")
    text = tmp_path / "paper.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    b = Brief.from_files([text, html])
    assert [s.title for s in b.sources] == ["Paper", "Ministry reacts"]
    src = b.add_source_file(text)
    assert src.id == "src3" and src.text == ARTICLE and len(src.sentences) == 3
    with pytest.raises(BriefingFileError, match="no such file"):
        b.add_source_file(tmp_path / "missing.pdf")
    assert len(b.sources) == 3
    with pytest.raises(ValueError, match="needs some text"):
        b.add_source_text("   ")
