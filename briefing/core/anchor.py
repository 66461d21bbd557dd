"""Citations: what the analyst cited, stored so it can be found again.

A citation keeps the quoted sentence as a W3C Web Annotation TextQuoteSelector (exact text
with prefix/suffix context) and TextPositionSelector (start/end code point offsets). The
quote is the truth; the sentence id stored beside it is only a hint (`id_hint`) and is never
believed: briefing.core.resolve works out, from quote, context and position, which sentence
the citation points at now and how sure that is.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

CONTEXT = 32  # characters of prefix/suffix kept, as annotation tools commonly do
FIRST_SOURCE = "src1"  # the source a citation of a one-article (version 1 or 2) brief quotes


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
    """One cited sentence as stored. `review` is a needs-review status ("fuzzy",
    "ambiguous", "orphaned") recorded when an article update could not settle the
    citation; it stays until the analyst accepts, re-links or removes the citation.
    `source` is the id of the source (report) the quote comes from."""
    id_hint: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    review: str = ""
    source: str = FIRST_SOURCE

    def with_review(self, status: str) -> "Citation":
        return replace(self, review=status)


def sentence_id(index: int) -> str:
    """Ids follow reading order: s1, s2, ... (derived from the text, never stored as truth)."""
    return f"s{index + 1}"


def cite(text: str, sentence: Sentence, source: str = FIRST_SOURCE) -> Citation:
    """A citation of one sentence of a source's text, with the context to find it again."""
    return Citation(
        id_hint=sentence.id,
        start=sentence.start,
        end=sentence.end,
        exact=text[sentence.start:sentence.end],
        prefix=text[max(0, sentence.start - CONTEXT):sentence.start],
        suffix=text[sentence.end:sentence.end + CONTEXT],
        source=source,
    )


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence containing offset, by bisection over the sorted sentence starts."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < sentences[i].end:
        return sentences[i]
    return None
