"""The brief checker's analytic rules: each with sentences that fire it and near-misses
that must not, and a brief with planted problems where each is found under its rule id on
the right item and nothing on the clean ones."""
from __future__ import annotations

import pytest

from briefing import Brief
from briefing.core.rules import Terms, level, lexicon

REPORT = (
    "The minister allegedly met the envoy in March. "
    "According to officials, the deal was signed. "
    "The ministry confirmed the meeting took place on Tuesday. "
    "The company is said to be preparing a bid. "
    "The contract was signed on Friday. "
    "Critics called the move unwise."
)


def brief(summary: str = "Bottom line.") -> Brief:
    b = Brief.from_text(REPORT, title="Wire", outlet="Wire")
    b.set_meta("summary", summary)
    b.set_meta("article.reliability", "B")
    return b


def sid(b: Brief, fragment: str) -> str:
    return next(s.id for s in b.sentences if fragment in s.text)


def claim(b: Brief, text: str, fragments=("contract was signed",), source="Wire", **fields):
    item = b.add_item("claim", text, [sid(b, f) for f in fragments])
    b.set_field(item.id, "source", source)
    b.set_field(item.id, "credibility", fields.pop("credibility", "2"))
    for name, value in fields.items():
        b.set_field(item.id, name, value)
    return item


def rules_for(b: Brief, item) -> list[str]:
    return [f["rule"] for f in b.check()["findings"] if f["item"] == item.id]


def only(b: Brief, item, rule: str) -> dict:
    found = [f for f in b.check()["findings"] if f["item"] == item.id and f["rule"] == rule]
    assert len(found) == 1, found
    return found[0]


# ---- term matching ---------------------------------------------------------------------
def test_terms_match_whole_words_longest_first_case_and_quotes_folded():
    t = Terms(["likely", "very likely", "it is alleged"])
    assert t.find("Very  likely, and LIKELY too") == ["Very  likely", "LIKELY"]
    assert t.find("unlikely; likelyhood; the likely-case") == []
    assert t.find("It is alleged that") == ["It is alleged"]
    assert level("highly probable") == "very likely" and level("Remote") == "almost no chance"


def test_the_word_lists_name_their_sources():
    import json
    from briefing.core.rules import TERMS_FILE
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    for key in ("hedges", "likelihood", "confidence"):
        assert "ICD 203" in data[key]["source"]
    assert lexicon()["hedges"].find("He reportedly left.") == ["reportedly"]


# ---- unattributed ------------------------------------------------------------------------
def test_unattributed_fires_on_an_empty_or_blank_source_only_for_claims():
    b = brief()
    empty = claim(b, "Signed", source="")
    blank = claim(b, "Signed again", source="   ")
    fine = claim(b, "Signed too", source="Ministry")
    actor = b.add_item("actor", "Minister", [sid(b, "minister")])
    assert only(b, empty, "unattributed")["field"] == "source"
    assert "unattributed" in rules_for(b, blank)
    assert rules_for(b, fine) == [] and rules_for(b, actor) == []


# ---- hedged-confirmed --------------------------------------------------------------------
@pytest.mark.parametrize("fragment, word", [
    ("allegedly met", "allegedly"),
    ("According to officials", "According to"),
    ("is said to be", "is said to"),
])
def test_hedged_confirmed_fires_when_every_cited_sentence_only_reports(fragment, word):
    b = brief()
    item = claim(b, "Claimed fact", (fragment,), status="confirmed")
    found = only(b, item, "hedged-confirmed")
    assert found["words"] == [word] and found["sentences"] == [sid(b, fragment)]
    assert word.lower() in found["message"]


def test_hedged_confirmed_also_fires_on_high_confidence():
    b = brief()
    item = claim(b, "Claimed fact", ("allegedly met",), confidence="high")
    assert "hedged-confirmed" in rules_for(b, item)


