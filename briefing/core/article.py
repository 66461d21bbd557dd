"""Text helpers for a source's text (headings, stored form) and the one-article names.

A brief used to hold one article; it now holds sources (briefing.core.source), the first
of which is still `brief.article`."""
from __future__ import annotations

from briefing.core.source import SOURCE_FIELDS, Source

_TERMINAL = ".?!…:;,\"'”’»)]"
_HEADING_MAX_CHARS = 120


def looks_like_heading(line: str) -> bool:
    """A short line with no terminal punctuation: a crosshead ("Top-Secret Clearance").

    The reading view, and the exports' annex, show these as headings."""
    line = line.strip()
    return 0 < len(line) <= _HEADING_MAX_CHARS and line[-1] not in _TERMINAL


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] is a heading: alone on its line, heading-like."""
    if not looks_like_heading(text[start:end]):
        return False
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start))
    line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0),
                   default=len(text))
    return not text[line_start + 1:start].strip() and not text[end:line_end].strip()


def normalise_text(raw: str) -> str:
    """Text as stored: a leading BOM dropped, CRLF and lone CR turned into LF.

    Imports go through this so offsets do not depend on the platform a file came from;
    the UI seam still copes with CR in hand-made files.
    """
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    return raw.replace("\r\n", "\n").replace("\r", "\n")


# A brief's article is its first source; the old names stay for scripts and importers.
Article = Source
ARTICLE_FIELDS = SOURCE_FIELDS
