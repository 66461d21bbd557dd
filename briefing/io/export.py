"""What every export says, and the one entry point the CLI calls.

The Markdown and Word writers share the facts here (the metadata rows, the per-kind detail
fields, the numbering of cited sentences) so the two formats can never disagree about what a
brief contains; each writer only decides how it looks.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

from briefing.core.brief import BriefModel
from briefing.core.items import FIELDS, FieldSpec, Item
from briefing.io.atomic import write_atomic
from briefing.io.errors import BriefingFileError

FORMATS = ("md", "docx")
# C0 controls (bar tab and newline), lone surrogates and non-characters: a .brief may hold
# them (JSON allows it) but XML 1.0 and UTF-8 cannot, so they are dropped before writing.
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text with characters no export format can carry removed."""
    return UNWRITABLE.sub("", text)


def readable_stamp(stamp: str) -> str:
    """'2024-10-25T09:30:00Z' -> '2024-10-25 09:30 UTC'; anything else unchanged."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z", stamp)
    return f"{match[1]} {match[2]} UTC" if match else stamp


def meta_rows(brief: BriefModel) -> list[tuple[str, str]]:
    """Label/value rows of the title block; empty article fields are left out. The
    handling marking is not a row: each format shows it as a banner above the title."""
    article = brief.article
    rows = [("Analyst", brief.analyst), ("Created", readable_stamp(brief.created)),
            ("Modified", readable_stamp(brief.modified)),
            ("Article", article.title), ("Outlet", article.outlet),
            ("Author", article.author), ("Published", article.published),
            ("URL", article.url)]
    return [(label, value) for label, value in rows if value or label == "Analyst"]


def detail_specs(kind: str) -> tuple[FieldSpec, ...]:
    """The fields shown beside an item's headline (every declared field but the first)."""
    return FIELDS[kind][1:]


def sentence_number(sentence_id: str) -> str:
    """'s12' -> '12': the number an analyst sees in the annex and in each footnote."""
    return sentence_id[1:] if sentence_id[:1] == "s" else sentence_id


REVIEW_NOTE = "Stored quote, no longer matching the article ({status}; needs review):"
NO_SOURCE = "(no source cited)"  # after an item resting on no sentence: exports never hide it


class SourceNotes:
    """What each citation's note says, and the notes numbered in order of first use.

    A citation whose sentence is trusted (exact/moved) is noted by that sentence: one number
    per distinct sentence, quoting its text. A citation that needs review is noted by its
    own stored quote and says it no longer matches: an export never prints another
    sentence's text or number in its place. Markdown numbers its footnotes with this; Word,
    which numbers footnotes itself, uses the labels and quotes."""

    def __init__(self, brief: BriefModel) -> None:
        self.brief = brief
        self.numbers: dict[str, int] = {}
        self._notes: dict[str, tuple[str, str]] = {}

    def sources(self, item: Item) -> list[tuple[str, str, str]]:
        """(note key, label, quote) of each of the item's citations, in order; two
        citations landing on one sentence make one note mark, not two."""
        out: dict[str, tuple[str, str, str]] = {}
        for n, c in enumerate(item.citations):
            r = self.brief.resolution(c)
            if r.trusted is not None:
                sid = r.trusted.id
                out.setdefault(sid, (sid, f"Sentence {sentence_number(sid)}:", r.trusted.text))
            else:
                key = f"review:{item.id}:{n}"
                out[key] = (key, REVIEW_NOTE.format(status=r.status), c.exact)
        return list(out.values())

    def number(self, key: str, label: str, quote: str) -> int:
        """The note number of a source, allocating the next one on first use."""
        n = self.numbers.get(key)
        if n is None:
            n = self.numbers[key] = len(self.numbers) + 1
            self._notes[key] = (label, quote)
        return n

    def notes(self) -> list[tuple[int, str, str]]:
        """(number, label, quote) of every note allocated so far, in number order."""
        return [(n, *self._notes[key]) for key, n in self.numbers.items()]


def annex_paragraphs(brief: BriefModel) -> list[list[tuple[str, str | None]]]:
    """The article as paragraphs of (text, sentence id if cited else None) runs.

    Paragraphs break at the article's own newlines, so the annex keeps its layout; a cited
    sentence split by a newline stays marked on both sides, and uncited sentences merge
    with the gaps around them into plain runs.
    """
    text, cited = brief.article.text, brief.cited_sentence_ids()
    paragraphs: list[list[tuple[str, str | None]]] = [[]]
    at = 0

    def add(piece: str, sid: str | None) -> None:
        if "\n" not in piece:  # the common case, kept cheap: 1 MB articles have many
            if piece:
                paragraphs[-1].append((piece, sid))
            return
        lines = piece.split("\n")
        for n, line in enumerate(lines):
            if n:
                paragraphs.append([])
            if line:
                paragraphs[-1].append((line, sid))

    for s in brief.sentences:
        if s.id in cited:
            add(text[at:s.start], None)
            add(s.text, s.id)
            at = s.end
    add(text[at:], None)
    return [p for p in paragraphs if any(t.strip() for t, _ in p)]


def render(brief: BriefModel, to: str, annex: bool = True) -> bytes:
    """The exported file's bytes. Writers are imported here so that a Markdown export
    never pays for importing python-docx and lxml."""
    if to == "md":
        from briefing.io.markdown_export import to_markdown
        return to_markdown(brief, annex=annex).encode("utf-8")
    if to == "docx":
        from briefing.io.docx_export import write_docx
        stream = io.BytesIO()
        write_docx(brief, stream, annex=annex)
        return stream.getvalue()
    raise ValueError(f"unknown export format {to!r} (expected one of {', '.join(FORMATS)})")


def export_file(brief: BriefModel, to: str, output_path: str | os.PathLike,
                force: bool = False, annex: bool = True, replace_read_only: bool = False) -> None:
    """Render fully in memory, then write atomically: a failed export leaves no torn file
    and an existing file is only replaced when the analyst asked for it."""
    out = Path(output_path)
    try:
        if out.is_dir():
            raise BriefingFileError(out, "is a folder, not a file")
        if out.exists() and not force:
            raise BriefingFileError(out, "already exists (use --force to overwrite)")
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise BriefingFileError.from_os_error(exc, out, "cannot write") from None
    data = render(brief, to, annex=annex)
    try:
        write_atomic(out, data, replace_read_only=replace_read_only)
    except OSError as exc:
        raise BriefingFileError.from_os_error(exc, out, "cannot write") from None