def test_hedged_confirmed_near_misses():
    b = brief()
    plain_too = claim(b, "Signed", ("According to officials", "contract was signed"),
                      status="confirmed")
    reported = claim(b, "Met", ("allegedly met",), status="reported", confidence="moderate")
    confirmed_verb = claim(b, "Meeting", ("ministry confirmed",), status="confirmed")
    assert "hedged-confirmed" not in rules_for(b, plain_too)     # one sentence states it
    assert "hedged-confirmed" not in rules_for(b, reported)      # the claim says "reported"
    assert "hedged-confirmed" not in rules_for(b, confirmed_verb)   # "confirmed" is no hedge


# ---- single-source -----------------------------------------------------------------------
def test_single_source_fires_for_confirmed_on_one_report_and_not_on_two():
    b = brief()
    other = b.add_source_text("The contract was signed on Friday, the ministry said.", title="Ministry")
    one = claim(b, "Signed", status="confirmed")
    two = claim(b, "Signed", status="confirmed")
    b.link(two.id, [other.sentences[0].id])
    low = claim(b, "Signed", status="reported", confidence="moderate")
    assert "single-source" in rules_for(b, one)
    assert "single-source" not in rules_for(b, two) and "single-source" not in rules_for(b, low)


# ---- estimative-mismatch -----------------------------------------------------------------
def test_a_risk_whose_text_contradicts_its_likelihood():
    b = brief()
    risk = b.add_item("risk", "The deal will very likely collapse.", [sid(b, "Critics")])
    b.set_field(risk.id, "likelihood", "unlikely")
    found = only(b, risk, "estimative-mismatch")
    assert found["words"] == ["very likely"] and found["field"] == "description"
    assert "very likely" in found["message"] and "unlikely" in found["message"]


@pytest.mark.parametrize("text, likelihood", [
    ("The deal will very likely collapse.", "very likely"),
    ("The deal is highly probable to collapse.", "very likely"),   # a synonym of the field
    ("The deal may collapse.", "unlikely"),                        # no ICD 203 term
    ("An unlikelihood-of-success clause.", "likely"),              # not a whole word
])
def test_estimative_near_misses(text, likelihood):
    b = brief()
    risk = b.add_item("risk", text, [sid(b, "Critics")])
    b.set_field(risk.id, "likelihood", likelihood)
    assert "estimative-mismatch" not in rules_for(b, risk)


def test_likelihood_and_confidence_in_one_statement():
    b = brief()
    item = claim(b, "We assess with high confidence that the deal is likely to hold.")
    found = only(b, item, "estimative-mismatch")
    assert found["words"] == ["likely", "high confidence"]
    apart = claim(b, "We have high confidence in the ministry's account.")
    assert "estimative-mismatch" not in rules_for(b, apart)


# ---- grade-confidence --------------------------------------------------------------------
@pytest.mark.parametrize("reliability, credibility, fires", [
    ("B", "2", False), ("C", "3", False), ("B", "4", True), ("A", "6", True),
    ("D", "2", True), ("F", "1", True), ("E", "5", True),
])
def test_grade_confidence(reliability, credibility, fires):
    b = brief()
    b.set_meta("article.reliability", reliability)
    item = claim(b, "Signed", confidence="high", credibility=credibility)
    assert ("grade-confidence" in rules_for(b, item)) is fires
    if fires:
        assert only(b, item, "grade-confidence")["words"] == [f"{reliability}{credibility}"]


def test_grade_confidence_is_quiet_below_high_confidence():
    b = brief()
    b.set_meta("article.reliability", "E")
    item = claim(b, "Signed", confidence="moderate", credibility="5")
    assert "grade-confidence" not in rules_for(b, item)


# ---- empty-bottom-line -------------------------------------------------------------------
@pytest.mark.parametrize("summary, fires", [("", True), ("  \n ", True), ("Signed.", False)])
def test_empty_bottom_line(summary, fires):
    found = [f for f in brief(summary).check()["findings"] if f["rule"] == "empty-bottom-line"]
    assert bool(found) is fires
    if fires:
        assert found[0]["item"] is None and found[0]["field"] == "summary"


