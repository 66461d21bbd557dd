"""WordprocessingML fragments built as text, parsed once into the python-docx document.

Why text and not python-docx's object API: a brief of 5,000 items and 10,000 citations
is ~30,000 paragraphs, runs and cells; python-docx builds each through XPath lookups and
element factories, lxml parses the same markup in one C call. Every piece of user text
passes through `xml_text`, so it can only ever be character data: no element, no field,
no hyperlink and no relationship can come from what a user typed.
"""
from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from docx.oxml.parser import parse_xml
from lxml import etree

from briefing.io.export import clean

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PAGE_TWIPS = 9638           # A4 width (11906) minus two 2 cm margins
HEADER_FILL = "1F3864"      # dark navy header rows; white bold text on it
LABEL_FILL = "F2F2F2"       # light grey label column of the metadata table
CITED_FILL = "FFF2CC"       # pale amber behind cited sentences in the annex
NUMBER_TWIPS = 680          # a table's '#' column: "999" in 10.5 pt (~330) + cell margins (2 x 108) + slack
# Every way a user's text can say "new line": CRLF, CR, LF, vertical tab, form feed, NEL and
# Unicode's line and paragraph separators. `clean` would drop the control characters among
# them and run the words on either side together; a run turns each into one <w:br/>.
LINE_BREAKS = re.compile("\r\n|[\r\n\v\f\x85\u2028\u2029]")


def xml_text(text: str) -> str:
    """User text as XML character data: unwritable characters dropped, markup escaped."""
    return escape(clean(text), {'"': "&quot;"})


def right_to_left(text: str) -> bool:
    """Whether a text reads right to left: its first strongly directional character is
    Hebrew, Arabic or another right-to-left script (Unicode bidi classes R and AL)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


_TEXT = re.compile(r"<w:t[ >][^<]*")
# Paragraph properties that the schema puts after w:bidi (CT_PPrBase's sequence).
_AFTER_BIDI = re.compile(r"<w:(adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|"
                         r"mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|"
                         r"textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b")


def run(text: str, rpr: str = "") -> str:
    """A run of text; every line break in user text (LF, CR, vertical tab, form feed,
    U+2028/U+2029, see LINE_BREAKS) becomes a line break within the paragraph. Arabic or
    Hebrew text is marked right to left (w:rtl), so Word orders it and its marks right."""
    if right_to_left(text):
        rpr += "<w:rtl/>"    # late in CT_RPr's sequence: after everything we set
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    lines = xml_text(LINE_BREAKS.sub("\n", text)).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:r>{props}{body}</w:r>"


def para(runs: str, style: str = "", ppr: str = "") -> str:
    """A paragraph in a named style (style id) with optional extra paragraph properties;
    a paragraph whose text starts right to left is a right-to-left paragraph (w:bidi), so
    its note marks land where a reader of Arabic or Hebrew expects."""
    text = "".join(m.group(0).split(">", 1)[-1] for m in _TEXT.finditer(runs))
    if right_to_left(text) and "<w:bidi/>" not in ppr:
        at = _AFTER_BIDI.search(ppr)
        ppr = ppr[:at.start()] + "<w:bidi/>" + ppr[at.start():] if at else ppr + "<w:bidi/>"
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    return f"<w:p>{props}{runs}</w:p>"


def field(instruction: str, shown: str = "1", rpr: str = "") -> str:
    """A complex field (PAGE, NUMPAGES): Word and LibreOffice compute it at layout time."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r>{props}<w:t>{shown}</w:t></w:r>"
            f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>')


def footnote_refs(note_ids: list[int]) -> str:
    """Footnote references, with superscript commas between them so that notes 1 and 2
    never read as note 12."""
    comma = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>,</w:t></w:r>'
    return comma.join(f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                      f'<w:footnoteReference w:id="{n}"/></w:r>' for n in note_ids)


def shading(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


def cell_para(runs: str) -> str:
    """A paragraph inside a table cell: no space after, the cell margins do that job."""
    return para(runs, ppr='<w:spacing w:before="0" w:after="0"/>')


def cell(content: str, width: int, fill: str = "") -> str:
    """A table cell holding ready-made paragraphs (a cell must hold at least one)."""
    shade = shading(fill) if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f"{content or '<w:p/>'}</w:tc>")


def table(widths: list[int], rows: list[list[str]], header: bool = True,
          first_fill: str = "", style: str = "TableGrid") -> str:
    """A full-width table of cells (paragraph XML per cell). With `header`, the first row
    is shaded and repeats at the top of every page the table runs onto; `first_fill`
    shades the first column (a label column). Rows may break across pages (no
    <w:cantSplit/>): a row taller than a page would otherwise be cut off at the page foot."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" '
           f'w:type="dxa"/><w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
           f'</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="{int(header)}" w:lastRow="0" '
           f'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for n, cells in enumerate(rows):
        head = header and n == 0
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        fills = [HEADER_FILL if head else (first_fill if i == 0 else "")
                 for i in range(len(widths))]
        out.append("<w:tr>" + trpr + "".join(
            cell(c, w, f) for c, w, f in zip(cells, widths, fills)) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def widths_for(weights: list[float], first: int = 0) -> list[int]:
    """Column widths in twips sharing the text width by weight; with `first`, the first
    column is that many twips wide (a '#' column) and the others share the rest."""
    if first:
        return [first] + widths_for_width(weights[1:], PAGE_TWIPS - first)
    return widths_for_width(weights, PAGE_TWIPS)


def widths_for_width(weights: list[float], width: int) -> list[int]:
    total = sum(weights)
    return [int(width * w / total) for w in weights]


def with_body(document, fragments: list[str]):
    """The document with the fragments as its body content, before the section properties.

    The document element is re-parsed from text with the body spliced in, rather than the
    parsed fragments being moved into the existing tree: lxml reconciles the xml: namespace
    of every moved <w:t xml:space="preserve">, which costs seconds for a large brief.
    Returns a fresh python-docx Document proxy over the new element.
    """
    xml = etree.tostring(document.element, encoding="unicode")
    at = xml.rindex("<w:sectPr")
    part = document.part
    part._element = parse_xml(xml[:at] + "".join(fragments) + xml[at:])
    return part.document
