"""A brief as Markdown that CommonMark, pandoc and python-markdown all read the same way.

Everything an analyst or an article typed goes through `escape`, so no user text can become
markup: not HTML, not a link or image, not emphasis, a heading, a list or a table cell
break. The only markup in the output is ours. Output is deterministic (no clock, no
dictionary-order surprises), so exports diff cleanly and golden files stay stable.
"""
from __future__ import annotations

import re

from briefing.core.brief import BriefModel
from briefing.core.items import Item
from briefing.core.sections import SECTIONS, Section
from briefing.io.export import (
    NO_SOURCE, UNWRITABLE, SourceNotes, annex_parts, clean, corroboration, detail_label,
    detail_specs, detail_value, meta_rows, sentence_number, source_entries)

# Backslash escapes only for characters python-markdown also unescapes (it shows the
# backslash for others); entities for the rest, which every reader decodes as plain text.
# Straight quotes are entities: pandoc's `smart` extension (on in its `markdown` and
# `commonmark_x`) would curl them, and python-markdown would show a backslash before them.
_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}",
    "[": "\\[", "]": "\\]", "#": "\\#", "|": "\\|",
    "<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;", "^": "&#94;",
    '"': "&quot;", "'": "&#39;",
}
# One pattern, so the scan stays a fast C loop over long article text; the few
# context-dependent ones are decided in _escape_char: "$" only where it could close pandoc's
# $math$ (a closer is never followed by a digit, so "$1.2 billion" stays readable), ":" only
# opening an emoji shortcode (":smile:", which pandoc's gfm and commonmark_x make 😄), "@"
# only opening a pandoc citation ("@smith"), "www." inside a word (a web address of its own
# is a code span, see _inert), and runs of "-" or "." that pandoc's `smart` would make a dash
# or an ellipsis. Characters no format can carry (export.UNWRITABLE) are matched too: the
# breaks among them (vertical tab, form feed, the separators \x1c-\x1f) become spaces, so
# the words they separated stay apart; the rest are dropped.
_SPECIAL = re.compile(r"[\\`*_{}\[\]#|<>&~^$:@\"'" + UNWRITABLE.pattern[1:]
                      + r"|[Ww]{3}\.|-{2,}|\.{3,}")
_SHORTCODE = re.compile(r"[\w+-]+:")
_DIGIT_EMOJI = frozenset({"100", "1234"})   # the shortcodes made of digits (💯, 🔢)
_CITATION_KEY = re.compile(r"[\w{]")


def _escape_char(match: re.Match) -> str:
    found, text, start, end = match.group(), match.string, match.start(), match.end()
    if found == "$":
        return "$" if text[end:end + 1].isdigit() else "&#36;"
    if found == ":":
        code = _SHORTCODE.match(text, end)
        name = code.group()[:-1] if code else ""
        return "&#58;" if name and (not name.isdigit() or name in _DIGIT_EMOJI) else ":"
    if found == "@":
        opens = not (start and text[start - 1].isalnum()) and _CITATION_KEY.match(text, end)
        return "&#64;" if opens else "@"
    if len(found) > 1:
        if found[0] in "Ww":                        # "www."
            return found[:3] + "\\."
        return "".join("\\" + c for c in found)     # "--", "...": as typed, never smart
    escaped = _ESCAPES.get(found)
    if escaped is not None:
        return escaped
    return " " if found.isspace() else ""           # a break in a field, or unwritable


# Web and e-mail addresses are code spans: readable as typed, copied whole, and never a
# link, since no reader autolinks inside code (cmark-gfm and pandoc's gfm link a bare
# `http://…`, `www.…` or `name@host` however its characters are escaped). An address starts
# at its scheme ("https://"), at "www." or at an e-mail address's local part (with any
# "mailto:" or "xmpp:" before it) and runs to a space or to a character that ends it here
# (< > ` | \ "); trailing punctuation and an unbalanced ")" or "]" are left outside.
_TRIGGER = re.compile(r"(?<=[A-Za-z0-9])://|(?<=[\w.+-])@(?=[A-Za-z0-9])|(?<![\w.])[Ww]{3}\.")
_HAS_WWW = re.compile(r"[Ww]{3}\.")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*\Z")
_LOCAL = re.compile(r"(?:(?i:mailto|xmpp):)?[\w.+-]+\Z")
_BODY = re.compile(r"[^\s<>`|\\\"]*")
_TRAILING = ".,:;!?'*_~"
_CLOSERS = {")": "(", "]": "["}


def _address(text: str, at: int, trigger: str) -> tuple[int, int]:
    """The span of the address whose trigger ("://", "@" or "www.") stands at `at`. A
    scheme or a local part is short, so the look back is bounded (and stays in C)."""
    start = at
    if trigger == "://":
        found = _SCHEME.search(text, max(0, at - 40), at)
        start = found.start() if found else at
    elif trigger == "@":
        found = _LOCAL.search(text, max(0, at - 80), at)
        start = found.start() if found else at
    end = _BODY.match(text, at).end()
    while end > at + len(trigger):
        last = text[end - 1]
        opener = _CLOSERS.get(last)
        if last in _TRAILING or (opener and text.count(opener, start, end)
                                 < text.count(last, start, end)):
            end -= 1
        else:
            break
    return start, end


