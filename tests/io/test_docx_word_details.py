"""What a meeting audience sees in the Word export (issue 14), checked in the package XML:
the footer's page number at the right margin, a '#' column wide enough for 999, one level
of typographic quoting in the notes, line separators as line breaks, no blank metadata
rows, and table rows free to break across pages."""
from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from briefing.io.docx_export import write_docx
from briefing.io.docx_footnotes import quoted
from briefing.io.docx_page import FOOTER_TITLE_UNITS, footer_title
from support import briefs as BRIEFS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def package(brief, annex=False) -> zipfile.ZipFile:
    stream = io.BytesIO()
    write_docx(brief, stream, annex=annex)
    return zipfile.ZipFile(io.BytesIO(stream.getvalue()))


def part(pkg: zipfile.ZipFile, name: str):
    return etree.fromstring(pkg.read(name))


def text_width(document) -> int:
    """The page's text width in twips, from the section properties."""
    sect = document.find(f"{W}body/{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    return int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))


def tables(document):
    return document.findall(f"{W}body/{W}tbl")


def cell_texts(row) -> list[str]:
    return ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in row.iterfind(f"{W}tc")]


@pytest.fixture(scope="module")
def sample():
    return package(BRIEFS.build())


# ---- footer ----------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["Vienna", "Vienna talks: where they stand " * 20,
                                   "维也纳会谈" * 40, "W" * 300])
def test_page_number_sits_at_the_right_margin_whatever_the_title(title):
    brief = BRIEFS.build()
    brief.set_meta("title", title)
    pkg = package(brief)
    footer = part(pkg, "word/footer1.xml")
    paragraphs = footer.findall(f"{W}p")
    assert len(paragraphs) == 1
    tabs = {(t.get(f"{W}val"), int(t.get(f"{W}pos"))) for t in paragraphs[0].iter(f"{W}tab")
            if t.getparent().tag == f"{W}tabs"}
    # the Footer style's centre (4680) and Letter-size right (9360) stops are cleared here,
    # and the one stop left is a right tab at the text width
    assert ("clear", 4680) in tabs and ("clear", 9360) in tabs
    assert {t for t in tabs if t[0] != "clear"} == {("right", text_width(part(pkg, "word/document.xml")))}
    runs = paragraphs[0].findall(f"{W}r")
    tab_runs = [n for n, r in enumerate(runs) if r.find(f"{W}tab") is not None]
    assert len(tab_runs) == 1                       # one tab, straight to the right stop
    after = "".join(t.text for r in runs[tab_runs[0]:] for t in r.iter(f"{W}t", f"{W}instrText"))
    assert after.replace(" ", "") == "PagePAGE1ofNUMPAGES1"
    before = "".join(t.text for r in runs[:tab_runs[0]] for t in r.iter(f"{W}t"))
    assert "Page" not in before and len(before) < 120  # the title is cut to one line


def test_style_tabs_are_the_ones_cleared():
    """The clears above name the Footer style's own stops: if the template changes, so must they."""
    styles = part(package(BRIEFS.build()), "word/styles.xml")
    footer = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Footer")
    assert {int(t.get(f"{W}pos")) for t in footer.iter(f"{W}tab")} <= {4680, 9360}


def test_footer_title_is_cut_at_a_word_counting_wide_characters_twice():
    assert footer_title("  Short\u2028title ") == "Short title"
    assert footer_title("") == "Untitled brief"
    long = footer_title("word " * 100)
    assert long.endswith("…") and len(long) <= FOOTER_TITLE_UNITS + 1 and "  " not in long
    wide = footer_title("会" * 100)
    assert len(wide) <= FOOTER_TITLE_UNITS // 2 + 1


