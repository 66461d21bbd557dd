"""The Markdown export read by every reader we can install from the package index.

Readers (issue 14, "Markdown: one meaning in every reader"):

- pandoc 3 (pypandoc-binary) as `markdown` (smart punctuation, fancy and example lists,
  citations, sub/superscript), `commonmark_x` (smart, fancy lists, emoji) and `gfm`
  (bare-URL and e-mail autolinks, emoji);
- cmark-gfm (cmarkgfm), GitHub's renderer, with footnotes and raw HTML allowed;
- markdown-it-py (CommonMark) with mdit-py-plugins' footnotes and tables;
- Python-Markdown with `footnotes` and `tables`, as the in-app preview reads it.

Each document is rendered once per reader (pandoc is a subprocess), then every reader must
show the same visible text, the same footnotes (one per citation, numbered alike), no link
but the footnote links, no HTML element that user text could have made, and list-like
openings ("(a) …", "b) …", "i. …") as typed.
"""
from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import markdown
import pypandoc
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from briefing import Brief
from briefing.io.markdown_export import to_markdown
from support import briefs as BRIEFS
from support import hostile as FREEZES

HERE = Path(__file__).parent
SAMPLE = HERE.parents[1] / "seeds" / "musk-putin-contacts.brief"

# ---- the readers ----------------------------------------------------------------------
_MDIT = MarkdownIt("commonmark").enable("table").use(footnote_plugin)


def _pandoc(fmt: str):
    def read(text: str) -> str:
        return pypandoc.convert_text(text, "html", format=fmt, extra_args=["--wrap=none"])
    return read


READERS = {
    "pandoc markdown": _pandoc("markdown"),
    "pandoc commonmark_x": _pandoc("commonmark_x"),
    "pandoc gfm": _pandoc("gfm"),
    "cmark-gfm": lambda text: cmarkgfm.github_flavored_markdown_to_html(
        text, options=Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_UNSAFE),
    "markdown-it": _MDIT.render,
    "python-markdown": lambda text: markdown.markdown(text, extensions=["footnotes", "tables"]),
}

# Elements our own markup makes in some reader; anything else came from user text.
OURS = {"p", "h1", "h2", "h3", "ol", "ul", "li", "strong", "em", "code", "table", "thead",
        "tbody", "tr", "th", "td", "sup", "a", "section", "hr", "div", "colgroup", "col"}
INLINE = {"a", "sup", "strong", "em", "code"}
_NOTE_ITEM = re.compile(r"fn[-:]?\d+")


class Reading(HTMLParser):
    """What a person sees in one reader's HTML: the text (footnote marks as "[n]", back
    links left out, blocks apart), the notes' count, the elements and any other link."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: set[str] = set()
        self.links: list[str] = []     # hrefs that are not footnote links
        self.notes = 0                 # footnote definitions
        self.marks: list[str] = []     # footnote references, as numbered
        self._skip = 0                 # inside a back link
        self._mark: list[str] | None = None
        self.feed(html)
        self.close()
        # pandoc's `smart` puts a no-break space after abbreviations ("Dr. Novak") and its
        # commonmark readers compose accents (NFC): the same letters, seen the same way
        text = unicodedata.normalize("NFC", "".join(self.parts).replace("\xa0", " "))
        self.text = " ".join(text.split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if tag == "li" and _NOTE_ITEM.fullmatch(attrs.get("id") or ""):
            self.notes += 1
        if tag == "a":
            href = attrs.get("href") or ""
            if href.startswith("#fnref"):
                self._skip += 1
            elif href.startswith("#fn"):
                self._mark = []
            else:
                self.links.append(href)
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag == "a" and self._mark is not None:
            number = "".join(self._mark).strip().strip("[]")
            self.marks.append(number)
            self.parts.append(f"[{number}]")
            self._mark = None
        if tag not in INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if self._skip:
            return
        if self._mark is not None:
            self._mark.append(data)
        else:
            self.parts.append(data)


# ---- the documents --------------------------------------------------------------------
BREAKS = "Line\u2028separated\u2029paragraph\x0bvertical\x0cform\x85next\x1cfile end."
TYPED = [
    "(a) The parties agree to talk.",
    "b) A second point, lettered.",
    "i. A roman point.",
    "IV) Another roman point.",
    "II. A capital roman point.",
    "A. Novak, an initial, opens this.",
    "1. A numbered point.",
    "12) A numbered point with a bracket.",
    "- A dashed point.",
    "+ A plus point.",
    "# Not a heading.",
    "(@) An example point.",
    "#. A default-numbered point.",
    "mix. A word that is also a roman number.",
    ": Not a definition.",
    "He said \"yes\" --- then -- 'no' ... it's done.",
    "Write to press.office@example.org or mailto:desk@example.org today.",
    "See https://example.org/a_b?x=1&y=2, www.example.net and ftp://files.example/f.",
    BREAKS,
    ":smile: and :+1: and :100: at 10:30:45, @handle and [@cite] too.",
    "Dr. Novak met Mr. Smith ~ 2 ^ 3 $x$ `tick` x_y_ *a* <b>b</b>.",
]


def _flat(text: str) -> str:
    """How the exports show a field's text: every kind of line break is a space."""
    return " ".join(text.split())


