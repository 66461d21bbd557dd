"""Rule-based English sentence segmentation tuned for news prose.

Design (why it is fast): instead of walking the text character by character,
compiled regular expressions find the few interesting places — the start of
each non-blank line and each run of terminal punctuation (``. ? ! …``) that is
followed by whitespace.  Only those candidates get Python-level checks, which
look at the word before the terminator (abbreviation sets, initials, dotted
acronyms) and the word after it (lowercase continuation, common sentence
starters).  The text is never copied as a whole; everything works on offsets.

Layout rules: a blank line always ends a segment, and a line break ends a
segment unless the next line starts in lowercase (a hard-wrapped sentence), so
a heading on its own line is never merged with the paragraph that follows.
"""

from __future__ import annotations

import re

__all__ = ["SEGMENTER_ID", "split_sentences"]

# Stored in .brief files: sentence ids are numbered by this segmenter's output, so a file
# written by another revision has its citations re-anchored on load. Bump on any change
# to where sentences split.
SEGMENTER_ID = "briefing-segment-2"  # 2: a lowercase one-letter word can end a sentence

# Line-break characters as understood by str.splitlines(); all are whitespace.
_NL = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_RE = re.compile(r"\S[^%s]*" % _NL)
_BREAK_RE = re.compile(r"\r\n|[%s]" % _NL)

# A candidate boundary: a terminator — a run of . ? ! … possibly continued by
# a spaced ellipsis ". . ." (group 1 holds all but its first char) — then
# closing quotes/brackets (group 2); it must be followed by whitespace or the
# chunk end, so "3.5%", "example.com/x" and "Jr.'s" are never candidates.
# Group 3 (in the lookahead) is the first character of what follows.  The
# pattern starts with a plain character class so the regex engine can skip
# ahead quickly; the word before is looked up only for actual candidates.
# Matches start only at the beginning of a run (the lookbehinds) and use
# possessive quantifiers (Python 3.11+), so long runs like "!?!?...x" or
# ". . . .x" are scanned once instead of quadratically.
_CLOSERS = "\"'”’»)]"
_TERM_RE = re.compile(
    r"[.?!…](?<![.?!…].)(?<!\. \.)([.?!…]*+(?: \.)*+)([%s]*+)(?=\s+(\S)|\s*$)"
    % re.escape(_CLOSERS)
)
_TOKEN_WINDOW = 64  # longest token examined before a terminator
_OPENERS = "\"'“‘«([{"
_WORD_RE = re.compile(r"\w+")
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.-?)+[^\W\d_]")  # U.S, e.g, Ph.D, U.S.A, J.-P

_BULLETS = "•⁃▪◦‣"
_BULLET_RE = re.compile(r"[%s]" % _BULLETS)
# Marks that open a list line ("- ", "* ", "– ", "> "); only _BULLETS also cut inside a line.
_LIST_MARKS = _BULLETS + "-*+–—‐‑·>■□●○◆◇►▸→➢➤✓✔"
_LEADERS = _OPENERS + _LIST_MARKS  # stripped from a token before its word is looked up
_LIST_START_RE = re.compile(r"(?:[%s]\s*)?(\d{1,2}|[a-z])(\.\)|\.|\))\s" % re.escape(_LIST_MARKS))
# A list label opening its sentence, up to its full stop: list marks, spaces and openers,
# then "1", "12", "1.2", "a", "B", "iv" or "XII" (roman up to 39).
_LABEL_RE = re.compile(
    r"[\s%s%s]*(?:\d{1,3}(?:\.\d{1,3}){0,2}|[^\W\d_]|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"
    % (re.escape(_LIST_MARKS), re.escape(_OPENERS)), re.IGNORECASE)
# A line ending in an initial after a space or an opener ("He met J.", "by J.-P."): the
# sentence rules decide at its line break as at a space (_chunks). Dotted letters
# ("U.S.") are left out: at the end of a line they end a paragraph far more often.
_INITIAL_WINDOW = 16  # characters read back from a line's end for its last full stop
_INITIAL_AT_END_RE = re.compile(
    r"(?:(?<=[^\S%s])|(?<=[%s])|(?<=\.-))[^\W\d_]\.\s*$" % (_NL, re.escape(_OPENERS)))

