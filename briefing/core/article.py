"""The article a brief is about: its text (never edited in the app) and its metadata."""
from __future__ import annotations

from dataclasses import dataclass

ARTICLE_FIELDS = ("title", "outlet", "author", "published", "url")


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
