"""Reading an article from a file: the entry to the importer registry (io/importers/).

`read_article(path)` sniffs the file (text, Markdown, web page, MHTML, PDF, Word, ODT),
imports it and returns an Article with the metadata the source carries. Every problem is
one `BriefingFileError` line; nothing here needs Qt or the network.
"""
from __future__ import annotations

import os
from pathlib import Path

from briefing.core.article import Article
from briefing.io.brief_file import read_bytes
from briefing.io.errors import BriefingFileError
from briefing.io.importers import Imported, Progress, import_data
from briefing.io.importers.text import decode_article  # noqa: F401 - public since v1

MAX_ARTICLE_BYTES = 64 * 1024 * 1024


def import_article(path: str | os.PathLike, progress: Progress | None = None) -> Imported:
    """The importer's result for a file (text, heading spans, metadata)."""
    return import_data(read_bytes(path, MAX_ARTICLE_BYTES), path, progress)


def article_from(imported: Imported, path: str | os.PathLike) -> Article:
    meta = dict(imported.metadata)
    if not meta.get("title"):
        meta["title"] = Path(path).stem.replace("-", " ").replace("_", " ").strip().capitalize()
    return Article(text=imported.text, **{k: meta.get(k, "") for k in
                                          ("title", "outlet", "author", "published", "url")})


def read_article(path: str | os.PathLike, progress: Progress | None = None) -> Article:
    """An Article from any supported file: text laid out in paragraphs (headings alone on
    their lines), metadata filled from the source, the title guessed from the name if none."""
    imported = import_article(path, progress)
    if not imported.text.strip():
        raise BriefingFileError(path, "the article is empty")
    return article_from(imported, path)