# Titles before a name: a following capital is the name, never a new sentence.
_NEVER_SPLIT = frozenset(
    "mr mrs ms dr prof sen sens rep reps gov gen col lt sgt capt cmdr adm maj "
    "cpl pvt st mt ft rev hon pres supt insp det messrs mme mlle "
    "e.g i.e cf viz vs v".split()
)
# Abbreviations that precede a number ("No. 5", "p. 55", "N°. 12").
_NUMBER_ABBR = frozenset(
    "no nos nr n° p pp vol vols fig figs art sec ch chap para op tel ed approx ca".split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that may end a sentence ("... with Pitt, Briggs & Co. It ...").
_AMBIGUOUS = frozenset(
    "etc inc corp co ltd llc plc jr sr bros dept univ assn ave blvd rd est "
    "govt intl natl al".split()
)
# Words naming a label: a capital letter after them is the label, not an initial
# ("option X. Nobody objected", "Plan B. Officials agreed", "World War I. Historians").
_LABEL_NOUNS = frozenset(
    "option options plan plans project vitamin hepatitis group category class type grade "
    "section part phase stage level tier annex appendix exhibit schedule article chapter "
    "figure table item point model series version block building gate terminal wing zone "
    "area floor row seat room unit ward platform route line channel column letter team "
    "person suspect witness patient country company party war".split()
)
_TIME = frozenset(("a.m", "p.m"))
_SPECIAL = _NEVER_SPLIT | _NUMBER_ABBR | _MONTHS | _AMBIGUOUS
_TIME_FOLLOWERS = frozenset(
    "eastern pacific central mountain et est edt cst cdt pst pdt gmt utc bst cet "
    "local monday tuesday wednesday thursday friday saturday sunday".split()
)
# Words that usually begin a sentence: after an ambiguous abbreviation they
# signal a boundary ("in the U.S. How about you?" vs "the U.S. Government").
_STARTERS = frozenset(
    "a an the he she it they we i you his her its their our my your this that "
    "these those there here but and or so yet however meanwhile moreover still "
    "then in on at for as if when while after before since although though "
    "what why how who where which did do does is are was were can could will "
    "would should may might must no not yes one some many most all both each "
    "such also other another according last next".split()
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) as Python str (code point) offsets into text.

    Each ``text[start:end]`` is stripped and non-empty; spans are ordered,
    disjoint and cover every non-whitespace character of ``text``.
    """
    spans: list[tuple[int, int]] = []
    for cs, ce in _chunks(text):
        for ls, le in _list_items(text, cs, ce):
            _split_chunk(text, ls, le, spans)
    return spans


def _chunks(text: str):
    """Yield (start, end) of paragraph chunks: runs of lines that belong together.

    A following line is glued on only when exactly one line break separates it
    and it starts in lowercase, or the line ends in an initial ("He met J."), where
    the sentence rules decide as they do at a space; otherwise headings would
    swallow paragraphs.
    """
    cur_s = cur_e = -1
    for m in _LINE_RE.finditer(text):
        s = m.start()
        if cur_s >= 0:
            if (text[s].islower() or _ends_in_initial(text, cur_s, cur_e)) \
                    and len(_BREAK_RE.findall(text, cur_e, s)) == 1:
                cur_e = m.end()
                continue
            yield cur_s, cur_e
        cur_s, cur_e = s, m.end()
    if cur_s >= 0:
        yield cur_s, cur_e


def _ends_in_initial(text: str, ls: int, le: int) -> bool:
    """The line text[ls:le] ends in an initial; only its last few characters are read."""
    dot = text.rfind(".", max(ls, le - _INITIAL_WINDOW), le)
    if dot < ls + 2 or text[dot - 2].isalnum():   # no room for " X.", or "word." (most lines)
        return False
    return _INITIAL_AT_END_RE.match(text, dot - 1, le) is not None


def _list_items(text: str, cs: int, ce: int) -> list[tuple[int, int]]:
    """Split a chunk before bullets and before sequential list markers.

    Enumerations written inline ("1. The first item 2. The second item") have
    no terminal punctuation, so they are found by looking for the next marker
    in sequence (2 after 1, b after a) with the same style of separator.
    """
    cuts = [b.start() for b in _BULLET_RE.finditer(text, cs, ce)]
    cuts = [c for c in cuts if text[c - 1].isspace()]
    m = _LIST_START_RE.match(text, cs, ce)
    if m:
        cuts.extend(_sequential_markers(text, m, ce))
    if not cuts:
        return [(cs, ce)]
    bounds = [cs] + sorted(set(c for c in cuts if cs < c < ce)) + [ce]
    return list(zip(bounds, bounds[1:]))


def _sequential_markers(text: str, m: re.Match, ce: int) -> list[int]:
    """Offsets of the list markers that follow the first one, in order."""
    val, sep = m.group(1), m.group(2)
    pos, found = m.end(), []
    while True:
        val = str(int(val) + 1) if val.isdigit() else chr(ord(val) + 1)
        pat = r"\s((?:[%s]\s*)?%s%s)\s" % (_BULLETS, re.escape(val), re.escape(sep))
        nxt = re.compile(pat).search(text, pos, ce)
        if not nxt:
            return found
        found.append(nxt.start(1))
        pos = nxt.end(1)


def _split_chunk(text: str, cs: int, ce: int, spans: list) -> None:
    """Append the sentence spans of text[cs:ce] (cs is non-space) to spans.

    Terminators and closers are non-space and the next sentence starts at the
    next non-space character, so spans come out stripped without slicing.
    """
    start = cs
    for m in _TERM_RE.finditer(text, cs, ce):
        n = m.start(3)
        if n < 0:
            break
        if text[n].islower():
            continue  # lowercase continuation: never a boundary
        cut = _boundary(text, start, m, n, ce)
        if cut > 0:
            spans.append((start, cut))
            start = n if cut == m.end() else cut + 1
    while text[ce - 1].isspace():
        ce -= 1
    spans.append((start, ce))


def _token_before(text: str, start: int, k: int) -> str:
    """The whitespace-delimited token ending at k ('' if k follows a space)."""
    if k == start or text[k - 1].isspace():
        return ""
    return text[max(start, k - _TOKEN_WINDOW):k].rsplit(None, 1)[-1]


def _boundary(text: str, start: int, m: re.Match, n: int, ce: int) -> int:
    """Where the sentence ends if candidate m is a boundary, else -1.

    start: beginning of the current sentence; n: first non-space after m.
    """
    c = text[n]
    while c in _OPENERS and n < ce - 1:
        n += 1
        c = text[n]
    if c.islower():
        return -1
    k = m.start()
    tok = _token_before(text, start, k)
    term = text[k:m.end(1)]
    if term == ".":
        if tok.isalpha() and len(tok) > 1 and tok.lower() not in _SPECIAL \
                and (tok.strip("ivxIVX") or not _LABEL_RE.fullmatch(text, start, k)):
            return m.end()  # fast path: an ordinary word ends the sentence
        word = _WORD_RE.match(text, n)
        nxt_word = word.group().lower() if word else ""
        ends = _period_ends(text, start, k - len(tok), tok, c, nxt_word)
        return m.end() if ends else -1
    if "?" in term or "!" in term:
        return m.end()
    return _ellipsis_boundary(m, tok, term)


def _ellipsis_boundary(m: re.Match, tok: str, term: str) -> int:
    """Ellipses end a sentence only when attached to a word (or four spaced dots).

    "that.... She" splits; "is . . . I didn't" and "[...]" do not; in
    "compounds. . . . The" the first dot ends the sentence and the spaced
    ellipsis opens the next one (Chicago style).
    """
    if not tok:
        return m.end() if term.count(".") >= 4 else -1
    if tok[-1] in _OPENERS and (tok[-1] not in "\"'" or len(tok) == 1 or not tok[-2].isalnum()):
        return -1  # it opens a quote or bracket: '"… and then', '(...)'; 'the "no"…' ends
    if term.startswith(". ") and term.count(".") >= 4:
        return m.start() + 1
    return m.end()


def _period_ends(text: str, start: int, tstart: int, tok: str, c: str, nxt: str) -> bool:
    """Decide whether a single period after tok ends the sentence.

    c is the first character of the next sentence candidate (not lowercase),
    nxt the next word lowercased.
    """
    core = tok.lstrip(_LEADERS)
    low = core.lower()
    if not core or low in _NEVER_SPLIT:
        return False
    if _LABEL_RE.fullmatch(text, start, tstart + len(tok)):
        return False  # a list label opening the sentence ("- 1.", "• iv.", "(a."), not an ending
    dotted = _DOTTED_RE.fullmatch(core) is not None
    if c.isdigit():
        return not (low in _NUMBER_ABBR or low in _MONTHS or low in _AMBIGUOUS or dotted)
    if len(core) == 1 and core.isalpha():  # "J. Trump" goes on; "was x. Then" ends
        return _initial_ends(text, start, tstart, c, nxt) if core.isupper() else nxt in _STARTERS
    if low in _TIME:
        return _time_ends(text, start, tstart, nxt)
    if low in _AMBIGUOUS or low in _MONTHS or low in _NUMBER_ABBR or dotted:
        return nxt in _STARTERS
    return True


def _initial_ends(text: str, start: int, tstart: int, c: str, nxt: str) -> bool:
    """Whether a single capital letter and its full stop end the sentence.

    Before a capitalised word that seldom starts a sentence it is an initial
    ("He met J. Smith"), and after a capitalised word a middle initial ("Donald J.
    Trump", "Then J. The"); after a word naming a label it is the label ("option X.
    Nobody objected"); otherwise a word ending the sentence ("you and I. Did").
    c is the first character after the full stop (and any opener), nxt that word.
    """
    before = text[max(start, tstart - 40):tstart].split()
    if not before:
        return False
    prev = before[-1].lstrip(_OPENERS)
    if prev.lower() in _LABEL_NOUNS:
        return True
    return not (prev[:1].isupper() or (c.isupper() and nxt not in _STARTERS))


def _time_ends(text: str, start: int, tstart: int, nxt: str) -> bool:
    """"a.m."/"p.m." end a sentence unless followed by a zone/day or the clause
    so far is only a short introductory phrase ("At 5 a.m. Mr. Smith went")."""
    if nxt in _TIME_FOLLOWERS:
        return False
    return len(text[max(start, tstart - 80):tstart].split()) >= 3
