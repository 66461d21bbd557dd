"""Real files made by make_fixtures.py (LibreOffice, hand-written pages) come in clean:
≥ 97% of the article's words, ≥ 95% of what comes in is the article, the right title and
metadata, headings alone on their lines, no running heads or page numbers, real hyphens
kept and line-end hyphens joined, tables and captions apart from sentences."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import fixture_texts as T
from measure import missing_and_extra, recall_precision
from briefing import Brief
from briefing.core.article import is_heading
from briefing.io.article_import import import_article, read_article

FIXTURES = Path(__file__).parent / "fixtures"
RECALL, PRECISION = 0.97, 0.95


def pdf_expected() -> str:
    table = "\n".join(" ".join(row) for row in T.TABLE)
    return "\n\n".join([T.plain(T.REPORT), T.TABLE_CAPTION, table, T.FIGURE_CAPTION])


def memo_expected() -> str:
    notes = "\n".join(f"[{n}] {text}" for n, text in T.MEMO_FOOTNOTES.items())
    return T.plain(T.MEMO) + "\n\nNotes\n\n" + notes


CASES = {
    # name: (file, expected words, title, metadata that must be there, headings)
    "news": ("news.html", T.plain(T.NEWS), T.NEWS_TITLE,
             {"outlet": T.NEWS_SITE, "author": T.NEWS_AUTHOR, "published": T.NEWS_DATE,
              "url": T.NEWS_URL}, T.headings(T.NEWS)),
    "blog": ("blog.html", T.plain(T.BLOG), T.BLOG_TITLE,
             {"outlet": T.BLOG_SITE, "author": T.BLOG_AUTHOR, "published": T.BLOG_DATE},
             T.headings(T.BLOG)),
    "press_release": ("press_release.html", T.plain(T.GOV), T.GOV_TITLE,
                      {"outlet": T.GOV_SITE, "published": T.GOV_DATE},
                      T.headings(T.GOV) + ["Press contacts"]),   # the release's own contact box
    "mhtml": ("saved_page.mhtml", T.plain(T.MHTML), T.MHTML_TITLE,
              {"outlet": T.MHTML_SITE, "url": T.MHTML_URL}, T.headings(T.MHTML)),
    "pdf": ("report_two_column.pdf", pdf_expected(), T.REPORT_TITLE, {}, T.headings(T.REPORT)),
    "docx": ("memo_footnotes.docx", memo_expected(), T.MEMO_TITLE, {"author": T.MEMO_AUTHOR},
             T.headings(T.MEMO) + ["Notes"]),
    "odt": ("memo_footnotes.odt", memo_expected(), T.MEMO_TITLE, {"author": T.MEMO_AUTHOR},
            T.headings(T.MEMO) + ["Notes"]),
}
MEASURED: dict[str, tuple[float, float]] = {}


@pytest.fixture(scope="module")
def imported():
    return {name: import_article(FIXTURES / case[0]) for name, case in CASES.items()}


@pytest.mark.parametrize("name", CASES)
def test_recall_and_precision_of_the_articles_words(imported, name):
    expected = CASES[name][1]
    recall, precision = recall_precision(expected, imported[name].text)
    MEASURED[name] = (recall, precision)
    missing, extra = missing_and_extra(expected, imported[name].text)
    print(f"{name}: recall {recall:.3f} precision {precision:.3f} missing {dict(missing)} extra {dict(extra)}")
    assert recall >= RECALL, f"missing {dict(missing)}"
    assert precision >= PRECISION, f"extra {dict(extra)}"


@pytest.mark.parametrize("name", CASES)
def test_title_and_metadata(imported, name):
    _, _, title, meta, _ = CASES[name]
    assert imported[name].metadata["title"] == title
    for key, value in meta.items():
        assert imported[name].metadata.get(key) == value, key


@pytest.mark.parametrize("name", CASES)
def test_headings_stand_alone_and_read_as_headings(imported, name):
    result = imported[name]
    assert result.heading_texts() == CASES[name][4]
    text = result.text
    for start, end in result.headings:
        assert text[max(0, start - 2):start] in ("", "\n\n") and text[end:end + 2] in ("", "\n\n")
        assert is_heading(text, start, end), text[start:end]


@pytest.mark.parametrize("name", CASES)
def test_every_paragraph_is_one_line_and_blocks_are_apart(imported, name):
    for block in imported[name].text.split("\n\n"):
        assert block.strip() == block and block
        if "|" not in block:                       # table rows keep their line breaks
            assert "\n" not in block


@pytest.mark.parametrize("name", CASES)
def test_the_brief_gets_the_metadata(name):
    file, _, title, meta, _ = CASES[name]
    brief = Brief.from_article_file(FIXTURES / file)
    assert brief.article.title == title
    for key, value in meta.items():
        assert getattr(brief.article, key) == value
    # a heading is never merged into a sentence
    sentences = {s.text for s in brief.sentences}
    for heading in CASES[name][4]:
        assert heading in sentences


def test_web_pages_keep_no_boilerplate(imported):
    for name in ("news", "blog", "press_release", "mhtml"):
        text = imported[name].text.lower()
        for junk in ("cookie", "advertisement", "subscribe", "sign in", "related stories",
                     "comments (3)", "dockworker77", "privacy policy", "newsletter",
                     "read more", "recent posts", "leave a reply", "skip to content", "share this"):
            assert junk not in text, (name, junk)


def test_pdf_drops_running_heads_feet_and_page_numbers(imported):
    text = imported["pdf"].text
    assert T.RUNNING_HEADER not in text and T.RUNNING_FOOTER not in text
    assert not re.search(r"^\d+$", text, re.M)


def test_pdf_joins_line_end_hyphens_and_keeps_real_ones(imported):
    text = imported["pdf"].text
    assert text.count("state-backed") == T.plain(T.REPORT).count("state-backed") == 3
    assert text.count("war-risk") == T.plain(T.REPORT).count("war-risk")
    assert "mid-voyage" in text and "month-long" in text and "Seven-day" in text
    for word in T.SOFT_HYPHENATED + ("guarantee", "persuaded", "congestion", "railway"):
        assert word in text, word
    assert not re.search(r"[a-z]- [a-z]", text)   # no half-joined "per- suaded"


def test_pdf_reads_two_columns_in_order(imported):
    # (a line-end "pre-" before a word the document has nowhere else is taken as a break)
    text = imported["pdf"].text.replace("preapproved", "pre-approved")
    expected = [text for kind, text in T.REPORT if kind == "p"]
    positions = [text.find(paragraph.replace(T.SHY, "")) for paragraph in expected]
    assert -1 not in positions, [p[:40] for p, i in zip(expected, positions) if i < 0]
    assert positions == sorted(positions)


def test_pdf_table_and_caption_are_blocks_of_their_own(imported):
    blocks = imported["pdf"].text.split("\n\n")
    assert T.TABLE_CAPTION in blocks and T.FIGURE_CAPTION in blocks
    table = next(b for b in blocks if b.startswith("Cover"))
    assert table.split("\n") == [" | ".join(row) for row in T.TABLE]


def test_docx_footnotes_are_an_endnote_block(imported):
    text = imported["docx"].text
    notes = text[text.index("\n\nNotes\n\n") + 9:].split("\n\n")
    assert notes == [f"[{n}] {t}" for n, t in T.MEMO_FOOTNOTES.items()]
    assert "can support.[1]" in text and "forty per cent.[2]" in text


def test_ten_page_pdf_reads_every_part(tmp_path):
    imported = import_article(FIXTURES / "report_long.pdf")
    assert imported.heading_texts()[:2] == ["Part 1", "Summary"]
    expected = "\n\n".join(["Part %d\n\n" % (n + 1) + pdf_expected() for n in range(5)])
    recall, precision = recall_precision(expected, imported.text)
    assert recall >= RECALL and precision >= PRECISION


def test_read_article_keeps_the_signature_and_fills_the_article():
    article = read_article(FIXTURES / "news.html")
    assert article.title == T.NEWS_TITLE and article.outlet == T.NEWS_SITE
    assert article.text.startswith("Container traffic")


@pytest.mark.parametrize("name", ["news", "blog", "press_release"])
def test_readability_fallback_when_trafilatura_finds_nothing(monkeypatch, name):
    from briefing.io.importers import web
    monkeypatch.setattr(web, "_trafilatura", lambda html: ([], {}))
    file, expected, title, _, _ = CASES[name]
    result = import_article(FIXTURES / file)
    recall, precision = recall_precision(expected, result.text)
    print(f"readability {name}: recall {recall:.3f} precision {precision:.3f}")
    assert result.metadata["title"] == title
    assert recall >= RECALL and precision >= PRECISION
