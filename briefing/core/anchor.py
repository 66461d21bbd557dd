"""Citations that find their sentence again after the article text changes.

A citation keeps the sentence id plus a W3C Web Annotation TextQuoteSelector (exact text
with prefix/suffix context) and TextPositionSelector (start/end code point offsets). When
the text is unchanged the position is trusted; otherwise the quote is searched for and the
occurrence whose context and position fit best wins. A citation whose quote is gone is
reported as orphaned rather than silently re-pointed at some other sentence.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

CONTEXT = 32  # characters of prefix/suffix kept, as annotation tools commonly do


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
    sentence_id: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def sentence_id(index: int) -> str:
    """Ids follow reading order: s1, s2, ... (re-anchoring maps old ids to new ones)."""
    return f"s{index + 1}"


def cite(text: str, sentence: Sentence) -> Citation:
    """A citation of one sentence, with the context needed to find it again."""
    return Citation(
        sentence_id=sentence.id,
        start=sentence.start,
        end=sentence.end,
        exact=text[sentence.start:sentence.end],
        prefix=text[max(0, sentence.start - CONTEXT):sentence.start],
        suffix=text[sentence.end:sentence.end + CONTEXT],
    )


def _context_score(text: str, start: int, end: int, c: Citation) -> int:
    """How many characters of the stored prefix/suffix still sit around [start, end)."""
    before = text[max(0, start - len(c.prefix)):start]
    after = text[end:end + len(c.suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(c.prefix)):
        if a != b:
            break
        score += 1
    for a, b in zip(after, c.suffix):
        if a != b:
            break
        score += 1
    return score


def locate(text: str, c: Citation) -> tuple[int, int] | None:
    """Where the cited quote is now: the stored position if it still holds, else best match."""
    if c.exact and text[c.start:c.end] == c.exact:
        return c.start, c.end
    if not c.exact:
        return None
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    at = text.find(c.exact)
    while at != -1:
        key = (-_context_score(text, at, at + len(c.exact), c), abs(at - c.start), at)
        best = key if best is None or key < best else best
        at = text.find(c.exact, at + 1)
    if best is None:
        return None
    return best[2], best[2] + len(c.exact)


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence containing offset, by bisection over the sorted sentence starts."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None


def reanchor(text: str, sentences: list[Sentence], starts: list[int],
             c: Citation) -> Citation | None:
    """The citation refreshed against the current text, or None if it no longer anchors."""
    span = locate(text, c)
    if span is None:
        return None
    sentence = sentence_at(sentences, starts, span[0])
    if sentence is None:
        return None
    if (sentence.id, sentence.start, sentence.end) == (c.sentence_id, c.start, c.end):
        return c
    return cite(text, sentence)
