"""Admiralty grades: a source's reliability (A-F) and a claim's credibility (1-6), declared
once with the other fields, checked, saved and combined into a claim's grade ("B2")."""
import json

import pytest

from briefing import Brief
from briefing.core.items import (CREDIBILITY, FIELDS, RELIABILITY, SOURCE_RELIABILITY,
                                 field_spec)
from briefing.io.schema import SCHEMA


def brief() -> Brief:
    b = Brief.from_text("Officials said the talks failed. The ministry denied it.", title="Paper")
    b.add_source_text("The ministry said the talks went well. Nothing else.", title="Ministry")
    return b


def test_vocabularies_sit_with_the_field_declarations_and_reach_the_schema():
    assert RELIABILITY == ("A", "B", "C", "D", "E", "F") and CREDIBILITY == tuple("123456")
    spec = field_spec("claim", "credibility")
    assert spec.choices == CREDIBILITY and spec in FIELDS["claim"]
    assert spec.choice_text("2") == "2 — probably true"
    assert SOURCE_RELIABILITY.choice_text("E") == "E — unreliable"
    assert SOURCE_RELIABILITY.choice_text("F") == "F — reliability cannot be judged"
    claim_schema = SCHEMA["properties"]["sections"]["properties"]["claims"]["items"]
    assert claim_schema["properties"]["credibility"] == {"enum": list(CREDIBILITY)}
    source_schema = SCHEMA["properties"]["sources"]["items"]
    assert source_schema["properties"]["reliability"] == {"enum": list(RELIABILITY)}


def test_new_sources_and_claims_start_ungraded():
    b = brief()
    claim = b.add_item("claim", "Talks failed", ["s1"])
    assert b.article.reliability == "F" and claim.credibility == "6"
    assert b.grade(claim) == "F6"
    assert b.grade(b.add_item("actor", "Ministry", ["s2"])) == ""


def test_grade_takes_the_most_reliable_source_cited_and_the_claims_credibility():
    b = brief()
    claim = b.add_item("claim", "Talks", ["s1", "src2:s1"])
    b.set_meta("article.reliability", "C")
    b.set_meta("source.src2.reliability", "B")
    b.set_field(claim.id, "credibility", "2")
    assert b.grade(claim) == "B2"
    b.unlink(claim.id, "src2:s1")
    assert b.grade(claim) == "C2"


@pytest.mark.parametrize("name, value", [("article.reliability", "G"),
                                         ("source.src2.reliability", "b"),
                                         ("source.src2.reliability", "")])
def test_grades_outside_the_vocabulary_are_refused(name, value):
    b = brief()
    with pytest.raises(ValueError, match="reliability must be one of"):
        b.set_meta(name, value)
    claim = b.add_item("claim", "x")
    with pytest.raises(ValueError, match="credibility must be one of"):
        b.set_field(claim.id, "credibility", "7")
    with pytest.raises(ValueError, match="reliability must be one of"):
        b.new_source("text.", reliability="Z")


def test_grades_round_trip_and_a_bad_grade_in_a_file_is_one_line(tmp_path):
    b = brief()
    b.set_meta("source.src2.reliability", "A")
    claim = b.add_item("claim", "x", ["src2:s1"])
    b.set_field(claim.id, "credibility", "1")
    path = tmp_path / "a.brief"
    b.save(path)
    again = Brief.load(path)
    assert again.source("src2").reliability == "A" and again.grade(again.items[0]) == "A1"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sources"][1]["reliability"] = "Q"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(Exception, match=r"'Q' is not one of .*\(at sources\[1\]\.reliability\)"):
        Brief.load(path)


def test_dismissed_suggestions_are_remembered_in_the_file(tmp_path):
    b = brief()
    assert b.set_dismissed("claim:abc", True) is False
    assert b.set_dismissed("claim:abc", True) is True     # once only
    b.set_dismissed("actor:x", True)
    b.set_dismissed("actor:x", False)
    path = tmp_path / "a.brief"
    b.save(path)
    assert Brief.load(path).dismissed == ["claim:abc"]
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["brief"]["dismissed"]                        # optional: older v4 files lack it
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert Brief.load(path).dismissed == []
