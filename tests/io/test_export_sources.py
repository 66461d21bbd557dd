"""Markdown and Word exports of a brief over several sources, read back: a Sources section
naming every source, footnotes naming their source and sentence, corroboration per claim,
an annex part per source; hostile source metadata stays text; emoji and CRLF text survive."""
from __future__ import annotations

import dataclasses
import io
from html import unescape
import re
import zipfile
from pathlib import Path

import docx
import markdown
import pytest
from lxml import etree
from markdown_it import MarkdownIt

from briefing import Brief
from briefing.io.docx_export import write_docx
from briefing.io.docx_footnotes import quoted
from briefing.io.export import ANNEX_TITLE_CHARS, NAME_CHARS, source_names
from briefing.io.markdown_export import to_markdown

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COMMONMARK = MarkdownIt("commonmark").enable("table")

DENIAL = ("Peskov said there had been one call only. He called the report false.\n\n"
          "The Kremlin gave no further details.")
# Astral emoji, a ZWJ family, combining accent and CRLF/CR line breaks, stored as typed
# (new_source + add_source keeps them; add_source_text would normalise the breaks).
MIXED = ("Family 👨\u200d👩\u200d👧 photo 😀 went viral.\r\n"
         "Cafe\u0301 owners cheered 🎉. The ministry 👍 confirmed the meeting.\r\n\r\n"
         "It called the talks useful.\r"
         "Nothing else was said.\r\n")
HUGE = "A very long title " * 2_000
HOSTILE_TITLE = '<img src="http://evil.example/x.png" onerror="alert(1)"> [click](javascript:alert(1)) **bold** # h'
HOSTILE_URL = "javascript:alert(1) [x](http://evil.example/) <http://evil.example/auto> www.evil.example"


def three_sources() -> Brief:
    """The sample brief (one source) plus a wire report and an emoji/CRLF statement;
    claims corroborated by one, two and three sources, and one citing nothing."""
    b = Brief.load(SAMPLE)
    wire = b.add_source_text(DENIAL, title="Kremlin denies regular Musk contacts",
                             outlet="Reuters", author="A. Writer", published="2024-10-26",
                             url="https://reuters.example/kremlin")
    b.add_source(b.new_source(MIXED, title="Ministry statement", outlet="Defence ministry",
                              published="2024-10-27"))
    ministry = b.sources[2]
    article = b.article.sentences
    b.add_item("claim", "Two reports: one call only.", [article[22].id, wire.sentences[0].id])
    b.add_item("claim", "Three reports agree on a contact.",
               [article[0].id, wire.sentences[1].id, ministry.sentences[2].id])
    b.add_item("claim", "Nobody says so.")
    b.add_item("actor", "The ministry", [ministry.sentences[2].id, ministry.sentences[3].id])
    return b


def hostile_sources() -> Brief:
    b = three_sources()
    b.add_source_text("The fourth report said little. It said even less later.",
                      title=HOSTILE_TITLE, outlet="<script>alert(1)</script> | pipe |",
                      author="1. not a list\n- nor this", published="~~2024~~ ^x^",
                      url=HOSTILE_URL)
    huge = b.add_source_text("A fifth report. With two sentences.", title=HUGE, url="https://x.example/" + "a" * 5_000)
    fourth = b.sources[3]
    b.add_item("claim", "Hostile sources cited.", [fourth.sentences[0].id, huge.sentences[1].id])
    return b


def md_of(brief: Brief, annex: bool = True) -> str:
    return to_markdown(brief, annex=annex)


class Word:
    """A written .docx read back with python-docx and from its XML parts."""

    def __init__(self, brief: Brief, annex: bool = True) -> None:
        stream = io.BytesIO()
        write_docx(brief, stream, annex=annex)
        data = stream.getvalue()
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.doc = docx.Document(io.BytesIO(data))

    def xml(self, name: str):
        return etree.fromstring(self.zip.read(name))

    def footnotes(self) -> dict[str, str]:
        return {n.get(f"{W}id"): "".join(n.itertext()) for n in self.xml("word/footnotes.xml")}

    def refs(self) -> list[str]:
        return [r.get(f"{W}id") for r in self.xml("word/document.xml").iter(f"{W}footnoteReference")]

    def section(self, heading: str) -> list:
        """The paragraphs after a Heading 1 up to the next one."""
        paras, out, inside = self.doc.paragraphs, [], False
        for p in paras:
            if p.style.name == "Heading 1":
                inside = p.text == heading
            elif inside:
                out.append(p)
        return out


