"""The Markdown export read back by CommonMark (markdown-it-py) and python-markdown.

tests/io/test_markdown_readers.py reads the same exports with pandoc and cmark-gfm too.
After changing the exporter on purpose, regenerate the golden file and review its diff:
    python -c "import sys; sys.path.insert(0, 'tests'); from support import briefs;
    from briefing.io.markdown_export import to_markdown;
    open('tests/io/golden/sample.md', 'w', encoding='utf-8').write(
    to_markdown(briefs.build(), annex=True))"
"""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings, strategies as st
from markdown_it import MarkdownIt

from briefing.io.export import clean
from briefing.io.markdown_export import escape, to_markdown
from support import briefs as BRIEFS

GOLDEN = Path(__file__).parent / "golden"
COMMONMARK = MarkdownIt("commonmark").enable("table")


def _tokens(text: str):
    """Every token, children of inline tokens included."""
    for token in COMMONMARK.parse(text):
        yield token
        yield from token.children or ()


def _text_of(text: str) -> str:
    """The visible text: text and code spans (addresses are code)."""
    return "".join(t.content for t in _tokens(text) if t.type in ("text", "code_inline"))


def test_golden_sample_with_annex():
    expected = (GOLDEN / "sample.md").read_text(encoding="utf-8")
    assert to_markdown(BRIEFS.build(), annex=True) == expected


def test_output_is_deterministic():
    assert to_markdown(BRIEFS.build()) == to_markdown(BRIEFS.build())


def test_structure_in_commonmark():
    tokens = list(_tokens(to_markdown(BRIEFS.build())))
    headings = [t for i, t in enumerate(tokens) if t.type == "inline"
                and tokens[i - 1].type == "heading_open"]
    assert [h.content for h in headings] == [
        "Vienna talks: where they stand", "Bottom line", "Key claims", "Actors", "Risks",
        "Open questions", "Sources"]
    assert sum(t.type == "table_open" for t in tokens) == 2
    assert sum(t.type == "ordered_list_open" for t in tokens) == 3   # claims, questions, sources


def test_footnotes_one_per_citation_each_with_its_own_label():
    """A sentence cited by two items is two notes (as in Word): a label referenced twice
    is one note in some readers and two in others."""
    md = to_markdown(BRIEFS.build())
    refs = re.findall(r"\[\^(\d+)\](?!:)", md)
    assert refs == [str(n) for n in range(1, 9)]
    defs = re.findall(r"^\[\^(\d+)\]: Sentence (\d+): “(.*)”$", md, re.M)
    assert [(n, s) for n, s, _ in defs] == [
        ("1", "3"), ("2", "4"), ("3", "2"), ("4", "4"), ("5", "6"), ("6", "6"), ("7", "5"),
        ("8", "1")]
    assert defs[1][2] == "&quot;We are close,&quot; said Dr. A. Novak."
    assert defs[3][2] == defs[1][2]


def test_python_markdown_renders_footnotes_and_tables():
    html = markdown.markdown(to_markdown(BRIEFS.build()), extensions=["footnotes", "tables"])
    assert html.count("<table>") == 2
    assert html.count('class="footnote-ref"') == 8
    assert "Negotiators agreed on a ceasefire text." in html
    assert "<li id=\"fn:8\">" in html and "<li id=\"fn:9\">" not in html
    assert "&quot;We are close,&quot; said Dr. A. Novak." in html   # straight quotes


def test_hostile_text_never_becomes_markup_in_commonmark():
    brief = BRIEFS.hostile()
    md = to_markdown(brief, annex=True)
    kinds = {t.type for t in _tokens(md)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image",
                        "code_block", "fence", "blockquote_open", "hr"}
    codes = {t.content for t in _tokens(md) if t.type == "code_inline"}
    assert codes == {"http://evil.example/x.png", "http://evil.example/t.gif",
                     "http://evil.example/bare", "http://evil.example/auto", "http://x"}
    assert sum(t.type == "heading_open" for t in _tokens(md)) == 8  # title, 6 sections, annex
    text = _text_of(md)
    for hostile in BRIEFS.HOSTILE:
        assert " ".join(hostile.split()) in text


