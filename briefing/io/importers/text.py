"""Plain text and Markdown: decoded in whatever encoding it came in, hard wraps undone.

Encodings are tried in a fixed order: a BOM wins (UTF-8/UTF-16/UTF-32), then strict
UTF-8, then cp1252 (what most Windows-made text is), then Latin-1 which never fails.
Binary files (NUL bytes outside UTF-16) get a one-line error.

Text that was hard-wrapped at a fixed width (e-mails, text copied out of a PDF) is
unwrapped into paragraphs, so a line starting with a capitalised name does not start a
sentence; text with natural line lengths is kept exactly as it is.
"""
from __future__ import annotations

import codecs
import os
import re

from briefing.core.article import normalise_text
from briefing.io.errors import BriefingFileError
from briefing.io.importers.base import Imported
from briefing.io.importers.unwrap import unwrap_if_wrapped

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters no article contains (tab, line and page breaks are fine). A binary
# file without NUL bytes still decodes as Latin-1, but is full of these.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f]")


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
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_control(text):
            raise BriefingFileError(path, "looks like a binary file, not text")
        return text
    raise AssertionError("latin-1 decodes any bytes")


def _mostly_control(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def import_text(data: bytes, path: str | os.PathLike, progress=None) -> Imported:
    text = unwrap_if_wrapped(normalise_text(decode_article(data, path)))
    return Imported(text, [], {}, "text")
