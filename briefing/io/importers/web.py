"""Web pages (.html, a browser's saved copy, .mhtml): the article's main text only.

trafilatura finds the main text (no menus, ads, cookie banners, comments, related links)
and the metadata; readability-lxml is the fallback when it finds nothing. Both read the
string we hand them and never fetch anything. What the article keeps is text: no script,
style, image or remote load survives.
"""
from __future__ import annotations

import email
import email.policy
import logging
import os
import re

from briefing.io.errors import BriefingFileError
from briefing.io.importers.base import Imported, clean_inline, layout

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_BLOCKS = {"p", "quote", "item", "code", "head", "table", "list", "lb"}
MIN_WORDS = 15  # fewer words than this from trafilatura and we try readability

for _name in ("trafilatura", "htmldate", "courlan", "readability", "readability.readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def decode_html(data: bytes) -> str:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace")
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "ignore")] if declared else []
    for encoding in candidates + ["utf-8", "cp1252"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def import_html(data: bytes, path: str | os.PathLike, progress=None) -> Imported:
    return html_to_article(decode_html(data), path)


def html_to_article(html: str, path: str | os.PathLike = "", url: str = "") -> Imported:
    """The main text of a page given as a string (also used for pasted HTML)."""
    html = html.replace("\x00", "")
    saved = _SAVED_FROM.search(html[:4096])
    try:
        blocks, meta = _trafilatura(html)
        if _words(blocks) < MIN_WORDS:
            blocks, fallback_meta = _readability(html)
            meta = {**fallback_meta, **{k: v for k, v in meta.items() if v}}
    except BriefingFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser failing on odd markup is bad input
        raise BriefingFileError(path, f"cannot read this web page ({type(exc).__name__})") from None
    if _words(blocks) == 0:
        raise BriefingFileError(path, "no article text found in this web page")
    meta["url"] = meta.get("url") or url or (saved.group(1) if saved else "")
    title = clean_inline(meta.get("title", ""))
    if blocks and blocks[0][0] == "h" and clean_inline(blocks[0][1]).casefold() == title.casefold():
        blocks = blocks[1:]
    return layout(blocks, meta, "html")


def _words(blocks) -> int:
    return sum(len(text.split()) for _, text in blocks)


def _trafilatura(html: str) -> tuple[list[tuple[str, str]], dict]:
    import trafilatura
    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, include_images=False,
        include_links=False, include_formatting=False, with_metadata=True, deduplicate=False,
        # a date only from the page's own markup (meta tags, <time>, URL): the extensive
        # search reads a footer's "© 2026" as 2026-01-01, a date the article never had
        date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or doc.body is None:
        return [], _page_title(html)
    meta = {"title": doc.title or "", "author": doc.author or "", "outlet": doc.sitename or "",
            "published": doc.date or "", "url": doc.url or ""}
    return _xml_blocks(doc.body), meta


def _xml_blocks(body) -> list[tuple[str, str]]:
    """trafilatura's XML (head, p, list/item, quote, table/row/cell) as blocks."""
    blocks: list[tuple[str, str]] = []
    for element in body:
        tag = element.tag
        if tag == "head":
            blocks.append(("h", _text(element)))
        elif tag == "list":
            blocks.extend(("p", _text(item)) for item in element.iter("item"))
        elif tag == "table":
            rows = [" | ".join(filter(None, (_text(cell) for cell in row.iter("cell"))))
                    for row in element.iter("row")]
            blocks.append(("pre", "\n".join(filter(None, rows))))
        elif tag in ("code", "pre"):
            blocks.append(("pre", "".join(element.itertext())))
        elif tag in ("div", "quote") and len(element) and any(c.tag in _BLOCKS for c in element):
            blocks.extend(_xml_blocks(element))
        else:
            blocks.append(("p", _text(element)))
    return [(kind, text) for kind, text in blocks if text.strip()]


def _text(element) -> str:
    return clean_inline(" ".join(element.itertext()).replace("\n", " "))


def _readability(html: str) -> tuple[list[tuple[str, str]], dict]:
    from lxml import html as lxml_html
    from readability import Document
    document = Document(html)
    summary = document.summary(html_partial=True)
    tree = lxml_html.fragment_fromstring(summary, create_parent="div")
    blocks: list[tuple[str, str]] = []
    for element in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote", "td"):
        if any(a.tag in ("p", "li", "blockquote") for a in element.iterancestors()):
            continue
        kind = "h" if element.tag[0] == "h" and element.tag[1:].isdigit() else (
            "pre" if element.tag == "pre" else "p")
        blocks.append((kind, clean_inline(element.text_content())))
    meta = _page_title(html)
    meta["title"] = clean_inline(document.short_title() or meta.get("title", ""))
    return [(k, t) for k, t in blocks if t], meta


def _page_title(html: str) -> dict:
    found = re.search(r"<title[^>]*>(.*?)</title>", html[:65536], re.I | re.S)
    if not found:
        return {}
    import html as html_lib
    return {"title": clean_inline(html_lib.unescape(found.group(1)))}


# ---- MHTML ------------------------------------------------------------------------------
def import_mhtml(data: bytes, path: str | os.PathLike, progress=None) -> Imported:
    """A page saved as one MIME file (Chrome, Edge): its first HTML part, its address."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        root_url = str(message.get("Snapshot-Content-Location", "") or "")
        for part in message.walk():
            if part.get_content_type() in ("text/html", "application/xhtml+xml"):
                html = _part_text(part)
                url = root_url or str(part.get("Content-Location", "") or "")
                return html_to_article(html, path, url if url.startswith("http") else "")
    except BriefingFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - the email parser on a damaged file
        raise BriefingFileError(path, f"damaged MHTML file ({type(exc).__name__})") from None
    raise BriefingFileError(path, "no web page inside this MHTML file")


def _part_text(part) -> str:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or ""
    if charset:
        try:
            return payload.decode(charset, "replace")
        except LookupError:
            pass
    return decode_html(payload)