def md_section(md: str, heading: str) -> str:
    start = md.index(f"\n## {heading}\n")
    end = md.find("\n## ", start + 1)
    notes = md.find("\n[^1]: ", start)
    ends = [e for e in (end, notes) if e != -1]
    return md[start:min(ends) if ends else len(md)]


@pytest.fixture(scope="module")
def brief():
    return three_sources()


@pytest.fixture(scope="module")
def md(brief):
    return md_of(brief)


@pytest.fixture(scope="module")
def word(brief):
    return Word(brief)


# ---- Sources section ---------------------------------------------------------------
def test_markdown_sources_section_lists_every_source_in_order(brief, md):
    section = md_section(md, "Sources")
    titles = re.findall(r"^1\. \*\*(.*)\*\*$", section, re.M)
    assert titles == [s.title for s in brief.sources]
    assert "Outlet: Reuters · Author: A. Writer · Published: 2024-10-26 · URL: `https://reuters.example/kremlin`" in section
    assert "Outlet: Defence ministry · Published: 2024-10-27" in section
    assert "- **Sources:** 3" in md
    html = markdown.markdown(md, extensions=["footnotes", "tables"])
    assert "https://reuters.example/kremlin" in unescape(html)   # shown as text
    assert not re.search(r"<a [^>]*href=\"(?!#fn)", html)      # the URL is text, not a link
    assert not any(t.type == "link_open" for t in _tokens(md))


def test_word_sources_section_lists_every_source_in_order(brief, word):
    paras = word.section("Sources")
    assert [p.text for p in paras if p.style.name == "List Number"] == [s.title for s in brief.sources]
    details = [p.text for p in paras if p.style.name == "List Continue"]
    ungraded = " · Reliability: F — reliability cannot be judged"
    assert details[1] == ("Outlet: Reuters · Author: A. Writer · Published: 2024-10-26 · "
                          "URL: https://reuters.example/kremlin" + ungraded)
    assert details[2] == "Outlet: Defence ministry · Published: 2024-10-27" + ungraded
    assert ["Sources", "3"] in [[c.text for c in row.cells] for row in word.doc.tables[0].rows]
    for name in word.zip.namelist():
        data = word.zip.read(name).decode("utf-8", "replace")
        assert "<w:hyperlink" not in data and 'TargetMode="External"' not in data, name


# ---- footnotes ---------------------------------------------------------------------
NOTE = re.compile(r"^\[\^(\d+)\]: (.*), sentence (\d+): “(.*)”$", re.M)


def test_every_markdown_footnote_names_its_source_and_sentence(brief, md):
    names = source_names(brief)
    assert list(names.values()) == [brief.article.title, "Reuters", "Defence ministry"]
    by_name = {names[s.id]: s for s in brief.sources}
    defs = re.findall(r"^\[\^\d+\]: .*$", md, re.M)
    notes = NOTE.findall(md)
    refs = re.findall(r"\[\^\d+\](?!:)", md)
    assert len(notes) == len(defs) == len(refs) == len(set(refs))   # one note per citation
    assert len(notes) > len(brief.cited_sentence_ids())              # some sentences cited twice
    named = set()
    for _, name, number, quote in notes:
        source = by_name[name]
        named.add(source.id)
        assert unescape(quote.replace("\\", "")) == source.sentences[int(number) - 1].text
    assert named == {s.id for s in brief.sources}
    assert "Reuters, sentence 1: “Peskov said there had been one call only.”" in md
    assert "Defence ministry, sentence 3: “The ministry 👍 confirmed the meeting.”" in md


def test_every_word_footnote_names_its_source_and_sentence(brief, word):
    notes, refs, names = word.footnotes(), word.refs(), source_names(brief)
    first = word.xml("word/footnotes.xml")[2]      # after the two separator notes
    runs = [("".join(r.itertext()), r.find(f"{W}rPr/{W}i") is not None,
             r.find(f"{W}rPr/{W}b") is not None) for r in first.iter(f"{W}r")][2:5]
    assert runs == [(brief.article.title, True, False), (", ", False, False),
                    ("sentence 1: ", False, True)]     # the name in italics, the place in bold
    cited = [c for item in brief.items for c in item.citations]
    assert len(refs) == len(cited) == len(set(refs))
    for ref, c in zip(refs, cited):
        s = brief.trusted_sentence(c)
        source = brief.source_of(s.id)
        number = s.id.rpartition(":")[2][1:]
        assert notes[ref].strip() == f"{names[source.id]}, sentence {number}: {quoted(s.text)}"