# ---- '#' column ------------------------------------------------------------------------
def test_number_column_fits_three_digits(sample):
    """'999' in 10.5 pt Calibri is about 16 pt (320 twips) plus the cells' 2 x 108 margins."""
    brief = BRIEFS.build()
    for n in range(120):
        item = brief.add_item("actor", f"Actor {n}", ["s1"])
        brief.set_field(item.id, "note", "A note widens the table by a column.")
    for doc in (part(sample, "word/document.xml"), part(package(brief), "word/document.xml")):
        _, actors, risks = tables(doc)
        for table in (actors, risks):
            first = int(table.find(f"{W}tblGrid/{W}gridCol").get(f"{W}w"))
            assert first >= 320 + 2 * 108
            cols = [int(c.get(f"{W}w")) for c in table.iter(f"{W}gridCol")]
            assert sum(cols) <= text_width(doc)
    rows = tables(part(package(brief), "word/document.xml"))[1].findall(f"{W}tr")
    assert cell_texts(rows[-1])[0] == "122"


# ---- nested quotes ---------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ('"We are close," said Dr. A. Novak.', "“‘We are close,’ said Dr. A. Novak.”"),
    ('discussing "space and current and future technologies."',
     "“discussing ‘space and current and future technologies.’”"),
    ("He said “no” twice.", "“He said ‘no’ twice.”"),
    ('A ("quoted") word and a 12" disc.', "“A (‘quoted’) word and a 12’ disc.”"),
    ("Plain, with an apostrophe's 's'.", "“Plain, with an apostrophe's 's'.”"),
])
def test_quoted_gives_one_level_of_typographic_quotes(sentence, expected):
    assert quoted(sentence) == expected


def test_footnotes_never_end_in_a_straight_quote_before_the_closing_one(sample):
    notes = ["".join(n.itertext()) for n in part(sample, "word/footnotes.xml")][2:]
    assert any("“‘We are close,’ said Dr. A. Novak.”" in n for n in notes)
    for note in notes:
        quote = note[note.index("“"):]
        assert '"' not in quote and quote.count("“") == 1 and quote.endswith("”")


def test_a_review_quote_is_quoted_the_same_way():
    brief = BRIEFS.build()
    brief.update_article(BRIEFS.ARTICLE.replace('"We are close," said', '"We are near," said'))
    notes = ["".join(n.itertext()) for n in part(package(brief), "word/footnotes.xml")][2:]
    review = [n for n in notes if "needs review" in n]
    assert review and all('"' not in n for n in review)
    assert any("“‘We are close,’ said Dr. A. Novak.”" in n for n in review)


# ---- line separators -------------------------------------------------------------------
def test_line_and_paragraph_separators_become_line_breaks():
    brief = BRIEFS.build()
    brief.add_item("risk", "one\u2028two\u2029three\vfour\ffive\r\nsix\rseven", ["s1"])
    rows = tables(part(package(brief), "word/document.xml"))[2].findall(f"{W}tr")
    cell = rows[-1].findall(f"{W}tc")[1]
    head = cell.find(f"{W}p/{W}r")        # the headline's run, before the note marks
    pieces = [(c.tag[len(W):], c.text) for c in head if c.tag != f"{W}rPr"]
    assert pieces == [("t", "one"), ("br", None), ("t", "two"), ("br", None), ("t", "three"),
                      ("br", None), ("t", "four"), ("br", None), ("t", "five"), ("br", None),
                      ("t", "six"), ("br", None), ("t", "seven")]


# ---- metadata rows ---------------------------------------------------------------------
def test_empty_metadata_rows_are_left_out():
    brief = BRIEFS.build()
    brief.set_meta("analyst", "")
    meta = tables(part(package(brief), "word/document.xml"))[0]
    rows = [cell_texts(r) for r in meta.findall(f"{W}tr")]
    assert [r[0] for r in rows] == ["Created", "Modified", "Sources"]
    assert all(value.strip() and value != "—" for _, value in rows)


def test_filled_metadata_rows_stay(sample):
    meta = tables(part(sample, "word/document.xml"))[0]
    assert [cell_texts(r)[0] for r in meta.findall(f"{W}tr")] == \
        ["Analyst", "Created", "Modified", "Sources"]


# ---- rows across pages -----------------------------------------------------------------
def test_table_rows_may_break_across_pages(sample):
    doc = part(sample, "word/document.xml")
    assert not list(doc.iter(f"{W}cantSplit"))
    for table in tables(doc)[1:]:    # the header row still repeats on every page
        assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None
