"""The one seam between code-point offsets (core, files) and Qt document positions.

The core speaks Python ``str`` offsets: one per code point. A ``QTextDocument`` speaks
UTF-16 positions, so a character outside the BMP (emoji, some CJK) takes two positions,
and it turns every line break into a block separator that takes one position, so a CRLF
pair shrinks from two code points to one position. (A paragraph too long for Qt to lay out
at once also has some spaces between sentences turned into block separators: one position
for one, so they move nothing; see ``document_text``.)

We build the document text ourselves (``document_text``) so the difference between the
two counts is exactly those two rules, and ``OffsetMap`` answers each conversion with one
bisection over precomputed tables instead of re-scanning a 1 MB article per call.
Nothing else in the app converts offsets.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import Sequence

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_CRLF_RE = re.compile("\r\n")
# Breaks Qt's plain-text import would treat as block separators, spelled as "\n" so the
# import does exactly one thing. U+2029 already is Qt's block separator; U+2028 stays a
# line break inside a block (one position, like any BMP character).
_BREAK_RE = re.compile("\r\n?")
# Qt's own frame markers would also start a block; as plain text they are noise.
_FRAME_MARKS = str.maketrans("\ufdd0\ufdd1", "\ufffd\ufffd")


def document_text(text: str, breaks: Sequence[int] = ()) -> str:
    """The text to give ``QTextDocument.setPlainText``: CRLF and lone CR become LF
    (and Qt's private frame markers U+FDD0/U+FDD1 become U+FFFD).

    Each break then maps to one block separator and every other character keeps its
    UTF-16 length, which is what ``OffsetMap`` assumes. ``breaks`` (code-point offsets in
    order, from ``text_layout.block_breaks``) are spaces or tabs that become block
    separators too: one position for one, so no offset moves; only the document's text
    there reads as a line break.
    """
    if breaks:
        pieces, last = [], 0
        for cp in breaks:
            if text[cp] not in " \t":
                raise ValueError(f"a block break must replace a space or tab, not {text[cp]!r}")
            pieces += (text[last:cp], "\n")
            last = cp + 1
        pieces.append(text[last:])
        text = "".join(pieces)
    return _BREAK_RE.sub("\n", text).translate(_FRAME_MARKS)


def display_text(text: str) -> str:
    """Article text as the document shows it (line breaks as "\\n"): the form
    ``selectedText()`` read back from Qt has after U+2029 is turned into "\\n"."""
    return document_text(text).replace("\u2029", "\n")


class OffsetMap:
    """Code point <-> Qt position for one article text, O(log n) per call.

    Tables: every astral character (+1 position after it) and the LF of every CRLF
    (-1 position after it), sorted by code-point index, with the running correction.
    """

    def __init__(self, text: str) -> None:
        self._cp_len = len(text)
        events = sorted(
            [(m.start(), 1) for m in _ASTRAL_RE.finditer(text)]
            + [(m.start() + 1, -1) for m in _CRLF_RE.finditer(text)])
        self._cps = [cp for cp, _ in events]
        # _shift[k]: correction for offsets after the first k events.
        self._shift = [0, *accumulate(delta for _, delta in events)]
        # An event applies to Qt positions >= its threshold (see to_cp).
        self._thresholds = [cp + self._shift[k] + (1 if delta > 0 else 0)
                            for k, (cp, delta) in enumerate(events)]
        self._qt_len = self._cp_len + self._shift[-1]

    @property
    def is_identity(self) -> bool:
        """Whether every offset is its own Qt position (no astral character, no CRLF)."""
        return not self._cps

    @property
    def qt_length(self) -> int:
        """Characters in the Qt document (excluding its final implicit separator)."""
        return self._qt_len

    def to_qt(self, cp: int) -> int:
        """Qt position of a code-point offset (clamped to the text).

        An offset between the CR and LF of a pair maps to after the break.
        """
        cp = min(max(cp, 0), self._cp_len)
        return cp + self._shift[bisect.bisect_left(self._cps, cp)]

    def to_cp(self, qt_pos: int) -> int:
        """Code-point offset of a Qt position (clamped to the text).

        A position inside a surrogate pair maps to the start of its character; the
        position after a CRLF separator maps to after the LF.
        """
        qt_pos = min(max(qt_pos, 0), self._qt_len)
        return qt_pos - self._shift[bisect.bisect_right(self._thresholds, qt_pos)]
