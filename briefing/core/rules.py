"""The analytic rules of the brief checker: what ICD 203 and the Admiralty code ask of a
brief, each rule a function from the brief (and an item) to findings.

The word lists (hedges, ICD 203 likelihood and confidence terms) live in
``briefing/core/data/check_terms.json`` with their sources named; this module only compiles
them into whole-word, case-insensitive matchers (typographic quotes and dashes folded).
A finding is a plain dict: ``rule``, ``severity``, ``item`` (None for the brief itself),
``message`` (one line), ``words`` (what triggered it) and, where the words are, ``field``
(an item field or "summary") or ``sentences`` (the cited sentences holding them).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from briefing.core.items import Item, text_field

TERMS_FILE = Path(__file__).resolve().parent / "data" / "check_terms.json"
HIGH_CREDIBILITY_DOUBT = frozenset("456")    # doubtful, improbable, cannot be judged
LOW_RELIABILITY = frozenset("DEF")           # not usually reliable, unreliable, cannot be judged
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def fold(text: str) -> str:
    return text.translate(_FOLD)


class Terms:
    """A list of words and phrases matched on whole words, longest first ("very likely"
    before "likely"), case-insensitively."""

    CACHE_LIMIT = 200_000   # texts remembered (item texts and cited sentences)

    def __init__(self, terms: list[str]) -> None:
        ordered = sorted({t.lower() for t in terms}, key=len, reverse=True)
        body = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)
        self._pattern = re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", re.IGNORECASE)
        self._found: dict[str, tuple[str, ...]] = {}

    def find(self, text: str) -> list[str]:
        """The terms in a text, as written there, in order. Remembered per text: the
        checker re-reads 5,000 unchanged items after every edit, and a text that did not
        change has the same words."""
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= self.CACHE_LIMIT:
                self._found.clear()
            folded = text if text.isascii() else fold(text)
            found = self._found[text] = tuple(m.group(0) for m in self._pattern.finditer(folded))
        return list(found)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms stand in a text: (start, end) code-point offsets, in order
        (folding maps one character to one, so the offsets are the text's own)."""
        return [m.span() for m in self._pattern.finditer(fold(text))]


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(TERMS_FILE.read_text(encoding="utf-8"))
    levels = data["likelihood"]["levels"]
    level_of = {" ".join(t.lower().split()): level for level, terms in levels.items() for t in terms}
    return {"hedges": Terms(data["hedges"]["terms"]),
            "likelihood": Terms(list(level_of)), "level_of": level_of,
            "confidence": Terms(data["confidence"]["terms"])}


def level(term: str) -> str:
    """The ICD 203 likelihood level a term expresses ("highly probable" -> "very likely")."""
    return lexicon()["level_of"][" ".join(term.lower().split())]


def finding(rule: str, item: Item | None, message: str, words=(), severity: str = "warning",
            **where) -> dict:
    return {"rule": rule, "severity": severity, "item": item.id if item is not None else None,
            "message": message, "words": list(dict.fromkeys(words)), **where}


def _certainty(item: Item) -> str:
    grades = []
    if item.fields.get("status") == "confirmed":
        grades.append("confirmed")
    if item.fields.get("confidence") == "high":
        grades.append("high confidence")
    return " and ".join(grades)


# ---- the rules -------------------------------------------------------------------------
def unattributed(brief, item: Item) -> list[dict]:
    """A claim that does not say who claims it."""
    if item.kind != "claim" or item.fields["source"].strip():
        return []
    return [finding("unattributed", item, "this claim does not say who makes it: its "
                    "attributed source is empty", field="source")]


def single_source(brief, item: Item) -> list[dict]:
    """Confirmed or high confidence resting on one report (uncited items are `uncited`)."""
    grade = _certainty(item) if item.kind == "claim" else ""
    if not grade or not item.citations or len(brief.source_ids_of(item)) >= 2:
        return []
    return [finding("single-source", item, f"marked {grade} but rests on a single source; "
                    "cite a second report or lower the grade")]


def hedged_confirmed(brief, item: Item) -> list[dict]:
    """Confirmed or high confidence, while every sentence it cites only reports it."""
    grade = _certainty(item) if item.kind == "claim" else ""
    sids = brief.sentence_ids_of(item) if grade else []
    if not sids:
        return []
    hedges = lexicon()["hedges"]
    found = {sid: hedges.find(brief.sentence(sid).text) for sid in sids}
    if not all(found.values()):
        return []      # one cited sentence states it plainly
    words = [w for sid in sids for w in found[sid]]
    quoted = ", ".join(f"“{w}”" for w in dict.fromkeys(w.lower() for w in words))
    return [finding("hedged-confirmed", item, f"marked {grade}, but its sources only report "
                    f"it ({quoted})", words, sentences=sids)]


def estimative_mismatch(brief, item: Item) -> list[dict]:
    """ICD 203 likelihood words in an item's text that contradict its likelihood field, or
    likelihood and confidence words in one statement."""
    name = text_field(item.kind)
    text = item.fields[name]
    terms = lexicon()
    said = terms["likelihood"].find(text)
    out = []
    field = item.fields.get("likelihood")
    contrary = [w for w in said if field is not None and level(w) != field]
    if contrary:
        out.append(finding("estimative-mismatch", item,
                           f"the text says “{contrary[0]}” ({level(contrary[0])}) but the "
                           f"likelihood is {field}", contrary, field=name))
    confident = terms["confidence"].find(text)
    if said and confident:
        out.append(finding("estimative-mismatch", item,
                           f"“{said[0]}” and “{confident[0]}” in one statement: ICD 203 states "
                           "likelihood and confidence apart", [said[0], confident[0]], field=name))
    return out


def grade_confidence(brief, item: Item) -> list[dict]:
    """High confidence on information graded 4-6, or from a source graded D-F."""
    if item.kind != "claim" or item.fields["confidence"] != "high":
        return []
    grade = brief.grade(item)
    doubts = []
    if grade[0] in LOW_RELIABILITY and brief.source_ids_of(item):   # uncited: `uncited` says it
        doubts.append(f"its best source is graded {grade[0]}")
    if grade[1:] in HIGH_CREDIBILITY_DOUBT:
        doubts.append(f"its information is graded {grade[1:]}")
    if not doubts:
        return []
    return [finding("grade-confidence", item, f"high confidence, but {' and '.join(doubts)} "
                    f"({grade})", [grade], field="confidence")]


ITEM_RULES = (unattributed, hedged_confirmed, single_source, estimative_mismatch,
              grade_confidence)


def empty_bottom_line(brief) -> list[dict]:
    if brief.summary.strip():
        return []
    return [finding("empty-bottom-line", None, "the brief has no bottom line (summary)",
                    field="summary")]


def item_findings(brief, item: Item) -> list[dict]:
    return [f for rule in ITEM_RULES for f in rule(brief, item)]
