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
    html = prepare(html)
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
    return layout(trim_edges(drop_title(blocks, title)), meta, "html")


_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
           r"(?:januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|"
           r"juillet|août|septembre|octobre|novembre|décembre)")
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|first published|veröffentlicht|aktualisiert|"
    r"publié|mis à jour)(?:\s+on|\s+am|\s+le)?:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:[\d./-]+|\d{1,2}\.?\s+(?:" + _MONTHS + r")|(?:" + _MONTHS + r")\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r",?\s*(?:\d{4})?(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm|uhr|h|gmt|bst|cet|utc)?)?$", re.I)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s)|all rights reserved", re.I)


def trim_edges(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Without a dateline before the first paragraph ("Thursday 12 June 2025", "Updated")
    and a copyright notice after the last one: page furniture the extractor kept."""
    while blocks and blocks[0][0] != "h" and _DATELINE.match(clean_inline(blocks[0][1])):
        blocks = blocks[1:]
    while blocks and _COPYRIGHT.search(blocks[-1][1]) and len(blocks[-1][1].split()) <= 40:
        blocks = blocks[:-1]
    return blocks


def drop_title(blocks: list[tuple[str, str]], title: str) -> list[tuple[str, str]]:
    """The blocks without the headline (it is the title): found among the first three, with
    the labels above it (a kicker, a section name); a headline run into the line below it
    (a dateline after a <br>) loses only the headline."""
    folded = title.casefold()
    if not folded:
        return blocks
    for index, (kind, text) in enumerate(blocks[:3]):
        text = clean_inline(text)
        before = blocks[:index]
        if not all(len(t.split()) <= 8 and not t.rstrip().endswith((".", "!", "?")) for _, t in before):
            break
        if text.casefold() == folded:
            return blocks[index + 1:]
        if text.casefold().startswith(folded + " ") and len(text.split()) - len(title.split()) <= 8:
            return [(kind, text[len(title):].strip())] + blocks[index + 1:]
    return blocks


# ---- before extraction: undo markup that misleads the extractors ------------------------
_SOCIAL = re.compile(r"(?:^|[\s_-])(?:share|sharing|shares|social|sharebar|sharetools|share-tools)(?:$|[\s_-])", re.I)
_BLOCK_TAGS = {"p", "div", "table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2", "h3", "h4",
               "h5", "h6", "section", "article", "aside", "header", "footer", "nav", "form", "hr",
               "figure", "main", "li", "center"}
LAYOUT_CELL_WORDS = 60  # a table cell with this much running text is page layout, not data


def prepare(html: str) -> str:
    """The page with markup the extractors misread undone: share and social-media bars
    (their links make trafilatura drop the short updates of a live blog they sit in),
    layout tables (a whole page in table cells read as one data table), paragraphs made
    with <br><br>, and a live blog's timestamps (trafilatura drops every <time>). Any
    failure gives the page back unchanged."""
    try:
        from lxml import html as lxml_html
        from trafilatura.utils import load_html
        tree = load_html(html)
        if tree is None or tree.find(".//body") is None:     # a fragment (pasted HTML)
            tree = load_html(f"<html><head></head><body>{html}</body></html>")
        body = tree.find(".//body") if tree is not None else None
        if body is None:
            return html
        _drop_share_bars(body)
        _untable_layout(body)
        _split_double_breaks(body)
        _keep_timestamps(body)
        return lxml_html.tostring(tree, encoding="unicode")
    except Exception:  # noqa: BLE001 - odd markup: let the extractors see the original
        return html


def _drop_share_bars(body) -> None:
    for element in list(body.iter("div", "ul", "section", "aside")):
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if _SOCIAL.search(marks) and len(element.text_content().split()) <= 12 \
                and element.getparent() is not None:
            element.drop_tree()


def _untable_layout(body) -> None:
    for table in list(body.iter("table")):
        cells = table.findall(".//td") + table.findall(".//th")
        if not any(_own_words(cell) >= LAYOUT_CELL_WORDS for cell in cells):
            continue
        for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            if element.getparent() is not None or element is table:
                element.tag = "div"
                for attribute in ("width", "valign", "colspan", "rowspan", "cellpadding", "cellspacing"):
                    element.attrib.pop(attribute, None)


def _own_words(cell) -> int:
    """Words in a cell outside any nested table."""
    words = len((cell.text or "").split())
    for child in cell:
        if child.tag != "table" and isinstance(child.tag, str):
            words += len(child.text_content().split())
        words += len((child.tail or "").split())
    return words


def _split_double_breaks(body) -> None:
    """<div>one<br><br>two<br><br>three</div>: three paragraphs."""
    from lxml import html as lxml_html
    for element in list(body.iter("div", "td", "th", "section", "article", "main", "body", "font", "span")):
        children = list(element)
        brs = [c for c in children if c.tag == "br"]
        if len(brs) < 2 or not _has_double_break(element):
            continue
        groups: list[list] = [[]]          # runs of inline nodes (text as str)
        pending_breaks = 0
        items = ([element.text] if element.text else []) + [
            node for child in children for node in (child, child.tail) if node is not None]
        out: list = []
        for item in items:
            if isinstance(item, str):
                if item.strip():
                    if pending_breaks >= 2 and groups[-1]:
                        groups.append([])
                    elif pending_breaks == 1 and groups[-1]:
                        groups[-1].append(lxml_html.Element("br"))
                    pending_breaks = 0
                    groups[-1].append(item)
                elif groups[-1]:
                    groups[-1].append(item)
                continue
            if item.tag == "br":
                pending_breaks += 1
                continue
            if isinstance(item.tag, str) and item.tag in _BLOCK_TAGS:
                out.extend(groups)
                out.append(item)
                groups, pending_breaks = [[]], 0
                continue
            if pending_breaks >= 2 and groups[-1]:
                groups.append([])
            elif pending_breaks == 1 and groups[-1]:
                groups[-1].append(lxml_html.Element("br"))
            pending_breaks = 0
            groups[-1].append(item)
        out.extend(groups)
        for child in children:
            child.tail = None
            element.remove(child)
        element.text = None
        for item in out:
            if isinstance(item, list):
                if not any((x if isinstance(x, str) else x.text_content()).strip() for x in item):
                    continue
                paragraph = lxml_html.Element("p")
                for node in item:
                    if isinstance(node, str):
                        if len(paragraph):
                            paragraph[-1].tail = (paragraph[-1].tail or "") + node
                        else:
                            paragraph.text = (paragraph.text or "") + node
                    else:
                        node.tail = None
                        paragraph.append(node)
                element.append(paragraph)
            else:
                element.append(item)


def _has_double_break(element) -> bool:
    children = list(element)
    return any(a.tag == "br" and b.tag == "br" and not (a.tail or "").strip()
               for a, b in zip(children, children[1:]))


def _keep_timestamps(body) -> None:
    """A live blog's timestamps: <time> elements alone in their block (three or more) keep
    their text (after the element, so the date finder still reads its datetime)."""
    alone = [t for t in body.iter("time")
             if t.getparent() is not None and (t.text or "").strip() and len(t) == 0
             and not (t.tail or "").strip()
             and " ".join(t.getparent().text_content().split()) == " ".join(t.text.split())]
    if len(alone) < 3:
        return
    for element in alone:
        element.tail = element.text + (element.tail or "")
        element.text = None


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