def _code(address: str) -> str:
    """An address as a code span (it holds no backtick: one ends the address)."""
    return f"`{clean(address)}`"


def _inert(text: str) -> str:
    """User text with its markup characters escaped and its addresses as code spans."""
    if "://" not in text and "@" not in text and not _HAS_WWW.search(text):
        return _SPECIAL.sub(_escape_char, text)
    out, done = [], 0
    for match in _TRIGGER.finditer(text):
        if match.start() < done:
            continue                                # inside the address just written
        start, end = _address(text, match.start(), match.group())
        start = max(start, done)
        out += [_SPECIAL.sub(_escape_char, text[done:start]), _code(text[start:end])]
        done = end
    out.append(_SPECIAL.sub(_escape_char, text[done:]))
    return "".join(out)


# What a reader could take for a block marker where user text starts a line: "-", "+",
# "1." "1)" (any number), ":" (a definition list or a fenced div) and, before a space, the
# fancy and example list markers of pandoc's `markdown` and `commonmark_x`: "(a)", "b)",
# "i.", "(iv)", "IV.", "(@)", "@." ("#." is escaped anyway; "A." only lists before two
# spaces, which escape() never leaves).
_MARKER = r"(?:[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|@)"
_LEADING = re.compile(rf"([-+])|(\d+)([.)])|(:)|(\(){_MARKER}\)(?=\s|\Z)|({_MARKER})([.)])(?=\s|\Z)")


def _escape_leading(text: str) -> str:
    """`text` with a block marker at its start made literal: a backslash before its sign,
    its opening bracket or its delimiter (python-markdown unescapes all of them)."""
    match = _LEADING.match(text)
    if match is None:
        return text
    sign, digits, dot, colon, bracket, letters, delimiter = match.groups()
    if sign or bracket:
        return "\\" + text
    if colon:
        return "&#58;" + text[1:]
    lead = digits or letters
    if delimiter == "." and len(lead) == 1 and lead.isupper():
        return text    # an initial ("A. Novak"): pandoc wants two spaces after "A.", and
                       # escape() leaves one
    return f"{lead}\\{dot or delimiter}{text[len(lead) + 1:]}"


_SPACES = re.compile(r"\s{2,}|[^\S ]")  # whitespace other than a lone space


def _collapse(text: str) -> str:
    """Runs of whitespace (line breaks of every kind included: CR, LF, U+2028, U+2029,
    NEL) as one space. Most text has none, and isprintable() proves that in one C loop,
    where a regex scan of a 1 MB article is slow."""
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return _SPACES.sub(" ", text).strip()


def escape(text: str) -> str:
    """User text as inert Markdown on one line: markup characters escaped, addresses as
    code spans, whitespace (line breaks included) collapsed, a leading block marker
    neutralised."""
    return _escape_leading(_collapse(_inert(text)))


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n|\u2029")   # a blank line, or U+2029