def test_one_source_briefs_keep_sentence_n_notes():
    b = Brief.load(SAMPLE)
    md = md_of(b, annex=False)
    assert re.findall(r"^\[\^1\]: Sentence \d+: “", md, re.M)
    assert not NOTE.search(md)
    assert all(n.strip().startswith("Sentence ") for k, n in Word(b, annex=False).footnotes().items()
               if k not in ("-1", "0"))


def test_names_shared_by_two_sources_are_told_apart():
    b = Brief.from_text("First. Second.", title="Wire")
    other = b.add_source_text("Third. Fourth.", title="Wire")
    b.add_item("claim", "c", ["s1", other.sentences[0].id])
    md = md_of(b)
    assert "Wire (source 1), sentence 1: “First.”" in md
    assert "Wire (source 2), sentence 1: “Third.”" in md


def test_notes_name_a_short_outlet_else_the_title():
    b = Brief.from_text("First. Second.", title="A report", outlet="A very long outlet name, with a place")
    other = b.add_source_text("Third. Fourth.", title="Another report", outlet="TASS")
    b.add_item("claim", "c", ["s1", other.sentences[0].id])
    md = md_of(b)
    assert "A report, sentence 1: “First.”" in md and "TASS, sentence 1: “Third.”" in md


# ---- corroboration ------------------------------------------------------------------
def claims_md(md: str) -> dict[str, str]:
    """Claim headline -> its corroboration, from the Key claims section."""
    section = md_section(md, "Key claims")
    found = re.findall(r"^1\. \*\*(.*?)\*\*.*\n\n    Corroboration: ([^·\n]*?)(?: ·|\n)", section, re.M)
    return dict(found)


def test_corroboration_counts_distinct_sources_in_both_exports(brief, md, word):
    expected = {"Two reports: one call only.": "2 sources",
                "Three reports agree on a contact.": "3 sources",
                "Nobody says so.": "0 sources",
                "Musk denied a report of contacts with Putin two years ago.": "1 source"}
    got = claims_md(md)
    for claim, count in expected.items():
        assert got[claim] == count
    assert len(got) == len(brief.sections["claim"])
    paras = word.section("Key claims")
    by_claim = {}
    for head, detail in zip(paras, paras[1:]):
        if head.style.name == "List Number":
            # the text, less the superscript commas between note marks
            by_claim[head.text.rstrip(",").removesuffix(" (no source cited)")] = detail.text
    for claim, count in expected.items():
        assert by_claim[claim].startswith(f"Corroboration: {count}"), (claim, by_claim[claim])
    actors = md_section(md, "Actors")
    assert "Corroboration" not in actors     # claims only


def test_a_sentence_cited_twice_counts_its_source_once():
    b = Brief.from_text("One. Two. Three.", title="Paper")
    wire = b.add_source_text("Four. Five.", title="Wire")
    b.add_item("claim", "c", ["s1", "s2", "s3", wire.sentences[0].id])
    assert "Corroboration: 2 sources" in md_of(b)


# ---- annex ---------------------------------------------------------------------------
def test_markdown_annex_has_a_part_per_source(brief, md):
    annex = md[md.index("## Annex: the sources"):md.index("\n[^1]: ")]
    heads = re.findall(r"^### (.*)$", annex, re.M)
    assert heads == [f"{n}. {s.title}" for n, s in enumerate(brief.sources, 1)]
    parts = re.split(r"^### .*$", annex, flags=re.M)[1:]
    cited = brief.cited_sentence_ids()
    for source, part in zip(brief.sources, parts):
        marked = re.findall(r"\*\*(.+?)\*\* \\\[(\d+)\\\]", part)
        want = [(s.text, str(n)) for n, s in enumerate(source.sentences, 1) if s.id in cited]
        assert [(unescape(t.replace("\\", "")), n) for t, n in marked] == want


