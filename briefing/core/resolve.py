"""Which sentence a citation points at now, and how sure that is.

The stored quote is the truth. Against the article text as it is, every citation gets one
status:

- ``exact``: the quote is a whole sentence at its stored position, with its context;
- ``moved``: the quote is a whole sentence elsewhere (or differs only in white space, as
  re-wrapped lines do), and context that can tell copies apart says which one (during an
  article update also: one copy in each version, beside an old neighbour);
- ``fuzzy``: the quote was edited; the best-matching sentence is suggested, if its word
  similarity is at least FUZZY_THRESHOLD;
- ``ambiguous``: found only in a different context, or equally well in several places;
- ``orphaned``: nothing close enough.

The last three "need review": the UI, the exports and `briefing check` never present the
suggested sentence as the one cited. Similarity is rapidfuzz's normalised Indel similarity
over word tokens (case, typographic quotes and dashes folded), so "Musk met Putin" and
"Musk met the Russian president" compare by words, not letters.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Indel

from briefing.core.anchor import CONTEXT, Citation, Sentence, sentence_at, sentence_id
from briefing.core.segment import split_sentences

STATUSES = ("exact", "moved", "fuzzy", "ambiguous", "orphaned")
NEEDS_REVIEW = frozenset({"fuzzy", "ambiguous", "orphaned"})
FUZZY_THRESHOLD = 0.5   # word similarity a reworded sentence keeps; unrelated ones score ~0.2
_POOL = 24              # fuzzy candidates scored per citation (by shared rare words)

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                       "‚": "'", "–": "-", "—": "-", "‐": "-", "‑": "-", "…": "..."})


def squash(text: str) -> str:
    """White space runs as one space, ends trimmed: re-wrapping does not change a quote."""
    return " ".join(text.split())


def _fold(text: str) -> str:
    """Typographic quotes, dashes and ellipses as ASCII (ASCII text, the common case, as is)."""
    return text if text.isascii() else text.translate(_FOLD)


def words(text: str) -> list[str]:
    return _TOKEN.findall(_fold(text.casefold()))


def similarity(a: str, b: str) -> float:
    """How well sentence b matches quote a, in [0, 1] (threshold: FUZZY_THRESHOLD)."""
    return _score(words(a), words(b), _names(a), _names(b))


@dataclass(frozen=True)
class Resolution:
    status: str
    sentence: Sentence | None  # where it points (exact/moved) or the suggestion; None if orphaned
    similarity: float

    @property
    def needs_review(self) -> bool:
        return self.status in NEEDS_REVIEW

    @property
    def trusted(self) -> Sentence | None:
        """The sentence the citation may be shown as citing: never a suggestion."""
        return None if self.needs_review else self.sentence


@dataclass(frozen=True)
class _Fit:
    """How well the context around a candidate sentence matches the stored context."""
    sentence: Sentence
    prefix: float   # 1.0 = the stored prefix is intact
    suffix: float

    @property
    def intact_sides(self) -> int:
        return (self.prefix == 1.0) + (self.suffix == 1.0)

    def rank(self, c: Citation) -> tuple:
        return (-self.intact_sides, -(self.prefix + self.suffix), abs(self.sentence.start - c.start))


class SentenceIndex:
    """One text's sentences with the lookups resolution needs, built lazily once per text."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    @classmethod
    def of(cls, text: str) -> "SentenceIndex":
        """The text segmented into sentences s1, s2, ... in reading order."""
        return cls(text, [Sentence(sentence_id(i), s, e, text[s:e])
                          for i, (s, e) in enumerate(split_sentences(text))])

    def at(self, offset: int) -> Sentence | None:
        return sentence_at(self.sentences, self.starts, offset)

    @cached_property
    def by_quote(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, s in enumerate(self.sentences):
            out.setdefault(squash(s.text), []).append(i)
        return out

    def verbatim(self, quote: str) -> list[Sentence]:
        """Sentences equal to the quote up to white space."""
        return [self.sentences[i] for i in self.by_quote.get(squash(quote), ())]

    @cached_property
    def _contexts(self) -> tuple[dict, dict]:
        """(quote, the CONTEXT characters before) and (quote, those after) -> sentence
        indices: which copies of a repeated sentence keep each side of a stored context."""
        before: dict[tuple[str, str], set[int]] = {}
        after: dict[tuple[str, str], set[int]] = {}
        text = self.text
        for key, ids in self.by_quote.items():
            for i in ids:
                s = self.sentences[i]
                before.setdefault((key, text[max(0, s.start - CONTEXT):s.start]), set()).add(i)
                after.setdefault((key, text[s.end:s.end + CONTEXT]), set()).add(i)
        return before, after

    def with_context(self, c: Citation) -> tuple[set[int], set[int]]:
        """The copies of c's quote that keep its stored prefix, and those that keep its
        suffix. A side shorter than CONTEXT must reach that end of the text, except a
        prefix not cut by the start of the text (stored short by another tool): any copy
        whose text before ends with it keeps it."""
        key = squash(c.exact)
        before, after = self._contexts
        if _short_prefix(c):
            text, ids = self.text, self.by_quote.get(key, ())
            kept = {i for i in ids if text.endswith(c.prefix, 0, self.sentences[i].start)}
            return kept, after.get((key, c.suffix), set())
        return before.get((key, c.prefix), set()), after.get((key, c.suffix), set())

    @cached_property
    def _words(self) -> list[list[str]]:
        return [words(s.text) for s in self.sentences]

    @cached_property
    def _postings(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for i, toks in enumerate(self._words):
            for t in set(toks):
                out.setdefault(t, []).append(i)
        return out

    def similar(self, quote: str, near: int) -> list[tuple[float, Sentence]]:
        """The best-matching sentences, best first: candidates share the quote's rarer
        words, plus the sentences around its old position."""
        toks = words(quote)
        cap = max(40, len(self.sentences) // 50)
        lists = sorted((self._postings.get(t, []) for t in set(toks)), key=len)
        hits: Counter = Counter()
        for n, postings in enumerate(lists):
            if len(postings) > cap and n >= 2:
                break
            hits.update(postings)
        pool = {i for i, _ in hits.most_common(_POOL)}
        i = max(0, _index_near(self.starts, near))
        pool.update(range(max(0, i - 2), min(len(self.sentences), i + 3)))
        names = _names(quote)
        scored = [(_score(toks, self._words[j], names, _names(self.sentences[j].text)),
                   self.sentences[j]) for j in pool]
        return sorted(scored, key=lambda x: (-x[0], abs(x[1].start - near)))


_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'’-]+")


def _names(quote: str) -> set[str]:
    """Capitalised words inside the quote (not its first word): who and where it is about."""
    return {_fold(w.casefold()) for w in _NAME.findall(quote)}


def _score(quote: list[str], candidate: list[str], names: set[str],
           candidate_names: set[str]) -> float:
    """Word similarity (rapidfuzz Indel over words). Two refinements, both documented:
    a quote of four or more words whose words survive (90% or more, in order) inside a
    longer sentence, i.e. merged into it, scores at least FUZZY_THRESHOLD; and a candidate
    naming others and none of the quote's names, when it has two or more, scores 0 ("The
    Russian Embassy did not respond…" is no edit of "The Marshall Islands registry did not
    respond…")."""
    if len(names) >= 2 and not names & set(candidate) and candidate_names and candidate_names - names:
        return 0.0   # about someone else: it names others and none of the quote's
    ratio = Indel.normalized_similarity(quote, candidate)
    if ratio < FUZZY_THRESHOLD and len(quote) >= 4 and len(candidate) > len(quote):
        kept = (len(quote) + len(candidate) - Indel.distance(quote, candidate)) / 2 / len(quote)
        if kept >= 0.9:
            return FUZZY_THRESHOLD
    return ratio


def _index_near(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _short_prefix(c: Citation) -> bool:
    """The stored prefix is shorter than CONTEXT though the text did not start there: it
    was stored short (cut at a line start by another tool, or edited by hand), so it
    claims nothing about the start of the text."""
    return len(c.prefix) < CONTEXT and c.start != len(c.prefix)


def _side(window: str, stored: str, at_edge: bool, prefix: bool) -> float:
    """1.0 if the stored context (white space squashed) is intact, else its similarity."""
    want = _SPACE.sub(" ", _fold(stored))   # re-wrapped or re-typeset context
    have = _SPACE.sub(" ", _fold(window))   # is the same context
    if at_edge:  # stored context was cut by the start/end of the text: must be there too
        return 1.0 if have == want else Indel.normalized_similarity(have, want)
    part = have[len(have) - len(want):] if prefix else have[:len(want)]
    return 1.0 if part == want else Indel.normalized_similarity(part, want)


def _fit(text: str, s: Sentence, c: Citation) -> _Fit:
    """A stored side shorter than CONTEXT was cut by that end of the text, so elsewhere it
    is intact only where the text ends there too. Not so for a prefix stored short
    (_short_prefix), nor at the stored position, where the quote standing after its stored
    prefix is all the evidence needed (the text may have grown after a clipped suffix)."""
    before_edge = len(c.prefix) < CONTEXT and not _short_prefix(c)
    after_edge = len(c.suffix) < CONTEXT and s.start != c.start
    before = text[max(0, s.start - 2 * CONTEXT):s.start]
    after = text[s.end:s.end + 2 * CONTEXT]
    if before_edge and s.start > 2 * CONTEXT:
        before = "\x00" + before   # far from the start: cannot equal a clipped prefix
    if after_edge and len(text) - s.end > 2 * CONTEXT:
        after = after + "\x00"
    return _Fit(s, _side(before, c.prefix, before_edge, True), _side(after, c.suffix, after_edge, False))


def _context_stands(text: str, c: Citation) -> bool:
    """The stored prefix and suffix stand verbatim around the stored position (the cheap,
    common case: an unchanged article), however short they are."""
    return (c.start >= len(c.prefix) and text.startswith(c.prefix, c.start - len(c.prefix))
            and text.startswith(c.suffix, c.end))


def resolve(index: SentenceIndex, c: Citation, cited_in: SentenceIndex | None = None) -> Resolution:
    """Resolve one citation against a text. `cited_in`, known during an article update, is
    the text the citation was made in: it says which context sides told copies apart, and
    a quote that was one sentence there and is one sentence here, next to one of its old
    neighbours, is the same sentence."""
    text = index.text
    here = index.at(c.start)
    if here is not None and (here.start, here.end) == (c.start, c.end) and here.text == c.exact:
        if _context_stands(text, c) or _fit(text, here, c).intact_sides == 2:
            return Resolution("exact", here, 1.0)
    candidates = index.verbatim(c.exact)
    if candidates:
        return _among_verbatim(index, c, candidates, cited_in)
    return _closest(index, c)


def _among_many(index: "SentenceIndex", c: Citation, candidates: list[Sentence]) -> Resolution:
    """A much-repeated sentence: settled by verbatim context alone, nearest copy first."""
    before, after = index.with_context(c)
    both = before & after
    for sides, group in ((2, both), (1, before ^ after)):
        if not group:
            continue
        s = index.sentences[min(group, key=lambda i: abs(index.sentences[i].start - c.start))]
        if len(group) == 1 or (sides == 2 and s.start == c.start):
            here = s.start == c.start and s.text == c.exact and sides == 2
            return Resolution("exact" if here else "moved", s, 1.0)
        return Resolution("ambiguous", s, 1.0)
    return Resolution("ambiguous", min(candidates, key=lambda s: abs(s.start - c.start)), 1.0)


def _telling_sides(text: str, c: Citation, cited_in: SentenceIndex | None) -> tuple[bool, bool]:
    """Whether the stored prefix and suffix can tell the cited copy from other copies.

    During an update the old text says: a side shared by several copies of the quote
    there proves nothing. Without it (a hand-edited file), a side whose words stand in more
    than one place now proves nothing either: 'asked about the leak on Monday.' before two
    'He declined to comment.' cannot say which one was cited."""
    if cited_in is not None:
        before, after = cited_in.with_context(c)
        return len(before) <= 1, len(after) <= 1
    head, tail = c.prefix.rstrip(), c.suffix.lstrip()
    return (not head or text.count(head) <= 1), (not tail or text.count(tail) <= 1)


def _neighbour_kept(index: SentenceIndex, cited_in: SentenceIndex, c: Citation,
                    s: Sentence) -> bool:
    """A sentence next to the quote in the old text is still next to it in the new one."""
    old = cited_in.at(c.start)
    if old is None:
        return False
    i_old = _index_near(cited_in.starts, old.start)
    i_new = _index_near(index.starts, s.start)
    before = {squash(x.text) for x in cited_in.sentences[max(0, i_old - 1):i_old]
              + cited_in.sentences[i_old + 1:i_old + 2]}
    around = index.sentences[max(0, i_new - 1):i_new] + index.sentences[i_new + 1:i_new + 2]
    return any(squash(x.text) in before for x in around)


def _among_verbatim(index: SentenceIndex, c: Citation, candidates: list[Sentence],
                    cited_in: SentenceIndex | None) -> Resolution:
    text = index.text
    if len(candidates) > 8:
        return _among_many(index, c, candidates)
    fits = sorted((_fit(text, s, c) for s in candidates), key=lambda f: f.rank(c))
    best = fits[0]
    if best.intact_sides == 2 and best.sentence.start == c.start and best.sentence.text == c.exact:
        return Resolution("exact", best.sentence, 1.0)
    tells = _telling_sides(text, c, cited_in)

    def evidence(f: _Fit) -> int:
        """Intact sides that can tell copies apart; an empty side (the start or end of the
        text) counts only beside the other side, or at the stored place."""
        at_place = f.sentence.start == c.start
        sides = []
        for intact, other, stored, telling in ((f.prefix == 1.0, f.suffix, c.prefix, tells[0]),
                                               (f.suffix == 1.0, f.prefix, c.suffix, tells[1])):
            # a side shared by several places tells only with the other side nearly intact
            telling = telling or (cited_in is None and other >= 0.8)
            sides.append(intact and telling and (bool(stored.strip()) or at_place))
        return sum(sides)

    scored = sorted(fits, key=lambda f: (-evidence(f), f.rank(c)))
    top = evidence(scored[0])
    leaders = [f for f in scored if evidence(f) == top]
    if top and len(leaders) == 1:
        return Resolution("moved", leaders[0].sentence, 1.0)
    at_place = [f for f in leaders if f.sentence.start == c.start]
    if top == 2 and len(at_place) == 1:   # equal context: the copy at the old place is it
        return Resolution("moved", at_place[0].sentence, 1.0)
    if top == 1:   # one side each: the rest of the context must clearly prefer one copy
        sums = sorted((f.prefix + f.suffix, n) for n, f in enumerate(leaders))
        if sums[-1][0] - sums[-2][0] >= 0.25:
            return Resolution("moved", leaders[sums[-1][1]].sentence, 1.0)
    if len(candidates) == 1 and cited_in is not None and not c.review \
            and len(cited_in.verbatim(c.exact)) == 1 \
            and _neighbour_kept(index, cited_in, c, candidates[0]):  # the same sentence
        return Resolution("moved", candidates[0], 1.0)
    return Resolution("ambiguous", scored[0].sentence, 1.0)


def _closest(index: SentenceIndex, c: Citation) -> Resolution:
    scored = index.similar(c.exact, c.start)
    if not scored or scored[0][0] < FUZZY_THRESHOLD:
        return Resolution("orphaned", None, round(scored[0][0], 3) if scored else 0.0)
    top, best = scored[0]
    rivals = [s for sim, s in scored[1:] if sim == top and squash(s.text) != squash(best.text)]
    if rivals:
        fits = sorted((_fit(index.text, s, c) for s in [best, *rivals]), key=lambda f: f.rank(c))
        if fits[0].rank(c)[:2] == fits[1].rank(c)[:2]:
            return Resolution("ambiguous", fits[0].sentence, round(top, 3))
        best = fits[0].sentence
    return Resolution("fuzzy", best, round(top, 3))
