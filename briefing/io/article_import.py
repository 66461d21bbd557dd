"""Reading an article from a .txt or .md file in whatever encoding it came in.

Encodings are tried in a fixed order: a BOM wins (UTF-8/UTF-16/UTF-32), then strict
UTF-8, then cp1252 (what most Windows-made text is), then Latin-1 which never fails.
Binary files (NUL bytes outside UTF-16) and empty files get a one-line error.
"""
from __future__ import annotations

import codecs
import os
from pathlib import Path

from briefing.core.article import Article, normalise_text
from briefing.io.brief_file import read_bytes
from briefing.io.errors import BriefingFileError

MAX_ARTICLE_BYTES = 64 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def decode_article(data: bytes, path: str | os.PathLike) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise BriefingFileError(path, f"damaged {encoding.upper()} text") from None
    if b"\x00" in data:
        raise BriefingFileError(path, "looks like a binary file, not text")
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def _title_from(text: str, path: Path) -> str:
    first = text.lstrip().split("\n", 1)[0].strip().lstrip("#").strip()
    return first if 0 < len(first) <= 120 else path.stem.replace("-", " ").replace("_", " ")


def read_article(path: str | os.PathLike) -> Article:
    """An Article from a text file: decoded, line endings normalised, title guessed."""
    text = normalise_text(decode_article(read_bytes(path, MAX_ARTICLE_BYTES), path))
    if not text.strip():
        raise BriefingFileError(path, "the article is empty")
    p = Path(path)
    return Article(text=text, title=p.stem.replace("-", " ").replace("_", " ").strip().capitalize())
