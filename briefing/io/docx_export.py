"""A brief as a Word document an analyst can hand on: python-docx frame, lxml-speed body.

The frame (page, styles, header/footer, properties, numbering, footnotes part) goes through
python-docx; the body is written as WordprocessingML text and parsed once (see docx_xml
for why). Every citation is a real footnote naming its source and quoting its sentence; a
Sources section lists the sources; the optional annex reprints each source with cited
sentences shaded and numbered as the footnotes name them.
"""
from __future__ import annotations

import os
from typing import BinaryIO

import docx

from briefing.core.article import looks_like_heading
from briefing.core.brief import BriefModel
from briefing.core.items import Item
from briefing.core.sections import SECTIONS, Section
from briefing.io import docx_page
from briefing.io.docx_footnotes import Footnotes, quoted
from briefing.io.docx_xml import (
    CITED_FILL, LABEL_FILL, NUMBER_TWIPS, cell_para, footnote_refs, para, run, shading, table, widths_for,
    with_body)
from briefing.io.export import (
    NO_SOURCE, SourceNotes, annex_parts, corroboration, detail_label, detail_specs,
    detail_value, meta_rows,
    sentence_number, source_entries)

WHITE_BOLD = '<w:b/><w:color w:val="FFFFFF"/>'
DETAIL = '<w:color w:val="404040"/><w:sz w:val="19"/>'