def test_word_annex_has_a_part_per_source(brief, word):
    body = word.xml("word/document.xml").find(f"{W}body")
    paras = list(body.iterfind(f"{W}p"))
    start = next(i for i, p in enumerate(paras) if "".join(p.itertext()) == "Annex: the sources")

    def style(p):
        s = p.find(f"{W}pPr/{W}pStyle")
        return s.get(f"{W}val") if s is not None else "Normal"
    heads = [(i, p) for i, p in enumerate(paras) if i > start and style(p) == "Heading2"]
    assert ["".join(p.itertext()) for _, p in heads] == [
        f"{n}. {s.title}" for n, s in enumerate(brief.sources, 1)]
    # the annex starts on a new page; its parts run on (short statements would sit alone
    # on mostly empty pages)
    assert paras[start].find(f"{W}pPr/{W}pageBreakBefore") is not None
    assert all(p.find(f"{W}pPr/{W}pageBreakBefore") is None for _, p in heads)
    cited = brief.cited_sentence_ids()
    bounds = [i for i, _ in heads] + [len(paras)]
    for source, (a, b) in zip(brief.sources, zip(bounds, bounds[1:])):
        shaded = ["".join(r.itertext()) for p in paras[a:b] for r in p.iterfind(f"{W}r")
                  if r.find(f"{W}rPr/{W}shd") is not None]
        assert shaded == [s.text for s in source.sentences if s.id in cited]
    crossheads = [style(p) for p in paras[start:] if "".join(p.itertext()) == "Top-Secret Clearance"]
    assert crossheads == ["Heading3"]     # the article's own crossheads sit under the part


def test_emoji_and_crlf_source_survives_both_exports(brief, md, word):
    ministry = brief.sources[2]
    annex = md[md.index("### 3. Ministry statement"):md.index("\n[^1]: ")]
    assert "\r" not in md
    assert "Family 👨\u200d👩\u200d👧 photo 😀 went viral." in annex
    assert "**The ministry 👍 confirmed the meeting.** \\[3\\]" in annex
    assert "**It called the talks useful.** \\[4\\]" in annex
    # CR, CRLF and LF each end a paragraph, as the source shows them
    paragraphs = [p.strip() for p in annex.split("\n\n")[1:] if p.strip()]
    assert paragraphs[0] == "Family 👨\u200d👩\u200d👧 photo 😀 went viral."
    assert paragraphs[-1] == "Nothing else was said."
    texts = ["".join(p.itertext()) for p in word.xml("word/document.xml").iter(f"{W}p")]
    part = texts[texts.index("3. Ministry statement"):]
    assert part[1:5] == ["Family 👨\u200d👩\u200d👧 photo 😀 went viral.",
                         "Cafe\u0301 owners cheered 🎉. The ministry 👍 confirmed the meeting.[3]",
                         "It called the talks useful.[4]", "Nothing else was said."]
    assert not any("\r" in t for t in texts)
    assert any(n.strip() == f"{ministry.outlet}, sentence 4: “It called the talks useful.”"
               for n in word.footnotes().values())


def test_no_annex_when_asked(brief):
    assert "Annex" not in md_of(brief, annex=False)
    assert not any(p.text.startswith("Annex") for p in Word(brief, annex=False).doc.paragraphs)


# ---- review, and sources that are gone ------------------------------------------------
def test_a_needs_review_citation_in_another_source_is_quoted_by_its_stored_text():
    b = three_sources()
    wire = b.sources[1]
    b.replace_source_text(wire.id, DENIAL.replace("one call only", "a single brief call"), {})
    claim = next(i for i in b.items if i.text == "Two reports: one call only.")
    assert b.review_count(claim) == 1
    md = md_of(b)
    note = ("Reuters, stored quote, no longer matching the source "
            "(fuzzy; needs review): “Peskov said there had been one call only.”")
    assert note in md
    assert "a single brief call" not in md.split("## Annex")[0] + md[md.index("\n[^1]: "):]
    assert "1 source (1 citation to review)" in md
    notes = Word(b, annex=False).footnotes().values()
    assert any(n.strip() == note for n in notes)


