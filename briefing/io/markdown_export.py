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
_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "{": "\\{", "}": "\\}",
    "[": "\\[", "]": "\\]", "#": "\\#", "|": "\\|",
    "<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;", "^": "&#94;",
}
# One character class, so the scan stays a fast C loop over long article text; the few
# context-dependent ones are decided in _escape_char: "$" only where it could close pandoc's
# $math$ (a closer is never followed by a digit, so "$1.2 billion" stays readable), ":" only
# in "word://", "@" only inside an e-mail address, and "www." (GFM renderers and pandoc's
# gfm autolink bare addresses; an entity or escape breaks the pattern they look for).
# Characters no format can carry (see export.clean) are matched too and dropped.
_SPECIAL = re.compile(r"[\\`*_{}\[\]#|<>&~^$:@" + UNWRITABLE.pattern[1:] + r"|[Ww]{3}\.")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+-_")
# Block markers that matter only where user text starts a line: "-", "+", "1." "1)", ":".
_LEADING = re.compile(r"^(?:([-+])|(\d+)([.)])|(:))")


def _escape_char(match: re.Match) -> str:
    found, text, end = match.group(), match.string, match.end()
    if found == "$":
        return "$" if text[end:end + 1].isdigit() else "&#36;"
    if found == ":":
        start = match.start()
        after_word = start > 0 and text[start - 1].isalnum()
        return "&#58;" if after_word and text.startswith("//", end) else ":"
    if found == "@":
        start = match.start()
        in_address = start > 0 and text[start - 1] in _EMAIL_LOCAL and text[end:end + 1].isalnum()
        return "&#64;" if in_address else "@"
    if len(found) == 4:  # "www."
        return found[:3] + "\\."
    return _ESCAPES.get(found, "")


def _escape_leading(match: re.Match) -> str:
    sign, digits, dot, colon = match.groups()
    if sign:
        return "\\" + sign
    if digits:
        return f"{digits}\\{dot}"
    return "&#58;" if colon else match.group()


_MARKER_STARTS = frozenset("-+:0123456789")
_SPACES = re.compile(r"\s{2,}|[^\S ]")  # whitespace other than a lone space


def _collapse(text: str) -> str:
    """Runs of whitespace (newlines included) as one space. Most text has none, and
    isprintable() proves that in one C loop, where a regex scan of a 1 MB article is slow."""
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return _SPACES.sub(" ", text).strip()


def escape(text: str) -> str:
    """User text as inert Markdown on one line: markup characters escaped, whitespace
    (newlines included) collapsed, a leading list/definition marker neutralised."""
    flat = _collapse(_SPECIAL.sub(_escape_char, text))
    return _LEADING.sub(_escape_leading, flat) if flat[:1] in _MARKER_STARTS else flat


class _Writer:
    """Builds the document line by line, numbering notes as the items cite sentences."""

    def __init__(self, brief: BriefModel) -> None:
        self.brief = brief
        self.notes = SourceNotes(brief)
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
        return "".join(f"[^{self.notes.number(*source)}]" for source in self.notes.sources(item))

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
        summary = [p for p in clean(brief.summary).split("\n\n") if p.strip()]
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
        """One note per distinct sentence: 'Source name, sentence N: “quote”'. CommonMark
        never mistakes a note for a link reference definition (which would turn '[^1]'
        into a link there): a definition's line ends with its destination or a title in
        quotes or parentheses, and a note's line always ends with ” after words."""
        for n, label, quote in self.notes.notes():
            self.block(f"[^{n}]: {self.esc(label)} “{self.esc(quote)}”")


def to_markdown(brief: BriefModel, annex: bool = False) -> str:
    """The brief as Markdown: title block, bottom line, the four sections, the sources,
    optionally the annotated sources (annex), then one footnote per distinct cited
    sentence."""
    writer = _Writer(brief)
    writer.title_block()
    writer.sections()
    writer.source_list()
    if annex:
        writer.annex()
    writer.footnotes()
    return "\n".join(writer.lines).rstrip("\n") + "\n"
