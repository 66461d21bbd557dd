"""Laying out text whose cost must stay linear, whatever the analyst or the article typed.

Qt's default wrap (WrapAtWordBoundaryOrAnywhere) looks for a word boundary before falling
back to breaking anywhere, and it rescans the rest of an unbroken run for one on every line
it lays out: a run of n characters costs n² (an article of 400k characters without a space
took 22 s to open, 4x per doubling; a 1 MB note, over a minute to select). Wrapping anywhere
is linear, so a text with a run past ``LONG_RUN`` is wrapped anywhere; every other text keeps
word wrap. Runs are counted between ASCII spaces, tabs and line breaks (a conservative
count: Qt may find more break opportunities, never fewer).

Qt lays a document out one block (paragraph) at a time, in steps between events, but never
part of a block: an article that is one paragraph of 50,000 sentences (1.5 MB) was one
block, laid out in one go (3 s with no tints, 5 s with them, again on every resize), and
every paint walked the whole block once per highlighted sentence in it (0.5 s per
selection). ``block_breaks`` cuts a paragraph longer than ``LONG_PARAGRAPH`` into blocks of
at most about ``BLOCK_CHARS``, at spaces between sentences, so it costs what an article of
ordinary paragraphs costs. The price is visible: such a paragraph shows a line break every
half-dozen lines or so (no real paragraph is that long; ordinary ones are never cut).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Sequence

from PySide6.QtGui import QTextOption

LONG_RUN = 1_000   # no word is this long; a 1,000-character run still lays out in ~1 ms
_LONG = re.compile(r"(?<![^ \t\n])[^ \t\n]{%d}" % LONG_RUN)   # anchored at a run's start: linear
LONG_PARAGRAPH = 10_000   # a paragraph longer than this is laid out as several blocks,
BLOCK_CHARS = 500         # each at most about this long (~6 lines; paint cost grows with it)
_PARAGRAPH = re.compile("[^\r\n\u2029]+")   # one match per paragraph: linear, ~10 ms/MB
ELIDE_CHARS = 500  # single-line displays (lists, tooltips, line edits' previews) show this much


def has_long_run(text: str) -> bool:
    """Whether some run of LONG_RUN characters has no space, tab or line break in it."""
    return len(text) >= LONG_RUN and _LONG.search(text) is not None


def wrap_mode(text: str) -> QTextOption.WrapMode:
    """Word wrap, or wrap anywhere when the text holds a long unbroken run."""
    mode = QTextOption.WrapMode
    return mode.WrapAnywhere if has_long_run(text) else mode.WrapAtWordBoundaryOrAnywhere


def elide(text: str, limit: int = ELIDE_CHARS) -> str:
    """At most ``limit`` characters of a text for a one-line display, with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def block_breaks(text: str, sentences: Sequence) -> list[int]:
    """Code-point offsets, in order, of the spaces (or tabs) where paragraphs longer than
    LONG_PARAGRAPH are cut into blocks of at most about BLOCK_CHARS characters: each is the
    first character after a sentence, which the next sentence of the same paragraph
    follows. ``sentences`` are in reading order, with ``start`` and ``end``. A sentence is
    never cut, so one longer than BLOCK_CHARS stays whole (``wrap_mode`` keeps it linear).
    Ordinary articles have no such paragraph and cost one scan (~10 ms per MB)."""
    breaks: list[int] = []
    if len(text) <= LONG_PARAGRAPH:
        return breaks
    for paragraph in _PARAGRAPH.finditer(text):
        if paragraph.end() - paragraph.start() <= LONG_PARAGRAPH:
            continue
        first = bisect_left(sentences, paragraph.start(), key=lambda s: s.start)
        last = bisect_left(sentences, paragraph.end(), key=lambda s: s.start)
        piece = paragraph.start()
        for before, after in zip(sentences[first:last - 1], sentences[first + 1:last]):
            if after.end - piece > BLOCK_CHARS and after.start > before.end \
                    and text[before.end] in " \t" and before.end > piece:
                breaks.append(before.end)
                piece = before.end + 1
    return breaks
