"""Recall and precision of an article's words: what an importer gave back against the text
the fixture was made from (words as a multiset, case-folded)."""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def words(text: str) -> Counter:
    return Counter(word.casefold().replace("’", "'") for word in _WORD.findall(text))


def recall_precision(expected: str, got: str) -> tuple[float, float]:
    want, have = words(expected), words(got)
    common = sum((want & have).values())
    return common / max(1, sum(want.values())), common / max(1, sum(have.values()))


def missing_and_extra(expected: str, got: str) -> tuple[Counter, Counter]:
    want, have = words(expected), words(got)
    return want - have, have - want
