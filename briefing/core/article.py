"""The article a brief is about: its text (never edited in the app) and its metadata."""
from __future__ import annotations

from dataclasses import dataclass

ARTICLE_FIELDS = ("title", "outlet", "author", "published", "url")
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


@dataclass
class Article:
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""  # as the analyst typed it, ideally ISO 8601 (2024-10-25)
    url: str = ""