def test_a_citation_whose_source_is_gone_never_crashes():
    b = three_sources()
    claim = next(i for i in b.items if i.text == "Two reports: one call only.")
    lost = dataclasses.replace(claim.citations[-1], source="src9")
    b.set_citations(claim.id, [claim.citations[0], lost])
    md = md_of(b)
    assert ("Stored quote from a source no longer in the brief (orphaned; needs review): "
            "“Peskov said there had been one call only.”") in md
    assert "Corroboration: 1 source (1 citation to review)" in md
    doc = Word(b)
    assert any("source no longer in the brief" in n for n in doc.footnotes().values())


# ---- hostile metadata ------------------------------------------------------------------
def _tokens(text: str):
    for token in COMMONMARK.parse(text):
        yield token
        yield from token.children or ()


def test_hostile_source_metadata_stays_inert_in_markdown():
    b = hostile_sources()
    md = md_of(b)
    kinds = {t.type for t in _tokens(md)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image",
                        "fence", "blockquote_open", "hr"}
    codes = {t.content for t in _tokens(md) if t.type == "code_inline"}
    assert {"http://evil.example/", "http://evil.example/auto", "www.evil.example"} <= codes
    assert all(re.match(r"(https?://|www\.)", c) for c in codes)      # addresses only
    headings = [t for t in _tokens(md) if t.type == "heading_open"]
    assert len(headings) == 1 + 6 + 1 + 5        # title, sections, annex, a part per source
    text = "".join(t.content for t in _tokens(md) if t.type in ("text", "code_inline"))
    assert HOSTILE_TITLE in text and " ".join(HOSTILE_URL.split()) in text
    html = markdown.markdown(md, extensions=["footnotes", "tables"])
    assert "<img" not in html and "<script" not in html
    assert not re.search(r"<a [^>]*href=\"(?!#fn)", html)
    assert html.count("<table>") == 2
    # the huge title: whole in the Sources list, cut in notes and annex headings
    assert HUGE.strip() in md_section(md, "Sources").replace("\n", " ")
    notes = re.findall(r"^\[\^\d+\]: (A very long title.*?), sentence", md, re.M)
    assert notes and all(len(n) <= NAME_CHARS for n in notes) and notes[0].endswith("…")
    part = re.findall(r"^### 5\. (.*)$", md, re.M)
    assert len(part) == 1 and len(part[0]) <= ANNEX_TITLE_CHARS


def test_hostile_source_metadata_stays_inert_in_word():
    b = hostile_sources()
    doc = Word(b)
    for name in doc.zip.namelist():
        data = doc.zip.read(name).decode("utf-8", "replace")
        assert 'TargetMode="External"' not in data, name
        assert "<w:hyperlink" not in data and "HYPERLINK" not in data, name
        assert "<w:fldSimple" not in data, name
    instr = [t.text.strip() for n in doc.zip.namelist() if n.startswith("word/") and n.endswith(".xml")
             for t in doc.xml(n).iter(f"{W}instrText")]
    assert sorted(instr) == ["NUMPAGES", "PAGE"]
    titles = [p.text for p in doc.section("Sources") if p.style.name == "List Number"]
    assert titles[3] == HOSTILE_TITLE and titles[4] == HUGE.strip()
    details = [p.text for p in doc.section("Sources") if p.style.name == "List Continue"]
    assert details[3].endswith("URL: " + HOSTILE_URL + " · Reliability: F — reliability cannot be judged")
    assert "Author: 1. not a list - nor this" in details[3]     # one line, as in Markdown
    notes = list(doc.footnotes().values())
    assert any(n.strip().startswith(HOSTILE_TITLE[:30]) for n in notes)
    heads = [p.text for p in doc.doc.paragraphs if p.style.name == "Heading 2"]
    assert heads[3] == f"4. {HOSTILE_TITLE}" and len(heads[4]) <= ANNEX_TITLE_CHARS + 3


def test_preview_trims_every_source_and_names_them():
    from briefing.ui.preview_render import TEXT_CHARS, PreviewBrief, render
    b = hostile_sources()
    view = PreviewBrief(b)
    assert [s.id for s in view.sources] == [s.id for s in b.sources]
    assert all(len(s.title) <= TEXT_CHARS + 40 for s in view.sources)
    html = render(to_markdown(view), view.cuts)
    for name in ("Reuters", "Defence ministry"):
        assert f"{name}, sentence" in html
    assert "<img" not in html and "<script" not in html
    assert b.sources[4].title == HUGE           # the brief itself is untouched
