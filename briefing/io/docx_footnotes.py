"""Real Word footnotes, which python-docx has no API for.

A footnote in WordprocessingML lives in its own part, word/footnotes.xml, related to the
document part by the footnotes relationship and declared in [Content_Types].xml; the body
points at it with <w:footnoteReference w:id="n"/>. Word also expects the two special notes
-1/0 (separator and continuation separator, the rule above the notes), the
"footnote text" and "footnote reference" styles, and settings naming the special notes.
This module supplies all of that, so Word, LibreOffice and pandoc show notes at page foot.
"""
from __future__ import annotations

import re

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from briefing.io.docx_xml import W_NS, run

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_SPECIAL = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
    'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>")


_INNER_QUOTE = re.compile('["\u201c\u201d]')
_OPENS_AFTER = "([{<\u2014\u2013-/\u2018"  # a straight quote after these (or a space) opens


def quoted(text: str) -> str:
    """A sentence in typographic quotes, one level deep: “…”, with every double quote
    inside it (straight or curly) turned into a single curly one, so a sentence that
    quotes someone reads “‘We are close,’ said Novak.” and never ends `close."”`.
    A straight quote opens (‘) at the start or after a space or bracket, else closes (’)."""
    def single(match: re.Match) -> str:
        mark, at = match.group(), match.start()
        if mark != '"':
            return "\u2018" if mark == "\u201c" else "\u2019"
        before = text[at - 1] if at else " "
        return "\u2018" if before.isspace() or before in _OPENS_AFTER else "\u2019"
    return f"\u201c{_INNER_QUOTE.sub(single, text)}\u201d"


class Footnotes:
    """Collects footnotes while the body is written, then adds them as one part."""

    def __init__(self) -> None:
        self._notes: list[str] = []

    def add(self, text: str, lead: str = "", source: str = "") -> int:
        """A new footnote: optional source name in italics, bold lead-in, then text.
        Returns the id to reference."""
        note_id = len(self._notes) + 1
        lead_run = (run(source, "<w:i/>") + run(", ") if source else "") + \
            (run(lead + " ", "<w:b/>") if lead else "")
        self._notes.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>'
            f'</w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
            f"{lead_run}{run(text)}</w:p></w:footnote>")
        return note_id

    def xml(self) -> bytes:
        body = "".join(self._notes)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:footnotes xmlns:w="{W_NS}">{_SPECIAL}{body}</w:footnotes>').encode("utf-8")

    def attach(self, document) -> None:
        """Add the part, its relationship, the styles and settings Word expects."""
        package = document.part.package
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE, self.xml(), package)
        document.part.relate_to(part, RT.FOOTNOTES)
        _add_styles(document)
        _name_special_notes(document)


def _add_styles(document) -> None:
    """'footnote text' and 'footnote reference', as Word names its built-in ones; the
    default python-docx template lacks both."""
    styles = document.styles
    names = {s.name for s in styles}
    if "footnote text" not in names:
        text = styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        text.base_style = styles["Normal"]
        text.font.size = Pt(8.5)
        text.paragraph_format.space_after = Pt(2)
        text.paragraph_format.line_spacing = 1.0
        _make_built_in(text, "FootnoteText")
    if "footnote reference" not in names:
        ref = styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True
        _make_built_in(ref, "FootnoteReference")


def _make_built_in(style, style_id: str) -> None:
    """Word's own id, and no customStyle flag: Word then treats the style as its built-in
    one instead of adding a look-alike ('footnote text1') beside it."""
    style.element.set(f"{{{W_NS}}}styleId", style_id)
    style.element.attrib.pop(f"{{{W_NS}}}customStyle", None)


def _name_special_notes(document) -> None:
    """<w:footnotePr> in settings lists the separator notes; it precedes <w:compat>."""
    settings = document.settings.element
    note_pr = parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/>'
                        f'<w:footnote w:id="0"/></w:footnotePr>')
    compat = settings.find(f"{{{W_NS}}}compat")
    if compat is not None:
        compat.addprevious(note_pr)
    else:
        settings.append(note_pr)
