"""One registry of article importers: a file's bytes (sniffed) and suffix pick the importer.

    imported = import_data(data, path)       # Imported(text, headings, metadata, importer)

Content wins over the name: a PDF saved as .txt is read as a PDF, a web page saved as .txt
as a web page. The suffix decides only when the content says nothing (plain text, an HTML
fragment). Every importer turns bad input into one `BriefingFileError` line; none needs Qt,
and none touches the network. The UI's file filters and drop targets read `IMPORTERS`.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefing.io.errors import BriefingFileError
from briefing.io.importers.base import META_FIELDS, Imported, layout

Progress = Callable[[int, int], None]  # (done, total) pages or steps


class ImportCancelled(BriefingFileError):
    """Raised from a progress callback to stop a long import (the analyst pressed Cancel)."""


@dataclass(frozen=True)
class Importer:
    name: str                  # "text", "html", "mhtml", "pdf", "docx", "odt"
    label: str                 # what the open dialog's filter calls it
    suffixes: tuple[str, ...]
    module: str                # imported lazily: opening a .txt never loads pdfminer
    function: str

    def read(self, data: bytes, path: str | os.PathLike, progress: Progress | None = None) -> Imported:
        import importlib
        reader = getattr(importlib.import_module(self.module), self.function)
        imported = reader(data, path, progress)
        imported.importer = self.name
        return imported


IMPORTERS: tuple[Importer, ...] = (
    Importer("text", "Text and Markdown", (".txt", ".md", ".markdown", ".text"),
             "briefing.io.importers.text", "import_text"),
    Importer("html", "Web pages", (".html", ".htm", ".xhtml"),
             "briefing.io.importers.web", "import_html"),
    Importer("mhtml", "Saved web pages (MHTML)", (".mhtml", ".mht"),
             "briefing.io.importers.web", "import_mhtml"),
    Importer("pdf", "PDF documents", (".pdf",), "briefing.io.importers.pdf", "import_pdf"),
    Importer("docx", "Word documents", (".docx",), "briefing.io.importers.office", "import_docx"),
    Importer("odt", "OpenDocument text", (".odt",), "briefing.io.importers.office", "import_odt"),
)
BY_NAME = {importer.name: importer for importer in IMPORTERS}


def suffixes() -> list[str]:
    """Every suffix some importer reads, lower-case with the dot."""
    return [suffix for importer in IMPORTERS for suffix in importer.suffixes]


def is_supported(path: str | os.PathLike) -> bool:
    return Path(path).suffix.lower() in suffixes()


def file_filters() -> str:
    """A Qt file-dialog filter string: all articles first, then one per format."""
    every = " ".join(f"*{s}" for s in suffixes())
    each = [f"{imp.label} ({' '.join('*' + s for s in imp.suffixes)})" for imp in IMPORTERS]
    return ";;".join([f"Articles ({every})", *each, "All files (*)"])


def sniff(data: bytes, path: str | os.PathLike = "") -> Importer:
    """The importer for these bytes: magic bytes first, then the suffix, then text."""
    head = data[:4096]
    if b"%PDF-" in head[:1024]:
        return BY_NAME["pdf"]
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind:
            return BY_NAME[kind]
    text = _text_head(head).lower()
    if "mime-version:" in text and "multipart/related" in text:
        return BY_NAME["mhtml"]
    start = text.lstrip()
    if start.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2048] \
            or start.startswith("<!--") and "<html" in text or "<html" in text[:1024] \
            and ("<head" in text or "<body" in text):
        return BY_NAME["html"]
    suffix = Path(path).suffix.lower()
    for importer in IMPORTERS:
        if suffix in importer.suffixes:
            return importer
    return BY_NAME["text"]


def _text_head(head: bytes) -> str:
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(encoding, "replace")
    return head.decode("latin-1")


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == \
                    b"application/vnd.oasis.opendocument.text":
                return "odt"
    except Exception:  # noqa: BLE001 - a damaged zip is the importer's to report
        return None
    return None


def import_data(data: bytes, path: str | os.PathLike, progress: Progress | None = None) -> Imported:
    """The article in `data` (the bytes of `path`), or one BriefingFileError line."""
    if not data.strip():
        raise BriefingFileError(path, "the article is empty")
    imported = sniff(data, path).read(data, path, progress)
    if not imported.text.strip():
        raise BriefingFileError(path, "the article is empty")
    return imported


__all__ = ["IMPORTERS", "ImportCancelled", "Importer", "Imported", "META_FIELDS", "file_filters", "import_data",
           "is_supported", "layout", "sniff", "suffixes"]
