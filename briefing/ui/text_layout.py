"""Laying out text whose cost must stay linear, whatever the analyst or the article typed.

Qt's default wrap (WrapAtWordBoundaryOrAnywhere) looks for a word boundary before falling
back to breaking anywhere, and it rescans the rest of an unbroken run for one on every line
it lays out: a run of n characters costs n² (an article of 400k characters without a space
took 22 s to open, 4x per doubling; a 1 MB note, over a minute to select). Wrapping anywhere
is linear, so a text with a run past ``LONG_RUN`` is wrapped anywhere; every other text keeps
word wrap. Runs are counted between ASCII spaces, tabs and line breaks (a conservative
count: Qt may find more break opportunities, never fewer).
"""
from __future__ import annotations

import re

from PySide6.QtGui import QTextOption

LONG_RUN = 1_000   # no word is this long; a 1,000-character run still lays out in ~1 ms
_LONG = re.compile(r"(?<![^ \t\n])[^ \t\n]{%d}" % LONG_RUN)   # anchored at a run's start: linear
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