class _Writer:
    """Builds the document line by line, numbering a note for every citation as the items
    cite: one note per citation, as Word makes them, each with its own label, so every
    reader shows the same notes (a label referenced twice is one note in CommonMark and
    python-markdown but two in pandoc, and markdown-it marks the second "[3:1]")."""

    def __init__(self, brief: BriefModel) -> None:
        self.brief = brief
        self.notes = SourceNotes(brief)
        self.cited: list[tuple[str, str]] = []     # (label, quote) of note n at n - 1
        self.lines: list[str] = []
        self._escaped: dict[str, str] = {}

    def esc(self, text: str) -> str:
        """escape(), remembered: vocabulary values and cited sentences (quoted in the annex
        and again in the notes) recur thousands of times in a large brief."""
        done = self._escaped.get(text)
        if done is None:
            done = self._escaped[text] = escape(text)
        return done

    def block(self, *lines: str) -> None:
        """A block of lines followed by the blank line that separates Markdown blocks."""
        self.lines.extend(lines)
        self.lines.append("")

    def refs(self, item: Item) -> str:
        if not item.citations:
            return f" *{NO_SOURCE}*"
        return "".join(f"[^{self.note(label, quote)}]"
                       for _, label, quote in self.notes.sources(item))

    def note(self, label: str, quote: str) -> int:
        """The number of a new note quoting `quote` under `label`."""
        self.cited.append((label, quote))
        return len(self.cited)

    def details(self, item: Item) -> list[str]:
        """'Corroboration: 2 sources · Status: reported · Confidence: high' (corroboration
        for claims only) from the filled-in short detail fields, then one paragraph per
        long (multiline) one such as a question's answer."""
        filled = [s for s in detail_specs(item.kind) if item.fields[s.name].strip()]
        lead = [f"Corroboration: {corroboration(self.brief, item)}"] * (item.kind == "claim")
        short = " · ".join(lead + [f"{detail_label(s)}: {self.esc(detail_value(self.brief, item, s))}"
                                   for s in filled if not s.multiline])
        long = [f"*{s.label}:* {self.esc(item.fields[s.name])}" for s in filled if s.multiline]
        return ([short] if short else []) + long

    # ---- parts of the document ------------------------------------------------------
    def title_block(self) -> None:
        brief = self.brief
        self.block(f"**{self.esc(brief.marking)}**")
        self.block(f"# {self.esc(brief.title) or 'Untitled brief'}")
        self.block(*(f"- **{label}:** {self.esc(value) or '—'}"
                     for label, value in meta_rows(brief)))
        summary = [p for p in _PARAGRAPH_BREAK.split(clean(brief.summary)) if p.strip()]
        self.block("## Bottom line")
        for paragraph in summary or ["(no summary)"]:
            self.block(self.esc(paragraph))

    def numbered(self, items: list[Item]) -> None:
        """Claims and questions: a numbered list; details and note as indented paragraphs.

        Every marker is '1.' (readers number from the first) so the four-space indent of
        the detail paragraphs stays inside the item however long the list grows."""
        for item in items:
            text = self.esc(item.text)
            strong = f"**{text}**" if text else "*(no text)*"  # '****' would be a rule
            self.block(f"1. {strong}{self.refs(item)}")
            for paragraph in self.details(item):
                self.block(f"    {paragraph}")
            if item.note.strip():
                self.block(f"    *Note:* {self.esc(item.note)}")

    def table(self, section: Section, items: list[Item]) -> None:
        """Actors and risks: a pipe table; the notes column only when some item has one."""
        specs = detail_specs(section.kind)
        with_notes = any(item.note.strip() for item in items)
        header = ["#", section.singular.capitalize(), *(s.label for s in specs)]
        header += ["Note"] * with_notes
        rows = [f"| {' | '.join(header)} |", "|" + " --- |" * len(header)]
        for n, item in enumerate(items, 1):
            cells = [str(n), f"{self.esc(item.text)}{self.refs(item)}"]
            cells += [self.esc(item.fields[s.name]) for s in specs]
            cells += [self.esc(item.note)] * with_notes
            rows.append(f"| {' | '.join(cells)} |")
        self.block(*rows)

    def sections(self) -> None:
        for section in SECTIONS:
            items = self.brief.sections[section.kind]
            self.block(f"## {section.title}")
            if not items:
                self.block("*None recorded.*")
            elif section.kind in ("actor", "risk"):
                self.table(section, items)
            else:
                self.numbered(items)

    def source_list(self) -> None:
        """Every source in the brief's order: title, then its metadata on one line. The
        URL is escaped like any text, so no reader makes it a link."""
        self.block("## Sources")
        for title, rows in source_entries(self.brief):
            self.block(f"1. **{self.esc(title)}**")
            if rows:
                self.block("    " + " · ".join(f"{label}: {self.esc(value)}"
                                               for label, value in rows))

    def annex(self) -> None:
        parts = annex_parts(self.brief)
        several = len(parts) > 1
        self.block("## Annex: the sources" if several else "## Annex: the article")
        self.block("*Each source in full, in the order of the Sources list. Cited sentences are "
                   "in bold, followed by their sentence number in that source.*" if several else
                   "*Cited sentences are in bold, followed by their sentence number.*")
        for n, (title, paragraphs) in enumerate(parts, 1):
            if title:
                self.block(f"### {n}. {self.esc(title)}")
            for paragraph in paragraphs:
                self.block("".join(self.annex_run(text, sid) for text, sid in paragraph).strip())

    def annex_run(self, text: str, sid: str | None) -> str:
        """One run of an annex paragraph; the spaces between runs survive escaping."""
        if sid:
            return f"**{self.esc(text)}** \\[{sentence_number(sid)}\\]"
        lead = " " if text[:1].isspace() else ""
        tail = " " if text[-1:].isspace() else ""
        return f"{lead}{self.esc(text)}{tail}" if text.strip() else " "

    def footnotes(self) -> None:
        """One note per citation: 'Source name, sentence N: “quote”'. CommonMark
        never mistakes a note for a link reference definition (which would turn '[^1]'
        into a link there): a definition's line ends with its destination or a title in
        quotes or parentheses, and a note's line always ends with ” after words."""
        for n, (label, quote) in enumerate(self.cited, 1):
            self.block(f"[^{n}]: {self.esc(label)} “{self.esc(quote)}”")


def to_markdown(brief: BriefModel, annex: bool = False) -> str:
    """The brief as Markdown: title block, bottom line, the four sections, the sources,
    optionally the annotated sources (annex), then one footnote per citation."""
    writer = _Writer(brief)
    writer.title_block()
    writer.sections()
    writer.source_list()
    if annex:
        writer.annex()
    writer.footnotes()
    return "\n".join(writer.lines).rstrip("\n") + "\n"