def typed() -> Brief:
    """List-like openings, punctuation, addresses and odd line breaks in every field, in the
    article (cited, so the notes quote them) and in a second source's metadata."""
    article = "\n\n".join(t for t in TYPED if t != BREAKS) + "\n"  # the core drops such breaks
    b = Brief.from_text(article, title=TYPED[0], outlet=TYPED[1], author=TYPED[16],
                        url="https://example.org/report?id=1")
    second = b.add_source_text("A second report. It agrees.", title=TYPED[15],
                               outlet="(a) Wire", author=BREAKS,
                               url="www.example.net/path_(x)")
    b.set_meta("title", TYPED[2])
    b.set_meta("analyst", TYPED[16])
    b.set_meta("summary", "\n\n".join(TYPED))
    sentences = b.article.sentences
    for n, text in enumerate(TYPED):
        for kind in ("claim", "actor", "risk", "question"):
            cited = [sentences[n % len(sentences)].id, second.sentences[n % 2].id]
            item = b.add_item(kind, text, cited)
            b.set_field(item.id, "note", text)
    return b


def hostile_sources() -> Brief:
    """test_export_sources' brief over five sources with hostile and huge metadata."""
    spec = importlib.util.spec_from_file_location("_export_sources", HERE / "test_export_sources.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.hostile_sources()


def freezes() -> Brief:
    """The items of the briefs that froze the window (support/hostile.py), small, in one
    brief: an unbroken note, '*_' runs, table pipes, nested <div>s, many citations and
    claims, and each brief's article URL (a long one among them) as a risk."""
    b = BRIEFS.build()
    for name, builder in FREEZES.HOSTILE.items():
        brief, _ = builder(0.0002)
        for item in brief.items:
            copy = b.add_item(item.kind, item.text, ["s1", "s2"])
            b.set_field(copy.id, "note", item.note)
        b.add_item("risk", f"{name}: {brief.article.url}", ["s6"])
    return b


DOCUMENTS = {
    "sample": lambda: Brief.load(SAMPLE),
    "representative": BRIEFS.build,
    "hostile": BRIEFS.hostile,
    "hostile sources": hostile_sources,
    "typed": typed,
    "freezes": freezes,
}


@functools.cache
def export(name: str) -> str:
    return to_markdown(DOCUMENTS[name](), annex=True)


@functools.cache
def html(name: str, reader: str) -> str:
    return READERS[reader](export(name))


@functools.cache
def reading(name: str, reader: str) -> Reading:
    return Reading(html(name, reader))


def citations(name: str) -> int:
    """How many notes the document must have: one per footnote mark the export wrote."""
    return len(re.findall(r"\[\^[^\]\s]+\](?!:)", export(name)))


def _first_difference(text: str, reference: str) -> int:
    return next((i for i, (a, b) in enumerate(zip(text, reference)) if a != b),
                min(len(text), len(reference)))


# ---- the checks ------------------------------------------------------------------------
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_reader_shows_the_same_text(name):
    reference = reading(name, "markdown-it").text
    for reader in READERS:
        text = reading(name, reader).text
        if text != reference:
            at = _first_difference(text, reference)
            pytest.fail(f"{reader} differs from markdown-it at {at}:\n"
                        f"  {reader}: …{text[max(0, at - 60):at + 60]!r}\n"
                        f"  markdown-it: …{reference[max(0, at - 60):at + 60]!r}")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_reader_has_one_note_per_citation_numbered_alike(name):
    count = citations(name)
    assert count
    for reader in READERS:
        seen = reading(name, reader)
        assert seen.notes == count, reader
        assert seen.marks == [str(n) for n in range(1, count + 1)], reader


def test_the_sample_has_a_note_for_each_of_its_citations():
    brief = Brief.load(SAMPLE)
    assert citations("sample") == sum(len(item.citations) for item in brief.items) == 24


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_reader_makes_a_link_or_markup_from_user_text(name):
    for reader in READERS:
        seen = reading(name, reader)
        assert seen.links == [], reader
        assert seen.tags <= OURS, (reader, seen.tags - OURS)
        assert "mailto:" not in re.sub(r"<code>[^<]*</code>", "", html(name, reader)), reader


def test_typed_text_reads_as_typed_in_every_reader():
    """List-like openings keep their marker, punctuation stays as typed (no curly quotes,
    dashes or ellipsis), addresses are readable text, odd line breaks separate words;
    each text is in the summary, four items and their notes, at least nine times."""
    for reader in READERS:
        text = reading("typed", reader).text
        for typed_text in TYPED:
            assert text.count(_flat(typed_text)) >= 9, (reader, typed_text)
        assert "(a) Wire, sentence 1:" in text, reader     # a note opening with "(a)"
        assert not re.search("[“”‘’–—…]", text.split("Bottom line")[1].split("Sources")[0])
        assert "&#" not in text and "\\" not in text, reader


def test_addresses_are_code_in_every_reader():
    for reader in READERS:
        page = html("typed", reader)
        for address in ("https://example.org/a_b?x=1&amp;y=2", "www.example.net",
                        "press.office@example.org", "mailto:desk@example.org"):
            assert f"<code>{address}</code>" in page, (reader, address)
