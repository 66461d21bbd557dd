"""Undo hard line wrapping: lines broken at a fixed width become one line per paragraph.

Qt-free and format-free: the text importer uses it for e-mails and text copied out of
PDFs; the PDF importer has its own, position-aware joining but shares `join_lines`.
"""
from __future__ import annotations

import re

_TERMINAL = ".!?:;…\"'”’»)]"
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–·]|\d{1,3}[.)]|[a-z][.)])\s+")
_QUOTED = re.compile(r"^\s*>")
_HYPHEN_END = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]$")
_WORD_START = re.compile(r"^([^\W\d_]+)")
# prefixes that are words before a hyphen more often than syllables of a broken word
_PREFIXES = frozenset("""mid non self ex all cross half pre post anti co semi multi pro well
long short high low full part one two three four five six seven ten state war cease
top far near so""".split())
# prefixes nearly always written with a hyphen before a word of four letters or more
_HYPHENATED_PREFIXES = frozenset("mid non self semi multi anti half well cease".split())


def is_hard_wrapped(lines: list[str]) -> bool:
    """Most lines inside paragraphs reach close to one width (40-100 characters)."""
    inner = [len(a.rstrip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if len(inner) < 3:
        return False
    width = sorted(inner)[int(len(inner) * 0.9) - (len(inner) >= 10)]
    if not 40 <= width <= 100 or max(len(line) for line in lines) > width + 25:
        return False
    full = sum(1 for n in inner if n >= width * 0.7)
    return full >= 0.6 * len(inner)


def unwrap_if_wrapped(text: str) -> str:
    lines = text.split("\n")
    if not is_hard_wrapped(lines):
        return text
    width = max(len(line.rstrip()) for line in lines)
    out: list[str] = []
    vocabulary = words_of(text)
    current: list[str] = []
    for line in lines + [""]:
        stripped = line.strip()
        starts_block = not stripped or _LIST_ITEM.match(line) or _QUOTED.match(line)
        if current and (starts_block or len(current[-1]) < width * 0.6
                        and current[-1].rstrip().endswith(tuple(_TERMINAL))):
            out.append(join_lines(current, vocabulary))
            current = []
        if not stripped:
            if out and out[-1] != "":
                out.append("")
            continue
        current.append(line.rstrip())
    while out and out[-1] == "":
        out.pop()
    ending = "\n" if text.endswith("\n") else ""
    return "\n".join(out) + ending


def words_of(text: str) -> set[str]:
    """Lower-case words of a text, for telling a real hyphen from a broken word. Tokens at
    line ends and starts are left out: they may be halves of a broken word."""
    words: set[str] = set()
    for line in text.split("\n"):
        tokens = line.split()
        for token in tokens[1:-1]:
            words.add(token.strip(".,;:!?\"'()[]“”‘’«»").lower())
    return words


def join_lines(lines: list[str], vocabulary: set[str]) -> str:
    """Lines of one paragraph as one line: words broken at a line-end hyphen joined, real
    hyphens ("state-backed") kept."""
    text = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        if not line:
            continue
        head = _HYPHEN_END.search(text)
        tail = _WORD_START.match(line)
        if head and tail:
            if keeps_hyphen(head.group(1), tail.group(1), vocabulary):
                text = text[:-1] + "-" + line
            else:
                text = text[:-1] + line
        elif text.endswith("\u00ad"):
            text = text[:-1] + line
        else:
            text += " " + line
    return text


def keeps_hyphen(before: str, after: str, vocabulary: set[str]) -> bool:
    """Whether `before-` + `after` at a line break is a hyphenated compound, not one word."""
    b, a = before.lower(), after.lower()
    if not after[:1].islower():
        return True                                   # "Franco-\nGerman", "COVID-\n19"
    joined = b + a
    if f"{b}-{a}" in vocabulary or any(w.startswith(f"{b}-{a}") for w in vocabulary if "-" in w):
        return True
    if joined in vocabulary or joined + "s" in vocabulary or joined.rstrip("s") in vocabulary:
        return False
    if b in _HYPHENATED_PREFIXES and len(a) >= 4:
        return True
    known_after = a in vocabulary or a.rstrip("s") in vocabulary
    known_before = b in _PREFIXES or (len(b) > 2 and b in vocabulary)
    return known_after and known_before
