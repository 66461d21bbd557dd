"""The Word document's frame: page, typography, marking header/footer, properties, lists.

Only built-in styles are used (Title, Heading 1/2/3, List Number, List Continue, Table Grid),
restyled here once, so Word's navigation pane, its table of contents and a reader's own
style changes keep working on an exported brief.
"""
from __future__ import annotations

import unicodedata
from datetime import datetime

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Pt, RGBColor

from briefing.core.brief import BriefModel
from briefing.io.docx_xml import PAGE_TWIPS, W_NS, field, run
from briefing.io.export import clean, short_name

FONT = "Calibri"
INK = RGBColor(0x1F, 0x38, 0x64)   # headings: the same navy as table header rows
# TLP 2.0 label colours (text on black) and the standard one-line meaning of each.
MARKINGS = {
    "TLP:CLEAR": ("FFFFFF", "Recipients can spread this to the world; there is no limit on disclosure."),
    "TLP:GREEN": ("33FF00", "Limited disclosure: recipients can spread this within their community."),
    "TLP:AMBER": ("FFC000", "Limited disclosure: recipients can only spread this on a need-to-know "
                            "basis within their organisation and its clients."),
    "TLP:AMBER+STRICT": ("FFC000", "Limited disclosure: recipients can only spread this on a "
                                   "need-to-know basis within their organisation."),
    "TLP:RED": ("FF2B2B", "For the eyes and ears of individual recipients only, no further "
                          "disclosure."),
}


def marking_label(marking: str, size: int = 18) -> str:
    """The marking as TLP prescribes it: bold coloured capitals on a black background."""
    colour = MARKINGS.get(marking, ("FFFFFF", ""))[0]
    return run(f" {marking} ", f'<w:b/><w:color w:val="{colour}"/><w:sz w:val="{size}"/>'
                               f'<w:shd w:val="clear" w:color="auto" w:fill="000000"/>')


def marking_meaning(marking: str) -> str:
    return MARKINGS.get(marking, ("", ""))[1]


def setup_page(document) -> None:
    """A4, 2 cm margins, header and footer 1 cm from the edge."""
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    section.header_distance = section.footer_distance = Cm(1.0)


def setup_styles(document) -> None:
    """Calibri 10.5 pt body with modest spacing; navy headings, tighter than the template."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.12
    for name, size, before in (("Title", 24, 0), ("Heading 1", 14, 16), ("Heading 2", 12, 10),
                               ("Heading 3", 11, 8)):
        style = styles[name]
        style.font.name, style.font.size, style.font.color.rgb = FONT, Pt(size), INK
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(6)
    styles["List Number"].paragraph_format.space_before = Pt(6)
    styles["List Number"].paragraph_format.space_after = Pt(1)
    styles["List Continue"].paragraph_format.space_after = Pt(1)


FOOTER_TITLE_UNITS = 72  # about half the footer line at 8 pt: marking and page number keep their room


def setup_header_footer(document, brief: BriefModel) -> None:
    """Marking at the top right of every page; marking and title at the left of the
    footer, 'Page N of M' at its right margin.

    The built-in Footer style brings a centre tab (4680) and a right tab (9360, a US
    Letter margin) that a footer's one tab would stop at; both are cleared in the
    paragraph and a right tab set at the text width, and the title is cut to one line,
    so the page number sits at the right margin whatever the title's length."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _append_runs(header, marking_label(brief.marking))
    footer = section.footer.paragraphs[0]
    small = '<w:sz w:val="16"/><w:color w:val="595959"/>'
    title = footer_title(brief.title)
    _append_runs(footer, marking_label(brief.marking, 16) + run(f"   {title}", small)
                 + "<w:r><w:tab/></w:r>" + run("Page ", small) + field("PAGE", rpr=small)
                 + run(" of ", small) + field("NUMPAGES", rpr=small))
    footer._p.get_or_add_pPr().append(parse_xml(
        f'<w:tabs xmlns:w="{W_NS}"><w:tab w:val="clear" w:pos="4680"/>'
        f'<w:tab w:val="clear" w:pos="9360"/>'
        f'<w:tab w:val="right" w:pos="{PAGE_TWIPS}"/></w:tabs>'))


def footer_title(title: str) -> str:
    """The title on one footer line: cut at a word to FOOTER_TITLE_UNITS, a wide (East
    Asian) character counting two, with an ellipsis."""
    flat = " ".join(clean(title).split()) or "Untitled brief"
    units = 0
    for at, char in enumerate(flat):
        units += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if units > FOOTER_TITLE_UNITS:
            return short_name(flat, at)
    return flat


def _append_runs(paragraph, runs_xml: str) -> None:
    wrapper = parse_xml(f'<w:p xmlns:w="{W_NS}">{runs_xml}</w:p>')
    for child in list(wrapper):
        paragraph._p.append(child)


def _moment(stamp: str) -> datetime | None:
    """An ISO 8601 stamp (the brief's 'Z' form included) as a datetime, if it is one."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None


PROPERTY_MAX = 255  # python-docx (and Word's own dialog) refuse longer core properties


def _property(text: str) -> str:
    """A core property: one line, cut to 255 characters with an ellipsis. The document
    body keeps the full text; only File > Properties shows the short form."""
    one_line = " ".join(clean(text).split())
    return one_line if len(one_line) <= PROPERTY_MAX else one_line[:PROPERTY_MAX - 1] + "…"


def setup_properties(document, brief: BriefModel) -> None:
    """File > Properties: title, author = analyst, dates, marking as category. Every
    template value is overwritten so nothing of python-docx's sample metadata leaks."""
    props = document.core_properties
    props.title = _property(brief.title)
    props.author = props.last_modified_by = _property(brief.analyst)
    props.category = brief.marking
    props.subject = _property(brief.article.title)
    props.keywords = props.comments = ""
    props.revision = 1
    for name, stamp in (("created", brief.created), ("modified", brief.modified)):
        moment = _moment(stamp)
        if moment is not None:
            setattr(props, name, moment)


APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>Briefing</Application>'
           '<AppVersion>{version}</AppVersion><DocSecurity>0</DocSecurity></Properties>')
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def app_version(version: str) -> str:
    """The package version as docProps/app.xml spells one ("XX.YYYY", minor and patch two
    digits each): 0.1.0 -> "0.0100", 2.13.4 -> "2.1304"."""
    parts = (version.split(".") + ["0", "0"])[:3]
    major, minor, patch = (int(p) if p.isdigit() else 0 for p in parts)
    return f"{major}.{minor:02d}{patch:02d}"


def remove_template_leftovers(document) -> None:
    """python-docx's template says it was made by "Microsoft Macintosh Word", carries a
    blank thumbnail, and a settings part whose zoom element lacks the percent the schema
    requires: say Briefing made it, drop the thumbnail, make settings valid."""
    from briefing import __version__
    package = document.part.package
    for rel in list(package.rels.values()):
        if rel.reltype == EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML.format(version=app_version(__version__)).encode("utf-8")
        elif rel.reltype == THUMBNAIL:
            del package.rels[rel.rId]   # a dict of rId -> relationship
    settings = document.settings.element
    for zoom in settings.findall(qn("w:zoom")):
        zoom.set(qn("w:percent"), "100")
    for preview in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(preview)


EXTENDED_PROPERTIES = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                       "extended-properties")


def restarted_list(document) -> int:
    """A numbering instance of the List Number style that starts again at 1, so claims
    and questions are each numbered from one. Returns its numId."""
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num_id = max(int(n) for n in numbering.xpath("./w:num/@w:numId")) + 1
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return num_id
