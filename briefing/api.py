"""The scripting API: `from briefing import Brief`. Adds files to the Qt-free core brief."""
from __future__ import annotations

import os

from briefing.core.article import Article, normalise_text
from briefing.core.brief import BriefModel
from briefing.io import brief_file
from briefing.io.article_import import read_article


class Brief(BriefModel):
    """A brief about one article: sentences, items, citations; load and save .brief files."""

    @classmethod
    def from_text(cls, text: str, title: str = "", **meta: str) -> "Brief":
        """A new, empty brief over an article given as text (line endings normalised).

        Keyword arguments set article metadata: outlet, author, published, url."""
        return cls(Article(text=normalise_text(text), title=title, **meta))

    @classmethod
    def from_article_file(cls, path: str | os.PathLike) -> "Brief":
        """A new brief over a .txt/.md article in any common encoding."""
        return cls(read_article(path))

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Brief":
        """Read a .brief file; bad files raise BriefingFileError with a one-line message."""
        return brief_file.load(path, cls)[0]

    def save(self, path: str | os.PathLike) -> None:
        """Write atomically: a crash leaves the old file or the new one, never a torn one."""
        brief_file.save(self, path)
