"""PDF: pdfminer.six reads the text lines with their positions and fonts; pdf_layout.py
puts them in reading order and rebuilds paragraphs. No OCR: a scan without a text layer
gets one clear line saying so."""
from __future__ import annotations

import io
import logging
import os
import re

from briefing.io.errors import BriefingFileError
from briefing.io.importers.base import Imported, clean_inline, layout
from briefing.io.importers.pdf_layout import Line, Page, blocks_from

logging.getLogger("pdfminer").setLevel(logging.ERROR)
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint)|document\d*|slide \d+)\b|"
                         r"\.(?:docx?|pdf|indd|qxd|rtf|odt)$", re.I)
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
                            "ﬆ": "st", "\u2010": "-", "\u2011": "-"})
MAX_PAGES = 2000


def import_pdf(data: bytes, path: str | os.PathLike, progress=None) -> Imported:
    if b"%PDF-" not in data[:1024]:
        raise BriefingFileError(path, "not a PDF file (no PDF header): damaged or misnamed")
    try:
        pages, info = read_pages(data, progress)
    except BriefingFileError as exc:   # ours (too many pages, cancelled): name the file
        raise type(exc)(path, exc.problem) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer's many errors on a damaged file
        if type(exc).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError",
                                  "PDFEncryptionWarning", "PDFEncryptionNotSupported"):
            raise BriefingFileError(path, "the PDF is password-protected (encrypted); "
                                          "save an unprotected copy and import that") from None
        raise BriefingFileError(path, f"damaged PDF: it cannot be read ({type(exc).__name__})") from None
    if not pages:
        raise BriefingFileError(path, "the PDF has no pages")
    text_chars = sum(len(line.text) for page in pages for line in page.lines)
    if text_chars == 0:
        raise BriefingFileError(path, "the PDF has no text layer (a scan?); text recognition "
                                      "(OCR) is not supported: use a PDF with selectable text")
    cids = sum(line.text.count("(cid:") for page in pages for line in page.lines)
    if cids * 6 > text_chars * 0.3:
        raise BriefingFileError(path, "the PDF's fonts carry no text mapping, so its text cannot "
                                      "be extracted")
    try:
        blocks = blocks_from(pages)
    except Exception as exc:  # noqa: BLE001 - layout on absurd geometry must not crash
        raise BriefingFileError(path, f"cannot lay out this PDF's text ({type(exc).__name__})") from None
    return finish(blocks, info, pages)


def finish(blocks: list[tuple[str, str]], info: dict, pages: list[Page]) -> Imported:
    title = clean_inline(info.get("Title", ""))
    if not title or _JUNK_TITLE.search(title):
        title = _largest_heading(blocks, pages)
    if blocks and blocks[0][0] == "h" and clean_inline(blocks[0][1]).casefold() == title.casefold():
        blocks = blocks[1:]
    meta = {"title": title, "author": clean_inline(info.get("Author", "")),
            "published": _pdf_date(info.get("CreationDate", ""))}
    return layout(blocks, meta, "pdf")


def _largest_heading(blocks, pages) -> str:
    first = [line for line in pages[0].lines if line.text.strip()] if pages else []
    if not first:
        return ""
    biggest = max(line.size for line in first)
    title = " ".join(line.text.strip() for line in first if abs(line.size - biggest) < 0.3)
    return title if len(title) <= 200 else ""


def _pdf_date(raw: str) -> str:
    found = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", raw or "")
    if not found:
        return ""
    return "-".join(part for part in found.groups() if part)


def read_pages(data: bytes, progress=None) -> tuple[list[Page], dict]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = _info(document)
    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=LAParams(line_margin=0.3, char_margin=2.0, boxes_flow=None))
    interpreter = PDFPageInterpreter(resources, device)
    pdf_pages = list(PDFPage.create_pages(document))
    if len(pdf_pages) > MAX_PAGES:
        raise BriefingFileError("", f"too many pages ({len(pdf_pages)}; the limit is {MAX_PAGES})")
    pages = []
    for number, pdf_page in enumerate(pdf_pages):
        interpreter.process_page(pdf_page)
        pages.append(_page(device.get_result()))
        if progress:
            progress(number + 1, len(pdf_pages))
    return pages, info


def _info(document) -> dict:
    from pdfminer.pdftypes import resolve1
    info: dict[str, str] = {}
    for entry in document.info or []:
        for key, value in (resolve1(entry) or {}).items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = _pdf_string(value)
            if isinstance(value, str):
                info[str(key)] = value
    return info


def _pdf_string(raw: bytes) -> str:
    if raw.startswith((b"\xfe\xff", b"\xff\xfe")):
        return raw.decode("utf-16", "replace")
    from pdfminer.utils import decode_text
    return decode_text(raw)


def _page(layout_page) -> Page:
    from pdfminer.layout import LTChar, LTTextBox, LTTextLine
    x0, y0, x1, y1 = layout_page.bbox
    page = Page(width=x1 - x0, height=y1 - y0)
    for box in layout_page:
        if not isinstance(box, LTTextBox):
            continue
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            chars = [c for c in line if isinstance(c, LTChar)]
            text = line.get_text().translate(_LIGATURES).replace("\n", " ").strip()
            if not chars or not text:
                continue
            fonts = [c.fontname.lower() for c in chars if not c.get_text().isspace()] or ["?"]
            size = sorted(c.size for c in chars)[len(chars) // 2]
            page.lines.append(Line(
                line.x0 - x0, line.y0 - y0, line.x1 - x0, line.y1 - y0, text, round(size, 2),
                bold=all(("bold" in f or "black" in f or "heavy" in f) for f in fonts),
                italic=all(("italic" in f or "oblique" in f) for f in fonts)))
    return page
