"""Word (.docx, through python-docx) and OpenDocument text (.odt, its XML read directly).

Paragraphs in order, headings from their styles (Title, Heading N, outline levels), tables
as rows, and footnotes: each reference becomes a marker [n] in the text and the notes an
endnote block ("Notes") at the end, so they can be cited like the body.
"""
from __future__ import annotations

import io
import os
import re
import zipfile

from briefing.io.errors import BriefingFileError
from briefing.io.importers.base import Imported, clean_inline, layout

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_HEADING_NAME = re.compile(r"^(?:heading|überschrift|titre|título|titolo|kop)\s*\d", re.I)
_TOC_NAME = re.compile(r"^(?:toc|contents|table of contents|verzeichnis|inhaltsverzeichnis)\s*\d*$"
                       r"|^(?:toc|contents) heading$", re.I)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old .doc are OLE files
MAX_UNCOMPRESSED = 256 * 1024 * 1024


def _zip_checks(data: bytes, path, kind: str) -> None:
    if data.startswith(_OLE):
        raise BriefingFileError(path, f"password-protected {kind} file or an old binary format "
                                      f"(.doc); save it as an unprotected .{kind.lower()}")
    if not data.startswith(b"PK"):
        raise BriefingFileError(path, f"not a {kind} file (damaged or misnamed)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED:
                raise BriefingFileError(path, f"damaged {kind} file (it unpacks to an absurd size)")
    except BriefingFileError:
        raise
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on a damaged directory
        raise BriefingFileError(path, f"damaged {kind} file (not a readable zip archive)") from None


# ---- .docx ------------------------------------------------------------------------------
def import_docx(data: bytes, path: str | os.PathLike, progress=None) -> Imported:
    _zip_checks(data, path, "DOCX")
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
        styles = _docx_styles(document)
        notes = _docx_footnotes(document)
        blocks, cited, title = _docx_body(document.element.body, styles)
        core = document.core_properties
        meta = {"title": clean_inline(core.title or "") or title, "author": core.author or ""}
    except BriefingFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml on a damaged package
        raise BriefingFileError(path, f"damaged DOCX file: it cannot be read ({type(exc).__name__})") from None
    return layout(blocks + _notes_block([(n, notes.get(key, "")) for n, key in cited]), meta, "docx")


def _docx_styles(document) -> dict[str, str]:
    """style id -> 'title' / 'heading' for paragraph styles that mark structure."""
    kinds = {}
    for style in document.styles:
        try:
            name, style_id = style.name or "", style.style_id
            element = style.element
        except Exception:  # noqa: BLE001 - a style with odd XML is no structure
            continue
        outline = element.find(f"{W}pPr/{W}outlineLvl")
        if _TOC_NAME.match(name) or style_id.lower().startswith(("toc", "contents")):
            kinds[style_id] = "toc"
        elif name.lower() in ("title", "titel", "titre") or style_id == "Title":
            kinds[style_id] = "title"
        elif _HEADING_NAME.match(name) or (outline is not None and outline.get(f"{W}val", "9") < "9"):
            kinds[style_id] = "heading"
    return kinds


def _docx_footnotes(document) -> dict[str, str]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False,
                                                                          no_network=True))
            return {note.get(f"{W}id"): " ".join(filter(None, (_docx_text(p, [])[0]
                                                               for p in note.iter(f"{W}p"))))
                    for note in root.iter(f"{W}footnote")
                    if note.get(f"{W}type") in (None, "normal")}
    return {}


def _docx_body(body, styles) -> tuple[list, list, str]:
    blocks: list[tuple[str, str]] = []
    cited: list[tuple[int, str]] = []
    title = ""
    for element in _docx_block_elements(body):
        if element.tag == f"{W}p":
            boxes: list = []
            text, refs = _docx_text(element, cited, boxes)
            style = element.find(f"{W}pPr/{W}pStyle")
            outline = element.find(f"{W}pPr/{W}outlineLvl")
            kind = styles.get(style.get(f"{W}val") if style is not None else "", "")
            if kind == "toc":
                continue
            if outline is not None and outline.get(f"{W}val", "9") < "9":
                kind = kind or "heading"
            if kind == "title" and not title and not blocks:
                title = clean_inline(text)
            else:
                blocks.append(("h" if kind in ("title", "heading") else "p", text))
            # a text box (a sidebar, a "key finding") anchored here: its own paragraphs
            for box in boxes:
                for paragraph in box.iter(f"{W}p"):
                    blocks.append(("p", _docx_text(paragraph, cited)[0]))
        elif element.tag == f"{W}tbl":
            rows = []
            for row in element.iter(f"{W}tr"):
                cells = [" ".join(_docx_text(p, cited)[0] for p in cell.iter(f"{W}p"))
                         for cell in row.iter(f"{W}tc")]
                rows.append(" | ".join(clean_inline(c) for c in cells if c.strip()))
            blocks.append(("pre", "\n".join(r for r in rows if r)))
    return blocks, cited, title