def test_hostile_text_is_inert_in_python_markdown():
    md = to_markdown(BRIEFS.hostile(), annex=True)
    html = markdown.markdown(md, extensions=["footnotes", "tables"])
    assert "<img" not in html and "<script" not in html and "<a href=\"javascript" not in html
    assert "&lt;img src=" in html
    assert not re.search(r"<a [^>]*href=\"(?!#fn)", html)  # only footnote links
    assert html.count("<table>") == 2  # pipes in user text split no cell and make no table
    assert "<em>" not in html.replace("<em>Note:</em>", "").replace(
        "<em>Answer:</em>", "").replace("<em>Cited sentences", "")


def test_table_cells_keep_their_count_with_pipes_and_newlines():
    md = to_markdown(BRIEFS.hostile())
    tokens = list(_tokens(md))
    rows, cells = 0, []
    for t in tokens:
        if t.type == "tr_open":
            rows += 1
            cells.append(0)
        elif t.type in ("td_open", "th_open"):
            cells[-1] += 1
    assert rows == 1 + 9 + 1 + 8  # two headers and their rows
    assert set(cells) == {5}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_escape_round_trips_as_plain_text(text):
    """Whatever is typed reads back, through CommonMark, as the same text on one line."""
    # a break of any kind separates words; other characters no format carries are dropped
    flat = " ".join("".join(c if c.isspace() else clean(c) for c in text).split())
    tokens = list(_tokens(f"Start {escape(text)}"))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline", "text",
                                        "softbreak", "code_inline"}
    assert _text_of(f"Start {escape(text)}").strip() == f"Start {flat}".strip()


@pytest.mark.parametrize("typed", ["1. x", "- x", "+ x", "# x", ": x", "> x", "12) x", "=== x",
                                   "(a) x", "b) x", "i. x", "(iv) x", "II. x", "(@) x", "@. x"])
def test_leading_markers_stay_text_at_line_start(typed):
    md = f"{escape(typed)}\n"
    assert [t.type for t in _tokens(md)] == ["paragraph_open", "inline", "text",
                                             "paragraph_close"]
    assert _text_of(md) == typed


@pytest.mark.parametrize("typed, written", [
    ("(a) x", "\\(a) x"), ("b) x", "b\\) x"), ("i. x", "i\\. x"), ("IV) x", "IV\\) x"),
    ("A. Novak said", "A. Novak said"),     # an initial: pandoc lists "A." before two spaces
    ('"Yes" --- or -- no...', "&quot;Yes&quot; \\-\\-\\- or \\-\\- no\\.\\.\\."),
    ("it's", "it&#39;s"),
    ("Mail a.b@example.org, see https://x.example/a_b.", "Mail `a.b@example.org`, see `https://x.example/a_b`."),
    ("(www.example.net/p_(1))", "(`www.example.net/p_(1)`)"),
    ("<http://x.example/>", "&lt;`http://x.example/`&gt;"),
    ("[x](mailto:a@b.example)", "\\[x\\](`mailto:a@b.example`)"),
    (":smile: at 10:30:45 and @smith", "&#58;smile: at 10:30:45 and &#64;smith"),
    ("one\u2028two\u2029three\x0bfour\x0cfive\x85six\x1fseven", "one two three four five six seven"),
])
def test_escape_writes(typed, written):
    assert escape(typed) == written


def test_summary_paragraphs_break_at_blank_lines_and_paragraph_separators():
    brief = BRIEFS.build()
    brief.set_meta("summary", "One\u2028line.\u2029Two.\r\n\r\nThree.")
    md = to_markdown(brief)
    assert "## Bottom line\n\nOne line.\n\nTwo.\n\nThree.\n\n## Key claims" in md
