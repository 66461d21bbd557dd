"""Offline suggestions (issue 13, part 3): actors, attributed claims and open questions,
measured against a hand-annotated set (tests/core/data/suggest/) and pinned by sentences
that must trigger and near-misses that must not."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing import Brief
from briefing.core.items import ACTOR_TYPES, CLAIM_STATUSES
from briefing.core.suggest import Suggestion, suggest, suggestion_key

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data" / "suggest"
KINDS = ("actor", "claim", "question")

# What the rules reach on the annotated set today (README, "Suggestions"); the floors sit a
# little below so a change that costs quality fails here.
# (precision, recall) floors over the whole set, held-out article included.
FLOORS = {"actor": (0.9, 0.9), "claim": (0.9, 0.85), "question": (0.9, 0.9)}


# ---- scoring ------------------------------------------------------------------------------
def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def annotated() -> list[tuple[str, dict, Brief]]:
    out = []
    for path in sorted(DATA.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / gold["text"]).read_text(encoding="utf-8")
        out.append((path.stem, gold, Brief.from_text(text)))
    return out


def _score_kind(kind: str, found: list[Suggestion], gold: dict, brief) -> dict:
    """tp/fp/fn per kind; a second suggestion for the same expected entry counts as junk;
    one matching an 'optional' entry counts neither way. Also how many matched claims get
    the expected source and status, and matched actors the expected type."""
    expected = gold[kind + "s"]
    optional = gold.get(f"optional_{kind}s", [])
    hit: set[int] = set()
    tp = fp = right_type = right_source = sourced = right_status = 0
    for s in (f for f in found if f.kind == kind):
        index = _match(kind, s, expected, brief)
        if index is None:
            fp += 0 if _match_optional(kind, s, optional, brief) else 1
            continue
        if index in hit:
            fp += 1
            continue
        hit.add(index)
        tp += 1
        want = expected[index]
        if kind == "actor":
            right_type += s.fields["actor_type"] == want["type"]
        if kind == "claim":
            right_status += s.fields["status"] == want["status"]
            if want["source"]:
                sourced += 1
                right_source += _same_source(s.fields["source"], want["source"])
    return {"tp": tp, "fp": fp, "fn": len(expected) - len(hit), "type": right_type,
            "status": right_status, "source": right_source, "sourced": sourced}


def _match(kind: str, s: Suggestion, expected: list[dict], brief) -> int | None:
    for i, want in enumerate(expected):
        if kind == "actor":
            if _norm(s.text) in {_norm(n) for n in [want["name"], *want["aliases"]]}:
                return i
        elif any(want["fragment"] in brief.sentence(sid).text for sid in s.sentence_ids):
            return i
    return None


def _match_optional(kind: str, s: Suggestion, optional: list[str], brief) -> bool:
    if kind == "actor":
        return _norm(s.text) in {_norm(o) for o in optional}
    return any(o in brief.sentence(sid).text for o in optional for sid in s.sentence_ids)


def _same_source(found: str, want: str) -> bool:
    a, b = _norm(found), _norm(want)
    return bool(a) and (b in a or a in b)


def evaluate(held_out: bool | None = None) -> dict[str, dict]:
    """Totals per kind over the annotated set (or only its held-out / tuned-on articles):
    tp, fp, fn, precision, recall and the accuracy of types (actors), sources and statuses
    (claims)."""
    totals = {k: {"tp": 0, "fp": 0, "fn": 0, "type": 0, "status": 0, "source": 0, "sourced": 0}
              for k in KINDS}
    for _, gold, brief in annotated():
        if held_out is not None and gold.get("held_out", False) != held_out:
            continue
        found = suggest(brief)
        for kind in KINDS:
            for name, value in _score_kind(kind, found, gold, brief).items():
                totals[kind][name] += value
    for t in totals.values():
        t["precision"] = t["tp"] / max(1, t["tp"] + t["fp"])
        t["recall"] = t["tp"] / max(1, t["tp"] + t["fn"])
    return totals


# ---- quality over the annotated set ------------------------------------------------------
def test_the_set_has_three_articles_or_more_and_the_sample():
    names = [name for name, _, _ in annotated()]
    assert len(names) >= 3 and "musk-putin-contacts" in names
    for _, gold, brief in annotated():   # every fragment names a sentence of its article
        for kind in ("claims", "questions"):
            for want in gold[kind]:
                assert any(want["fragment"] in s.text for s in brief.sentences), want


@pytest.mark.parametrize("kind", KINDS)
def test_precision_and_recall_per_kind_stay_above_their_floors(kind):
    scores = evaluate()[kind]
    precision_floor, recall_floor = FLOORS[kind]
    assert scores["precision"] >= precision_floor, scores
    assert scores["recall"] >= recall_floor, scores


def test_matched_actors_have_the_right_type_and_claims_the_right_source_and_status():
    scores = evaluate()
    assert scores["actor"]["type"] >= 0.95 * scores["actor"]["tp"]
    assert scores["claim"]["status"] >= 0.9 * scores["claim"]["tp"]
    assert scores["claim"]["source"] >= 0.8 * scores["claim"]["sourced"]


def test_values_respect_the_vocabularies_and_every_suggestion_says_why():
    for _, _, brief in annotated():
        ids = {s.id for s in brief.sentences}
        for s in suggest(brief):
            assert s.kind in KINDS and s.text and s.reason and s.sentence_ids
            assert set(s.sentence_ids) <= ids
            assert "“" in s.reason                     # it quotes its trigger
            if s.kind == "actor":
                assert s.fields["actor_type"] in ACTOR_TYPES
            if s.kind == "claim":
                assert s.fields["status"] in CLAIM_STATUSES and "source" in s.fields


# ---- triggers and near-misses ------------------------------------------------------------
def one(text: str, kind: str | None = None) -> list[Suggestion]:
    found = suggest(Brief.from_text(text))
    return [s for s in found if kind is None or s.kind == kind]


def actor_names(text: str) -> list[str]:
    return [s.text for s in one(text, "actor")]


@pytest.mark.parametrize("sentence, source, status, verb", [
    ("The talks collapsed, according to the Wall Street Journal.", "Wall Street Journal",
     "reported", "according to"),
    ("The Kremlin denied that Putin had met Musk.", "Kremlin", "denied", "denied"),
    ("Defence Minister Anna Berg confirmed that two ships were damaged.",
     "Defence Minister Anna Berg", "confirmed", "confirmed"),
    ("Two ships were damaged, the ministry said on Monday.", "ministry", "reported", "said"),
    ("The militia disputed the casualty figures.", "militia", "disputed", "disputed"),
    ("The factory was allegedly used to assemble drones.", "", "reported", "allegedly"),
    ("Prices reportedly doubled in March.", "", "reported", "reportedly"),
])
def test_attributed_claims_take_source_and_status_from_the_sentence(sentence, source, status, verb):
    claims = one(sentence, "claim")
    assert len(claims) == 1, claims
    c = claims[0]
    assert (c.fields["source"], c.fields["status"]) == (source, status)
    assert c.sentence_ids == ("s1",) and verb in c.reason


def test_claim_text_is_the_reported_content():
    c, = one("The company said its systems had been restored.", "claim")
    assert c.text == "Its systems had been restored."
    c, = one("Officials said the convoy was attacked near the border.", "claim")
    assert c.text == "The convoy was attacked near the border." and c.fields["source"] == "Officials"
    c, = one('"We will not pay," Lind said.', "claim")
    assert c.text == "We will not pay." and c.fields["source"] == "Lind"


def test_a_pronoun_speaker_is_taken_for_the_person_named_before():
    text = "Kremlin spokesman Dmitri Peskov spoke on Friday. He denied any meeting."
    c, = one(text, "claim")
    assert c.fields == {"source": "Dmitri Peskov", "status": "denied"}
    assert "“He” taken as Dmitri Peskov" in c.reason


@pytest.mark.parametrize("sentence", [
    "The so-called peace plan was published on Friday.",          # "said" hides in nothing
    "The aforesaid agreement expired in May.",
    'She starred in the film "Reportedly Yours" last year.',     # a hedge inside a title
    'The novel "Allegedly" sold well.',
    "The claims were investigated by the board.",                 # a noun, not a verb
    "The Baltic states have tightened their borders.",
    "Musk's claims about the launch were wide of the mark.",
    "He did not confirm the figures.",                            # negated: not a claim
    "The ministry has not denied the reports of a second leak.",
])
def test_near_misses_propose_no_claim(sentence):
    assert one(sentence, "claim") == []


@pytest.mark.parametrize("sentence, trigger", [
    ("The ministry did not say when the talks would resume.", "did not say"),
    ("Nordhavn declined to comment.", "declined to comment"),
    ("The regulator has yet to publish its findings.", "has yet to"),
    ("It is unclear who ordered the strike.", "It is unclear"),
    ("The embassy did not respond to a request for comment.", "did not respond"),
    ("The value of the contract was not disclosed.", "was not disclosed"),
])
def test_open_questions_from_what_the_text_says_is_unknown(sentence, trigger):
    q, = one(sentence, "question")
    assert q.text.startswith("Unanswered: “") and trigger in q.reason
    assert q.fields == {} and q.sentence_ids == ("s1",)


@pytest.mark.parametrize("sentence", [
    "It is clear that the talks failed.",
    "The band played Unknown Pleasures in full.",
    'He called it "an unknown quantity" on air.',
    "The yet-to-be-named envoy arrived.",
])
def test_near_misses_propose_no_question(sentence):
    assert one(sentence, "question") == []


# ---- actors -------------------------------------------------------------------------------
def test_actor_mentions_merge_across_forms_and_take_their_role():
    text = ("Russian President Vladimir Putin met Elon Musk in March. Putin said the talks "
            "were useful. President Putin later left. Musk did not comment. "
            "Kremlin spokesman Dmitry Peskov confirmed the meeting. Peskov added nothing.")
    actors = {s.text: s for s in one(text, "actor")}
    assert set(actors) == {"Vladimir Putin", "Elon Musk", "Dmitry Peskov", "Kremlin"}
    putin = actors["Vladimir Putin"]
    assert putin.fields == {"actor_type": "person", "role": "Russian President"}
    assert putin.sentence_ids == ("s1", "s2", "s3")          # the first few that name him
    assert "named 3 times" in putin.reason and "“Russian President” precedes" in putin.reason
    assert actors["Dmitry Peskov"].fields["role"] == "Kremlin spokesman"
    assert "“Kremlin spokesman” precedes the name" in actors["Dmitry Peskov"].reason
    assert "(as “Elon Musk”, “Musk”)" in actors["Elon Musk"].reason


def test_organisations_and_states_are_typed():
    text = ("The Ministry of Defence said Russia and Ukraine had agreed a truce. "
            "Security firm Halcyon said NATO was informed. Nordhavn Logistics shut its "
            "terminals, and Nordhavn later reopened two.")
    actors = {s.text: s.fields["actor_type"] for s in one(text, "actor")}
    assert actors == {"Ministry of Defence": "organisation", "Russia": "state",
                      "Ukraine": "state", "Halcyon": "organisation", "NATO": "organisation",
                      "Nordhavn Logistics": "organisation"}


@pytest.mark.parametrize("text", [
    "Meanwhile the talks stalled. However, nothing changed. Despite this, they met.",
    "The vote is on Monday. Results come in November. Parliament meets on Friday.",
    "Officials said little. Investigators arrived on Tuesday.",
    "TALLINN, March 12 — The port reopened.",
    "The Black Sea and the Crimean Peninsula were quiet. Europe watched.",
    "The Chinese delegation met Russian officials.",              # demonyms are not states
])
def test_capitalised_openers_months_places_and_demonyms_are_not_actors(text):
    assert actor_names(text) == []


def test_a_crosshead_is_not_read_for_names():
    text = "Kremlin Affirms Space Talks\n\nThe spokesman said little."
    assert "Kremlin Affirms Space Talks" not in actor_names(text)
    assert actor_names(text) == []


# ---- dismissal, existing items, several sources -------------------------------------------
def sample() -> Brief:
    return Brief.from_text((ROOT / "seeds/musk-putin-contacts.txt").read_text(encoding="utf-8"))


def test_keys_are_stable_and_a_dismissed_key_is_not_returned():
    first, again = suggest(sample()), suggest(sample())
    assert [s.key for s in first] == [s.key for s in again]
    assert len({s.key for s in first}) == len(first)
    gone = {first[0].key, first[-1].key}
    left = suggest(sample(), dismissed=frozenset(gone))
    assert [s.key for s in left] == [s.key for s in first if s.key not in gone]


def test_the_key_hashes_kind_text_and_quotes():
    assert suggestion_key("claim", "A b.", ["x"]) == suggestion_key("claim", "a  B", [" x "])
    assert suggestion_key("claim", "A b.", ["x"]) != suggestion_key("question", "A b.", ["x"])
    assert suggestion_key("claim", "A b.", ["x"]) != suggestion_key("claim", "A b.", ["y"])


def test_suggestions_are_frozen_and_hashable():
    s = one("Prices reportedly doubled.", "claim")[0]
    with pytest.raises(Exception):
        s.text = "x"
    with pytest.raises(TypeError):
        s.fields["status"] = "confirmed"
    assert {s: 1}[s] == 1 and dict(s.fields)["status"] == "reported"


def test_what_the_brief_already_has_is_not_proposed_again():
    brief = sample()
    before = suggest(brief)
    claim = next(s for s in before if s.kind == "claim")
    question = next(s for s in before if s.kind == "question")
    brief.add_item("actor", "Peskov")                     # the surname is enough
    brief.add_item("actor", "Vladimir Putin")
    brief.add_item("claim", "Something else", [claim.sentence_ids[0]])
    brief.add_item("question", "Why?", list(question.sentence_ids))
    brief.add_item("risk", "A risk", ["s4", "s22"])       # other kinds do not count
    after = suggest(brief)
    texts = {s.text for s in after}
    assert "Dmitri Peskov" not in texts and "Vladimir Putin" not in texts
    assert claim.key not in {s.key for s in after} and question.key not in {s.key for s in after}
    assert len(after) == len(before) - 4


def test_the_sample_brief_already_holds_some_of_what_is_proposed():
    brief = Brief.load(ROOT / "seeds/musk-putin-contacts.brief")
    names = {s.text for s in suggest(brief) if s.kind == "actor"}
    assert not names & {"Elon Musk", "Vladimir Putin", "SpaceX", "Dmitri Peskov", "Xi Jinping"}
    assert "Donald Trump" in names


def test_several_sources_cite_sentences_of_each_and_merge_actors_across_them():
    brief = Brief.from_text("Elon Musk met officials in Berlin. Musk said the talks went well.")
    tass = brief.add_source_text("Kremlin spokesman Dmitri Peskov denied any meeting with "
                                 "Musk. The Kremlin declined to comment further.", title="TASS")
    found = suggest(brief)
    musk = next(s for s in found if s.text == "Elon Musk")
    assert musk.sentence_ids == ("s1", "s2", f"{tass.id}:s1")
    assert "named 3 times" in musk.reason
    denial = next(s for s in found if s.kind == "claim" and s.fields["status"] == "denied")
    assert denial.sentence_ids == (f"{tass.id}:s1",)
    assert denial.fields["source"] == "Kremlin spokesman Dmitri Peskov"
    question = next(s for s in found if s.kind == "question")
    assert question.sentence_ids == (f"{tass.id}:s2",)


def test_the_word_list_ships_with_the_package_and_names_its_sources():
    from importlib import resources
    data = json.loads(resources.files("briefing.core").joinpath("data/suggest_lexicon.json")
                      .read_text(encoding="utf-8"))
    for name, entry in data.items():
        if not name.startswith("_"):
            assert entry.get("_source"), name