# ---- a brief with planted problems -------------------------------------------------------
def test_planted_problems_are_found_on_their_items_and_clean_items_stay_clean():
    b = brief(summary="")
    second = b.add_source_text("The contract was signed on Friday, the ministry said.",
                               title="Ministry", reliability="B")
    corroborated = claim(b, "The contract was signed.", status="confirmed", confidence="moderate")
    b.link(corroborated.id, [second.sentences[0].id])
    clean = [
        corroborated,
        claim(b, "Met in March, reportedly.", ("allegedly met",)),
        b.add_item("actor", "The minister", [sid(b, "minister")]),
        b.add_item("question", "Who signed?", [sid(b, "contract")]),
    ]
    risk_ok = b.add_item("risk", "The deal is unlikely to hold.", [sid(b, "Critics")])
    b.set_field(risk_ok.id, "likelihood", "unlikely")
    clean.append(risk_ok)
    planted = {
        "unattributed": claim(b, "Signed", source=""),
        "hedged-confirmed": claim(b, "Met", ("allegedly met", "is said to be"),
                                  status="confirmed", confidence="moderate"),
        "grade-confidence": claim(b, "Signed", confidence="high", credibility="5"),
        "uncited": b.add_item("question", "When?"),
    }
    risk = b.add_item("risk", "Collapse is almost certain.", [sid(b, "Critics")])
    b.set_field(risk.id, "likelihood", "unlikely")
    planted["estimative-mismatch"] = risk
    rep = b.check()
    by_item: dict[str, set[str]] = {}
    for f in rep["findings"]:
        by_item.setdefault(f["item"], set()).add(f["rule"])
    for rule, item in planted.items():
        assert rule in by_item[item.id], (rule, by_item.get(item.id))
    for item in clean:
        assert item.id not in by_item, by_item[item.id]
    assert by_item[None] == {"empty-bottom-line"}
    # confirmed/high on one report is also single-source: the planted claims say so too
    assert by_item[planted["hedged-confirmed"].id] == {"hedged-confirmed", "single-source"}
    assert rep["ok"] is False and rep["counts"]["findings"]["empty-bottom-line"] == 1
    for f in rep["findings"]:
        assert set(f) >= {"rule", "severity", "item", "message", "words"}
        assert "\n" not in f["message"]


def test_a_clean_brief_has_no_findings_and_check_exits_0(tmp_path, capsys):
    from briefing.cli import main
    b = brief()
    claim(b, "The contract was signed.", status="reported", confidence="moderate")
    path = tmp_path / "clean.brief"
    b.save(path)
    assert b.check()["findings"] == []
    assert main(["check", str(path)]) == 0


def test_findings_follow_every_change_the_rules_read():
    """The checker remembers each item's findings while what they depend on is unchanged:
    a field, the citations (and what they resolve to) and the sources' grades each count."""
    b = brief()
    item = claim(b, "Signed", confidence="high", credibility="2")
    assert rules_for(b, item) == ["single-source"]
    b.set_meta("article.reliability", "D")                 # a source's grade
    assert "grade-confidence" in rules_for(b, item)
    b.set_meta("article.reliability", "B")
    b.set_field(item.id, "source", "")                     # a field
    assert "unattributed" in rules_for(b, item)
    b.set_field(item.id, "source", "Wire")
    b.set_citations(item.id, [])                            # the citations
    assert rules_for(b, item) == ["uncited"]
    b.link(item.id, [sid(b, "allegedly met")])
    assert "hedged-confirmed" in rules_for(b, item)
    b.set_article_text(REPORT.replace("allegedly met", "met"))   # what they resolve to
    assert "hedged-confirmed" not in rules_for(b, item)
