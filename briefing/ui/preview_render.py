"""Markdown export -> preview HTML, in time linear in the export and bounded by a budget.

No Qt here: the rendering runs on a worker thread. What made the preview freeze on valid
briefs (issue 10), besides the export's linear but slow escaping (0.5 µs a character: 3 MB of
``|`` took 1.5 s on the GUI thread):

- python-markdown's inline pass rebuilds a paragraph's whole string for every match, and the
  export escapes every markup character (``\\|``, ``\\*``, ``&lt;``), so a paragraph of n
  such characters costs n² (3 MB of ``|`` in a note: minutes). Its footnotes extension looks
  references up in lists (``footnote_order.index``, a linear walk per repeated reference), so
  40,000 claims citing one sentence cost 40,000². ``LinearFootnotes`` keeps the extension's
  output and makes those look-ups constant time.
- Qt's HTML import is quadratic in the items of one list (8,000 footnotes: 5 s).

So the preview has a budget, at two levels, and says so in a "Preview truncated" note on top
(the exports themselves are never cut):

- ``PreviewBrief``, on the GUI thread, is the brief as the preview sees it: each text cut to
  ``TEXT_CHARS``, each item's citations to ``NOTES``, at most ``ITEMS`` items and
  ``BODY_CHARS`` of their text,
  so ``to_markdown`` on it takes bounded time whatever the brief holds;
- ``budget_markdown``, on the worker, cuts what is still too big for the renderers: each
  line (the export puts each piece of user text on one line) to ``LINE_CHARS``, the body to
  ``BODY_LINES`` lines, the notes to ``NOTES``.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from html import escape as html_escape

import markdown
from markdown.extensions.footnotes import RE_REF_ID, FootnoteExtension

from briefing.core.brief import BriefModel
from briefing.core.items import Item

TEXT_CHARS = 3_000      # one text of the brief (a note, a statement, the URL)
LINE_CHARS = 8_000      # one Markdown line (escaping can double a text): ~60 ms worst case
BODY_CHARS = 300_000    # text of all the items shown
ITEMS = 1_000           # items shown: Qt's HTML import is quadratic in a list's length
BODY_LINES = 5_000      # Markdown lines before the notes (an item takes two to eight)
NOTES = 1_000           # footnote definitions (one Qt list)
META = ("title", "analyst", "marking", "summary", "created", "modified")
SOURCE_META = ("title", "outlet", "author", "published", "url")

_NOTE_DEF = re.compile(r"\[\^(\d+)\]: ")
_NOTE_REF = re.compile(r"(?<!\\)\[\^(\d+)\]")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class PreviewBrief:
    """A read-only view of a brief within the preview's budget, for ``to_markdown``.

    Built on the GUI thread in time bounded by the budget (items past it are counted, not
    read); everything the export reads that is not trimmed here reads through to the brief.
    ``cuts`` lists what was left out, in words."""

    def __init__(self, brief: BriefModel) -> None:
        self._brief = brief
        self._texts_cut = 0
        for name in META:
            setattr(self, name, self._cut(getattr(brief, name)))
        # Detached copies with their metadata cut (texts are shared, not copied; the
        # preview has no annex, so they are never segmented again).
        self.sources = [source.copy(**{n: self._cut(getattr(source, n)) for n in SOURCE_META})
                        for source in brief.sources]
        self.article = self.sources[0]
        self.sections: dict[str, list[Item]] = {}
        self._notes_cut = shown = used = 0
        for kind, items in brief.sections.items():
            self.sections[kind] = []
            for item in items:
                if shown >= ITEMS or used >= BODY_CHARS:
                    break
                trimmed = self._item(item)
                used += sum(map(len, trimmed.fields.values())) + len(trimmed.note)
                self.sections[kind].append(trimmed)
                shown += 1
        total = sum(map(len, brief.sections.values()))
        self.cuts = ([_plural(self._texts_cut, "long text") + f" cut to {TEXT_CHARS:,} characters"]
                     * bool(self._texts_cut)
                     + [f"the first {shown:,} of {total:,} items shown"] * (shown < total)
                     + [_plural(self._notes_cut, "citation") + " left out"] * bool(self._notes_cut))

    def __getattr__(self, name: str):
        return getattr(self._brief, name)

    def _cut(self, text: str) -> str:
        if len(text) <= TEXT_CHARS:
            return text
        self._texts_cut += 1
        return f"{text[:TEXT_CHARS]} … ({len(text) - TEXT_CHARS:,} more characters)"

    def _item(self, item: Item) -> Item:
        self._notes_cut += max(0, len(item.citations) - NOTES)
        return dataclasses.replace(item, fields={k: self._cut(v) for k, v in item.fields.items()},
                                   note=self._cut(item.note), citations=item.citations[:NOTES])


@dataclass
class Budgeted:
    """The Markdown to render and, when something was left out, why (plain sentences)."""
    markdown: str
    cuts: list[str] = field(default_factory=list)


def _safe_cut(line: str, limit: int) -> int:
    """A cut position <= limit that splits no backslash escape, entity or note mark."""
    cut = limit
    start = max(0, cut - 24)
    amp = line.rfind("&", start, cut)
    if amp >= 0 and ";" not in line[amp:cut]:
        cut = amp
    bracket = line.rfind("[", start, cut)
    if bracket >= 0 and "]" not in line[bracket:cut]:
        cut = bracket
    slashes = len(line[:cut]) - len(line[:cut].rstrip("\\"))
    return cut - 1 if slashes % 2 else cut


def _cut_line(line: str) -> tuple[str, int]:
    """The line within LINE_CHARS (its note marks kept) and how many characters were cut."""
    if len(line) <= LINE_CHARS:
        return line, 0
    cut = _safe_cut(line, LINE_CHARS)
    marks = "".join(f"[^{n}]" for n in _NOTE_REF.findall(line, cut)[:NOTES])
    return f"{line[:cut]} …{marks}", len(line) - cut


def budget_markdown(text: str) -> Budgeted:
    """The export cut to the renderers' budget; the result is still the export's Markdown."""
    body, notes = [], {}
    long_lines = dropped = 0
    for line in text.split("\n"):
        m = _NOTE_DEF.match(line)
        if m:
            notes[m.group(1)] = line
        elif len(body) >= BODY_LINES:
            dropped += bool(line.strip())
        else:
            line, cut = _cut_line(line)
            long_lines += bool(cut)
            body.append(line)
    cited = dict.fromkeys(n for line in body for n in _NOTE_REF.findall(line) if n in notes)
    kept = set(list(cited)[:NOTES])
    cuts = [_plural(long_lines, "long line") + " shortened"] * bool(long_lines)
    cuts += [f"the last {_plural(dropped, 'line')} left out"] * bool(dropped)
    if len(kept) < len(notes):
        cuts.append(f"{len(notes) - len(kept):,} of {_plural(len(notes), 'source note')} left out")
        body = [_NOTE_REF.sub(lambda m: m.group(0) if m.group(1) in kept else "", line)
                for line in body]
    out = body + [""]
    for n in cited:
        if n in kept:
            out += [_cut_line(notes[n])[0], ""]
    return Budgeted("\n".join(out), cuts)


class _IndexedList(list):
    """The footnote order: a list whose ``index`` and ``in`` take constant time."""

    def __init__(self) -> None:
        super().__init__()
        self._at: dict[str, int] = {}

    def append(self, value: str) -> None:
        self._at.setdefault(value, len(self))
        super().append(value)

    def index(self, value, *args) -> int:  # noqa: D102 (list's)
        if args or value not in self._at:
            return super().index(value, *args)
        return self._at[value]

    def __contains__(self, value) -> bool:
        return value in self._at


class LinearFootnotes(FootnoteExtension):
    """python-markdown's footnotes, same HTML, without its quadratic look-ups."""

    def reset(self) -> None:
        super().reset()
        self.footnote_order = _IndexedList()
        self._last_ref: dict[str, str] = {}

    def unique_ref(self, reference: str, found: bool = False) -> str:
        """The base class walks fnref, fnref2, fnref3 … from the start on every repeat;
        every name up to the last one handed out is taken, so resuming there gives the
        same names in constant time."""
        if not found:
            return reference
        original, sep = reference, self.get_separator()
        reference = self._last_ref.get(original, original)
        while reference in self.used_refs:
            ref, rest = reference.split(sep, 1)
            m = RE_REF_ID.match(ref)
            reference = (f"{m.group(1)}{int(m.group(2)) + 1}{sep}{rest}" if m
                         else f"{ref}2{sep}{rest}")
        self.used_refs.add(reference)
        self.found_refs[original] = self.found_refs.get(original, 0) + 1
        self._last_ref[original] = reference
        return reference


def markdown_to_html(text: str) -> str:
    """python-markdown with tables and (linear) footnotes, as the export is written for,
    with a superscript comma between adjacent note marks (notes 1 and 2 never read 12)."""
    html = markdown.markdown(text, extensions=[LinearFootnotes(), "tables"], output_format="html")
    return html.replace('</sup><sup id="fnref', '</sup><sup>,</sup><sup id="fnref')


def truncation_note(cuts: list[str]) -> str:
    """The banner on top of a cut preview (HTML)."""
    return ('<p class="truncated"><b>Preview truncated</b> (' + html_escape("; ".join(cuts))
            + "). The exported files are complete.</p>")


def render(text: str, cuts: list[str] = ()) -> str:
    """The export's Markdown as preview HTML: budgeted, rendered, with the note on top
    naming ``cuts`` (made before the export) and any cuts made here."""
    budgeted = budget_markdown(text)
    cuts = [*cuts, *budgeted.cuts]
    return (truncation_note(cuts) if cuts else "") + markdown_to_html(budgeted.markdown)