class _Body:
    """Accumulates body XML; allocates a footnote per citation as items are written."""

    def __init__(self, brief: BriefModel, document) -> None:
        self.brief = brief
        self.document = document
        self.notes = SourceNotes(brief)
        self.footnotes = Footnotes()
        self.xml: list[str] = []

    def refs(self, item: Item) -> str:
        """One real footnote per citation, quoting the sentence and naming its number."""
        if not item.citations:
            return run(f" {NO_SOURCE}", "<w:i/>" + DETAIL)
        notes = []
        for _, label, quote in self.notes.sources(item):
            source, lead = self.notes.split(label)
            notes.append(self.footnotes.add(quoted(quote), lead, source))
        return footnote_refs(notes)

    # ---- front matter ----------------------------------------------------------------
    def title_block(self) -> None:
        brief = self.brief
        meaning = docx_page.marking_meaning(brief.marking)
        self.xml.append(para(docx_page.marking_label(brief.marking, 20)
                             + run(f"  {meaning}", '<w:i/><w:sz w:val="17"/>'),
                             ppr='<w:spacing w:after="240"/>'))
        self.xml.append(para(run(brief.title or "Untitled brief"), "Title"))
        widths = widths_for([1, 4])
        rows = [[cell_para(run(label, "<w:b/>")), cell_para(run(value))]
                for label, value in meta_rows(brief) if value.strip()]  # no blank rows
        self.xml.append(table(widths, rows, header=False, first_fill=LABEL_FILL))
        self.xml.append(para(run("Bottom line"), "Heading1"))
        summary = [p for p in brief.summary.split("\n\n") if p.strip()] or ["(no summary)"]
        self.xml.extend(para(run(p.strip())) for p in summary)

    # ---- sections --------------------------------------------------------------------
    def numbered(self, items: list[Item]) -> None:
        """Claims and questions: List Number paragraphs restarting at 1 per section, the
        details beneath in List Continue, aligned with the item's text."""
        num_id = docx_page.restarted_list(self.document)
        num = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        for item in items:
            self.xml.append(para(run(item.text or "(no text)", "<w:b/>") + self.refs(item),
                                 "ListNumber", '<w:keepNext/>' + num))
            specs = detail_specs(item.kind)
            lead = [f"Corroboration: {corroboration(self.brief, item)}"] * (item.kind == "claim")
            short = " · ".join(lead + [f"{detail_label(s)}: {detail_value(self.brief, item, s)}"
                                       for s in specs
                                       if not s.multiline and item.fields[s.name].strip()])
            if short:
                self.xml.append(para(run(short, DETAIL), "ListContinue"))
            for spec in (s for s in specs if s.multiline and item.fields[s.name].strip()):
                self.xml.append(para(run(f"{spec.label}: ", "<w:b/>")
                                     + run(item.fields[spec.name]), "ListContinue"))
            if item.note.strip():
                self.xml.append(para(run("Note: ", "<w:b/><w:i/>") + run(item.note, "<w:i/>"),
                                     "ListContinue"))

    def table(self, section: Section, items: list[Item]) -> None:
        """Actors and risks: '#' (wide enough for 999), headline (with its notes), details,
        and notes if any."""
        specs = detail_specs(section.kind)
        with_notes = any(item.note.strip() for item in items)
        header = ["#", section.singular.capitalize(), *(s.label for s in specs)]
        header += ["Note"] * with_notes
        weights = [0, 4] + [3.5 if s.multiline else 1.8 for s in specs] + [2.5] * with_notes
        rows = [[cell_para(run(h, WHITE_BOLD)) for h in header]]
        for n, item in enumerate(items, 1):
            row = [cell_para(run(str(n))),
                   cell_para(run(item.text, "<w:b/>") + self.refs(item))]
            row += [cell_para(run(item.fields[s.name])) for s in specs]
            row += [cell_para(run(item.note))] * with_notes
            rows.append(row)
        self.xml.append(table(widths_for(weights, first=NUMBER_TWIPS), rows))

    def sections(self) -> None:
        for section in SECTIONS:
            items = self.brief.sections[section.kind]
            self.xml.append(para(run(section.title), "Heading1"))
            if not items:
                self.xml.append(para(run("None recorded.", "<w:i/>")))
            elif section.kind in ("actor", "risk"):
                self.table(section, items)
            else:
                self.numbered(items)

    # ---- sources and annex -----------------------------------------------------------
    def source_list(self) -> None:
        """Every source in the brief's order, numbered as the annex parts are: its title,
        then outlet, author, date and URL beneath (the URL as text, never a hyperlink)."""
        self.xml.append(para(run("Sources"), "Heading1"))
        num_id = docx_page.restarted_list(self.document)
        num = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        for title, rows in source_entries(self.brief):
            self.xml.append(para(run(title, "<w:b/>"), "ListNumber",
                                 ("<w:keepNext/>" if rows else "") + num))
            if rows:
                self.xml.append(para(run(" · ".join(f"{label}: {value}" for label, value in rows),
                                         DETAIL), "ListContinue"))

    def annex(self) -> None:
        """Each source in full, cited sentences shaded and followed by their number; with
        several sources, one part per source under its own heading (parts run on: a page
        per part left short statements alone on mostly empty pages)."""
        parts = annex_parts(self.brief)
        several = len(parts) > 1
        self.xml.append(para(run("Annex: the sources" if several else "Annex: the article"),
                             "Heading1", "<w:pageBreakBefore/>"))
        self.xml.append(para(run(
            "Each source in full, in the order of the Sources list. Cited sentences are shaded "
            "and followed by their sentence number in that source, as the footnotes cite them."
            if several else "Cited sentences are shaded and followed by their sentence "
            "number, as the footnotes cite them.", "<w:i/>" + DETAIL)))
        cited = shading(CITED_FILL)
        label = '<w:b/><w:color w:val="1F3864"/><w:vertAlign w:val="superscript"/>'
        crosshead = "Heading3" if several else "Heading2"
        for n, (title, paragraphs) in enumerate(parts, 1):
            if title:
                self.xml.append(para(run(f"{n}. {title}"), "Heading2"))
            for paragraph in paragraphs:
                runs = "".join(run(text, cited) + run(f"[{sentence_number(sid)}]", label)
                               if sid else run(text) for text, sid in paragraph)
                is_head = len(paragraph) == 1 and looks_like_heading(paragraph[0][0])
                self.xml.append(para(runs, crosshead) if is_head else para(runs))


def build_document(brief: BriefModel, annex: bool = True):
    """The python-docx Document of a brief, ready to save."""
    document = docx.Document()
    docx_page.setup_page(document)
    docx_page.setup_styles(document)
    docx_page.setup_header_footer(document, brief)
    docx_page.setup_properties(document, brief)
    docx_page.remove_template_leftovers(document)
    body = _Body(brief, document)
    body.title_block()
    body.sections()
    body.source_list()
    if annex:
        body.annex()
    document = with_body(document, body.xml)
    body.footnotes.attach(document)
    return document


def write_docx(brief: BriefModel, path_or_stream: str | os.PathLike | BinaryIO,
               annex: bool = True) -> None:
    """Write the brief as .docx to a path or a binary stream."""
    target = os.fspath(path_or_stream) if isinstance(path_or_stream, os.PathLike) else path_or_stream
    build_document(brief, annex=annex).save(target)
