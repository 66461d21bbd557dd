"""The Word export read back with python-docx and from its XML parts."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from briefing.io.docx_export import write_docx
from briefing.io.docx_footnotes import quoted
from briefing.io.docx_xml import LINE_BREAKS
from briefing.io.export import clean
from support import briefs as BRIEFS

GOLDEN = Path(__file__).parent / "golden"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"






class Exported:
    """A written .docx opened both ways: python-docx and the raw zip parts."""

    def __init__(self, brief, annex=True):
        stream = io.BytesIO()
        write_docx(brief, stream, annex=annex)
        self.zip = zipfile.ZipFile(io.BytesIO(stream.getvalue()))
        self.doc = docx.Document(io.BytesIO(stream.getvalue()))

    def xml(self, name):
        return etree.fromstring(self.zip.read(name))

    def text(self, name):
        return self.zip.read(name).decode("utf-8")


@pytest.fixture(scope="module")
def sample():
    return Exported(BRIEFS.build())


@pytest.fixture(scope="module")
def hostile():
    return Exported(BRIEFS.hostile())


def outline(document_xml: bytes) -> str:
    """Paragraph styles and text, and table rows, in body order: the golden-file view."""
    lines = []
    for block in etree.fromstring(document_xml).find(f"{W}body"):
        if block.tag == f"{W}p":
            style = block.find(f"{W}pPr/{W}pStyle")
            name = style.get(f"{W}val") if style is not None else "Normal"
            text = "".join(block.itertext())
            refs = len(block.findall(f".//{W}footnoteReference"))
            lines.append(f"[{name}] {text}" + (f" <{refs} notes>" if refs else ""))
        elif block.tag == f"{W}tbl":
            for row in block.iterfind(f"{W}tr"):
                lines.append("  | " + " | ".join("".join(c.itertext()) for c in row.iterfind(f"{W}tc")))
    return "\n".join(lines) + "\n"


def test_golden_outline(sample):
    assert outline(sample.zip.read("word/document.xml")) == (GOLDEN / "sample.docx.txt").read_text(encoding="utf-8")


def test_headings_in_order_use_built_in_styles(sample):
    heads = [(p.style.name, p.text) for p in sample.doc.paragraphs
             if p.style.name.startswith(("Title", "Heading"))]
    assert heads == [("Title", "Vienna talks: where they stand"), ("Heading 1", "Bottom line"),
                     ("Heading 1", "Key claims"), ("Heading 1", "Actors"), ("Heading 1", "Risks"),
                     ("Heading 1", "Open questions"), ("Heading 1", "Sources"),
                     ("Heading 1", "Annex: the article"),
                     ("Heading 2", "Next Steps[5]")]   # the article's crosshead, in the annex
    styles = {p.style.name for p in sample.doc.paragraphs}
    assert {"List Number", "List Continue"} <= styles


def test_core_properties(sample):
    props = sample.doc.core_properties
    assert props.title == "Vienna talks: where they stand"
    assert props.author == "J. Analyst"
    assert props.created.isoformat().startswith("2024-10-25T09:00:00")


def test_tables_rows_and_repeated_shaded_header(sample):
    meta, actors, risks = sample.doc.tables
    assert [r.cells[0].text for r in meta.rows][:2] == ["Analyst", "Created"]
    assert [c.text for c in actors.rows[0].cells] == ["#", "Actor", "Type", "Role"]
    assert [r.cells[1].text for r in actors.rows[1:]] == ["A. Novak", "Observers"]
    assert [c.text for c in risks.rows[1].cells] == ["1", "The ceasefire may not hold.", "likely", "high"]
    for table in (actors, risks):
        head = table.rows[0]._tr
        assert head.find(f"{W}trPr/{W}tblHeader") is not None
        assert head.find(f".//{W}shd").get(f"{W}fill") == "1F3864"
    assert meta.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is None


def test_footnotes_part_is_related_typed_and_styled(sample):
    types = sample.text("[Content_Types].xml")
    assert ('PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footnotes+xml"') in types
    rels = sample.xml("word/_rels/document.xml.rels")
    assert any(r.get("Type") == FOOTNOTES_REL and r.get("Target") == "footnotes.xml" for r in rels)
    notes = sample.xml("word/footnotes.xml")
    special = {n.get(f"{W}id"): n.get(f"{W}type") for n in notes if n.get(f"{W}type")}
    assert special == {"-1": "separator", "0": "continuationSeparator"}
    styles = sample.text("word/styles.xml")
    assert 'w:styleId="FootnoteText"' in styles and 'w:styleId="FootnoteReference"' in styles
    assert "<w:footnotePr>" in sample.text("word/settings.xml")


def test_every_citation_is_a_footnote_quoting_its_sentence(sample):
    brief = BRIEFS.build()
    notes = {n.get(f"{W}id"): "".join(n.itertext()) for n in sample.xml("word/footnotes.xml")}
    refs = [r.get(f"{W}id") for r in sample.xml("word/document.xml").iter(f"{W}footnoteReference")]
    assert len(refs) == sum(len(i.citations) for i in brief.items) == len(set(refs))
    assert set(refs) == set(notes) - {"-1", "0"}
    cited = [c for i in brief.items for c in i.citations]
    for ref, c in zip(refs, cited):
        assert quoted(c.exact) in notes[ref] and f"Sentence {brief.trusted_sentence(c).id[1:]}:" in notes[ref]


def test_header_and_footer_carry_marking_and_page_fields(sample):
    header, footer = sample.text("word/header1.xml"), sample.text("word/footer1.xml")
    assert "TLP:AMBER" in header and "TLP:AMBER" in footer
    instructions = [t.text.strip() for t in sample.xml("word/footer1.xml").iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Page " in footer and " of " in footer


def test_annex_shades_cited_sentences_and_numbers_them(sample):
    body = sample.xml("word/document.xml").find(f"{W}body")
    paras = list(body.iterfind(f"{W}p"))
    start = next(i for i, p in enumerate(paras) if "".join(p.itertext()) == "Annex: the article")
    shaded = ["".join(r.itertext()) for p in paras[start:] for r in p.iterfind(f"{W}r")
              if r.find(f"{W}rPr/{W}shd") is not None]
    assert shaded == ["Officials met in Vienna on Monday.",
                      "The talks lasted six hours, a spokesman said.",
                      "Negotiators agreed on a ceasefire text.",
                      "\"We are close,\" said Dr. A. Novak.", "Next Steps",
                      "A second round is planned for May 3."]
    assert "".join(paras[-1].itertext()).endswith("May 3.[6] Observers doubt it will hold.")


def test_no_annex_when_asked(sample):
    doc = Exported(BRIEFS.build(), annex=False).doc
    assert "Annex: the article" not in [p.text for p in doc.paragraphs]


def test_hostile_text_is_only_text(hostile):
    for name in hostile.zip.namelist():
        data = hostile.zip.read(name).decode("utf-8", "replace")
        assert 'TargetMode="External"' not in data, name
        assert "<w:hyperlink" not in data and "HYPERLINK" not in data, name
        assert "<w:fldSimple" not in data, name
    instr = [t.text for n in hostile.zip.namelist() if n.endswith(".xml") and n.startswith("word/")
             for t in hostile.xml(n).iter(f"{W}instrText")]
    assert sorted(i.strip() for i in instr) == ["NUMPAGES", "PAGE"]
    title = next(p for p in hostile.doc.paragraphs if p.style.name == "Title")
    assert title.text == BRIEFS.HOSTILE[3]
    body_text = "\n".join(p.text for p in hostile.doc.paragraphs)
    for h in BRIEFS.HOSTILE:
        assert h in body_text


def test_control_characters_are_dropped_not_fatal():
    brief = BRIEFS.build()
    brief.set_meta("title", "bad\x00\x07 title\ud800")
    doc = Exported(brief).doc
    assert doc.core_properties.title == "bad title"
    assert any(p.text == "bad title" for p in doc.paragraphs)


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=60))
def test_any_typed_text_reads_back_as_text(typed):
    """Whatever an analyst types (controls and surrogates aside) comes back verbatim, each
    kind of line break (CR, vertical tab, form feed, U+2028...) as one line break."""
    brief = BRIEFS.build()
    item = brief.add_item("risk", typed, ["s1"])
    brief.set_field(item.id, "note", "Note: " + typed)
    doc = Exported(brief, annex=False).doc
    risks = doc.tables[2]
    expected = clean(LINE_BREAKS.sub("\n", typed))
    assert risks.rows[-1].cells[1].text == expected
    assert risks.rows[-1].cells[-1].text == "Note: " + expected