def _docx_block_elements(parent):
    """The body's paragraphs and tables, also those inside content controls (w:sdt) and
    custom XML; a table of contents (a w:sdt of that gallery) is left out."""
    for element in parent:
        tag = element.tag
        if tag in (f"{W}p", f"{W}tbl"):
            yield element
        elif tag == f"{W}sdt":
            gallery = element.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
            if gallery is not None and "contents" in (gallery.get(f"{W}val") or "").lower():
                continue
            content = element.find(f"{W}sdtContent")
            if content is not None:
                yield from _docx_block_elements(content)
        elif tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
            yield from _docx_block_elements(element)


_DOCX_SKIP = (f"{W}del", f"{W}moveFrom", f"{MC}Fallback", f"{W}delText", f"{W}instrText")


def _docx_text(paragraph, cited: list, boxes: list | None = None) -> tuple[str, list]:
    """A paragraph's text. Deleted runs, field codes and the VML copy of a drawing
    (mc:Fallback) are left out; text boxes go to `boxes`, not into the sentence."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node:
            tag = child.tag
            if tag in _DOCX_SKIP:
                continue
            if tag == f"{W}txbxContent":
                if boxes is not None:
                    boxes.append(child)
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                parts.append(" ")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}footnoteReference":
                cited.append((len(cited) + 1, child.get(f"{W}id")))
                parts.append(f"[{len(cited)}]")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts), cited


def _notes_block(notes: list[tuple[int, str]]) -> list[tuple[str, str]]:
    notes = [(n, clean_inline(text)) for n, text in notes if clean_inline(text)]
    if not notes:
        return []
    return [("h", "Notes")] + [("p", f"[{n}] {text}") for n, text in notes]


# ---- .odt -------------------------------------------------------------------------------
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_ODT_NOT_BODY = frozenset({f"{TEXT}note", f"{TABLE}table", f"{OFFICE}annotation", f"{TEXT}table-of-content",
                           f"{TEXT}illustration-index", f"{TEXT}table-index", f"{TEXT}alphabetical-index",
                           f"{TEXT}object-index", f"{TEXT}user-index", f"{TEXT}bibliography"})


def import_odt(data: bytes, path: str | os.PathLike, progress=None) -> Imported:
    _zip_checks(data, path, "ODT")
    try:
        from lxml import etree
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "content.xml" not in names:
                raise BriefingFileError(path, "damaged ODT file (no content.xml)")
            content = etree.fromstring(archive.read("content.xml"), parser)
            meta_root = etree.fromstring(archive.read("meta.xml"), parser) if "meta.xml" in names else None
        notes: list[tuple[int, str]] = []
        title_styles = _odt_title_styles(content)
        blocks, title = _odt_blocks(content, notes, title_styles)
        meta = {"title": title, "author": ""}
        if meta_root is not None:
            meta["title"] = clean_inline(meta_root.findtext(f".//{DC}title") or "") or title
            meta["author"] = (meta_root.findtext(f".//{DC}creator")
                              or meta_root.findtext(f".//{META}initial-creator") or "")
    except BriefingFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml/zip on a damaged package
        raise BriefingFileError(path, f"damaged ODT file: it cannot be read ({type(exc).__name__})") from None
    return layout(blocks + _notes_block(notes), meta, "odt")


def _odt_title_styles(content) -> set[str]:
    """Automatic paragraph styles derived from Title ('P1' with parent 'Title')."""
    names = {"Title"}
    for style in content.iter(f"{STYLE}style"):
        if style.get(f"{STYLE}parent-style-name") == "Title":
            names.add(style.get(f"{STYLE}name"))
    return names


def _odt_blocks(content, notes: list, title_styles: set[str]) -> tuple[list, str]:
    blocks: list[tuple[str, str]] = []
    title = ""
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        return blocks, title
    for element in body.iter(f"{TEXT}h", f"{TEXT}p", f"{TABLE}table"):
        # notes go to the endnote block, comments and tables of contents nowhere; a text
        # box's paragraphs come after the paragraph that anchors it (see _odt_text)
        if any(a.tag in _ODT_NOT_BODY for a in element.iterancestors()):
            continue
        if element.tag == f"{TABLE}table":
            rows = [" | ".join(clean_inline(_odt_text(cell, notes)) for cell in row.iter(f"{TABLE}table-cell")
                               if _odt_text(cell, []).strip())
                    for row in element.iter(f"{TABLE}table-row")]
            blocks.append(("pre", "\n".join(r for r in rows if r)))
            continue
        text = _odt_text(element, notes)
        if element.get(f"{TEXT}style-name") in title_styles and not title and not blocks:
            title = clean_inline(text)
            continue
        blocks.append(("h" if element.tag == f"{TEXT}h" else "p", text))
    return blocks, title


def _odt_text(element, notes: list) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{TEXT}note":
            body = child.find(f"{TEXT}note-body")
            notes.append((len(notes) + 1, " ".join(_odt_text(p, []) for p in body.iter(f"{TEXT}p"))
                          if body is not None else ""))
            parts.append(f"[{len(notes)}]")
        elif tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1") or 1))
        elif tag in (f"{TEXT}tab", f"{TEXT}line-break"):
            parts.append(" ")
        elif tag in (f"{TEXT}soft-page-break", f"{OFFICE}annotation", f"{OFFICE}annotation-end",
                     f"{TEXT}bookmark", f"{DRAW}frame", f"{DRAW}custom-shape", f"{DRAW}g"):
            pass                     # a frame's text box is read as paragraphs of its own
        else:
            parts.append(_odt_text(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)
