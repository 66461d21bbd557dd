"""The Markdown export read back by CommonMark (markdown-it-py) and python-markdown."""
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
    return "".join(t.content for t in _tokens(text) if t.type == "text")


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


def test_footnotes_one_per_sentence_in_order_of_first_use_and_reused():
    md = to_markdown(BRIEFS.build())
    refs = re.findall(r"\[\^(\d+)\](?!:)", md)
    assert refs == ["1", "2", "3", "2", "4", "4", "5", "6"]
    defs = re.findall(r"^\[\^(\d+)\]: Sentence (\d+): “(.*)”$", md, re.M)
    assert [(n, s) for n, s, _ in defs] == [
        ("1", "3"), ("2", "4"), ("3", "2"), ("4", "6"), ("5", "5"), ("6", "1")]
    assert defs[1][2] == '"We are close," said Dr. A. Novak.'


def test_python_markdown_renders_footnotes_and_tables():
    html = markdown.markdown(to_markdown(BRIEFS.build()), extensions=["footnotes", "tables"])
    assert html.count("<table>") == 2
    assert html.count('class="footnote-ref"') == 8
    assert "Negotiators agreed on a ceasefire text." in html
    assert "<li id=\"fn:6\">" in html


def test_hostile_text_never_becomes_markup_in_commonmark():
    brief = BRIEFS.hostile()
    md = to_markdown(brief, annex=True)
    kinds = {t.type for t in _tokens(md)}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline",
                        "code_block", "fence", "blockquote_open", "hr"}
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
    flat = " ".join(clean(text).split())
    tokens = list(_tokens(f"Start {escape(text)}"))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline", "text",
                                        "softbreak"}
    assert _text_of(f"Start {escape(text)}").strip() == f"Start {flat}".strip()


@pytest.mark.parametrize("typed", ["1. x", "- x", "+ x", "# x", ": x", "> x", "12) x", "=== x"])
def test_leading_markers_stay_text_at_line_start(typed):
    md = f"{escape(typed)}\n"
    assert [t.type for t in _tokens(md)] == ["paragraph_open", "inline", "text",
                                             "paragraph_close"]
    assert _text_of(md) == typed
