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
from briefing.core.items import FIELDS, SOURCE_RELIABILITY, FieldSpec, Item
from briefing.core.source import Source, sentence_number as _number_in_source
from briefing.io.atomic import write_atomic
from briefing.io.errors import BriefingFileError

FORMATS = ("md", "docx")
# C0 controls (bar tab and newline), lone surrogates and non-characters: a .brief may hold
# them (JSON allows it) but XML 1.0 and UTF-8 cannot, so they are dropped before writing.
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """User text with characters no export format can carry removed."""
    return UNWRITABLE.sub("", text)


def one_line(text: str) -> str:
    """Text on one line: every run of whitespace, line breaks of every kind included
    (CR, LF, U+2028, U+2029, NEL, vertical tab, form feed), as one space; then cleaned, so
    a break that is also unwritable still separates the words around it."""
    return clean(" ".join(text.split()))


def readable_stamp(stamp: str) -> str:
    """'2024-10-25T09:30:00Z' -> '2024-10-25 09:30 UTC'; anything else unchanged."""
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z", stamp)
    return f"{match[1]} {match[2]} UTC" if match else stamp


def meta_rows(brief: BriefModel) -> list[tuple[str, str]]:
    """Label/value rows of the title block. The handling marking is not a row: each format
    shows it as a banner above the title. The sources are counted here and listed, each
    with its metadata, in the Sources section (`source_entries`)."""
    return [("Analyst", brief.analyst), ("Created", readable_stamp(brief.created)),
            ("Modified", readable_stamp(brief.modified)), ("Sources", str(len(brief.sources)))]


def source_title(source: Source) -> str:
    """How the Sources section and the annex head a source: its title, else a placeholder."""
    return source.title.strip() or "Untitled source"


def source_entries(brief: BriefModel) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each source in the brief's order: (title, [(label, value) of its filled-in outlet,
    author, date and URL]), each on one line. The URL is only ever text: no export makes
    it a link."""
    out = []
    for source in brief.sources:
        rows = [("Outlet", source.outlet), ("Author", source.author),
                ("Published", source.published), ("URL", source.url)]
        rows = [(k, one_line(v)) for k, v in rows if v.strip()]
        rows.append((SOURCE_RELIABILITY.label, SOURCE_RELIABILITY.choice_text(source.reliability)))
        out.append((one_line(source_title(source)), rows))
    return out


NAME_CHARS = 48   # a source's name in a footnote: long titles are cut at a word


def short_name(text: str, limit: int = NAME_CHARS) -> str:
    """One line of at most `limit` characters, cut at a word with an ellipsis."""
    flat = one_line(text)
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.-") + "…"


OUTLET_CHARS = 24  # an outlet up to this long names its source in notes ("Reuters")


def source_names(brief: BriefModel) -> dict[str, str]:
    """Source id -> the name its footnotes give it, as the window's badges do: the outlet
    when it is short ("Reuters"), else the title (else the outlet) cut at a word to
    NAME_CHARS, else "Source N"; names two sources would share get "(source N)"."""
    names = {}
    for n, s in enumerate(brief.sources, 1):
        outlet = one_line(s.outlet)
        short = outlet if len(outlet) <= OUTLET_CHARS else ""
        names[s.id] = short or short_name(s.title or s.outlet) or f"Source {n}"
    taken: dict[str, int] = {}
    for name in names.values():
        taken[name] = taken.get(name, 0) + 1
    return {sid: f"{name} (source {n})" if taken[name] > 1 else name
            for n, (sid, name) in enumerate(names.items(), 1)}


def corroboration(brief: BriefModel, item: Item) -> str:
    """How many distinct sources an item's trusted citations quote: "2 sources",
    "1 source", with the citations still to review counted beside it."""
    count = len(brief.source_ids_of(item))
    text = f"{count} source{'' if count == 1 else 's'}"
    review = brief.review_count(item)
    if review:
        text += f" ({review} citation{'' if review == 1 else 's'} to review)"
    return text


def detail_specs(kind: str) -> tuple[FieldSpec, ...]:
    """The fields shown beside an item's headline (every declared field but the first)."""
    return FIELDS[kind][1:]


def detail_label(spec: FieldSpec) -> str:
    """A detail's label: a claim's credibility is shown as its Admiralty grade."""
    return "Grade" if spec.name == "credibility" else spec.label


def detail_value(brief: BriefModel, item: Item, spec: FieldSpec) -> str:
    """A detail's value; for a claim's credibility the grade with both halves spelt out,
    "B3 (usually reliable source; possibly true)"."""
    if spec.name != "credibility":
        return item.fields[spec.name]
    grade = brief.grade(item)
    source = SOURCE_RELIABILITY.meanings[SOURCE_RELIABILITY.choices.index(grade[0])]
    information = spec.meanings[spec.choices.index(grade[1:])]
    return f"{grade} ({source.replace('reliability ', 'source reliability ')}" \
           f"{' source' if 'judged' not in source else ''}; {information})"


def sentence_number(sentence_id: str) -> str:
    """'s12' or 'src2:s12' -> '12': the number an analyst sees in the annex and in each
    footnote, counted within the sentence's own source."""
    return str(_number_in_source(sentence_id))


REVIEW_NOTE = "Stored quote, no longer matching the article ({status}; needs review):"
REVIEW_NOTE_OF = "stored quote, no longer matching the source ({status}; needs review):"
GONE_NOTE = "Stored quote from a source no longer in the brief ({status}; needs review):"
NO_SOURCE = "(no source cited)"  # after an item resting on no sentence: exports never hide it


class SourceNotes:
    """What each citation's note says.

    A trusted (exact/moved) citation is noted by its sentence, quoting its text, led by
    the sentence's number within its source. With
    several sources the note names the source first ("Reuters, sentence 4:"); in a
    one-source brief every note would name the same report, so it reads "Sentence 4:" and
    the Sources section names the report. A citation that needs review is noted by its own
    stored quote and says it no longer matches: an export never prints another sentence's
    text or number in its place; one whose source is gone says that. Both formats make one
    note per entry of `sources(item)`, numbered in order of use (Word numbers its own), so
    a sentence cited by two items is two notes, in every reader."""

    def __init__(self, brief: BriefModel) -> None:
        self.brief = brief
        self.names = source_names(brief)
        self.several = len(self.names) > 1
        self.parts: dict[str, tuple[str, str]] = {}

    def label(self, sentence_id: str) -> str:
        """'Reuters, sentence 4:' for a trusted sentence ('Sentence 4:' with one source)."""
        number = sentence_number(sentence_id)
        if not self.several:
            return f"Sentence {number}:"
        source = self.names.get(self.brief.source_of(sentence_id).id, "Source")
        return self._named(source, f"sentence {number}:")

    def review_label(self, source_id: str, status: str) -> str:
        name = self.names.get(source_id)
        if name is None:
            return GONE_NOTE.format(status=status)
        if not self.several:
            return REVIEW_NOTE.format(status=status)
        return self._named(name, REVIEW_NOTE_OF.format(status=status))

    def _named(self, name: str, rest: str) -> str:
        label = f"{name}, {rest}"
        self.parts[label] = (name, rest)
        return label

    def split(self, label: str) -> tuple[str, str]:
        """A label as (source name, the rest): Word sets the two apart. ("", label) when
        the label names no source."""
        return self.parts.get(label, ("", label))

    def sources(self, item: Item) -> list[tuple[str, str, str]]:
        """(note key, label, quote) of each of the item's citations, in order; two
        citations landing on one sentence make one note mark, not two."""
        out: dict[str, tuple[str, str, str]] = {}
        for n, c in enumerate(item.citations):
            r = self.brief.resolution(c)
            if r.trusted is not None:
                sid = r.trusted.id
                if sid not in out:
                    out[sid] = (sid, self.label(sid), r.trusted.text)
            else:
                key = f"review:{item.id}:{n}"
                out[key] = (key, self.review_label(c.source, r.status), c.exact)
        return list(out.values())


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # CRLF, CR or LF: one paragraph break each
ANNEX_TITLE_CHARS = 160   # an annex part's heading; the Sources section has the full title


def annex_parts(brief: BriefModel) -> list[tuple[str, list[list[tuple[str, str | None]]]]]:
    """The annex: one part per source, in the brief's order, as (title, paragraphs).
    A one-source brief has one part with no title (the annex's heading, "the article",
    names it); with several, each writer heads part N "N. Title", numbered as the Sources
    list (a very long title is cut there: the Sources list has it whole)."""
    cited = brief.cited_sentence_ids()
    if len(brief.sources) == 1:
        return [("", annex_paragraphs(brief.article, cited))]
    return [(short_name(source_title(source), ANNEX_TITLE_CHARS), annex_paragraphs(source, cited))
            for source in brief.sources]


def annex_paragraphs(source: Source, cited: set[str]) -> list[list[tuple[str, str | None]]]:
    """A source's text as paragraphs of (text, sentence id if cited else None) runs.

    Paragraphs break at the text's own newlines, so the annex keeps its layout; a cited
    sentence split by a newline stays marked on both sides, and uncited sentences merge
    with the gaps around them into plain runs.
    """
    text = source.text
    paragraphs: list[list[tuple[str, str | None]]] = [[]]
    at = 0

    def add(piece: str, sid: str | None) -> None:
        if "\n" not in piece and "\r" not in piece:  # the common case, kept cheap
            if piece:
                paragraphs[-1].append((piece, sid))
            return
        lines = _LINE_BREAK.split(piece)
        for n, line in enumerate(lines):
            if n:
                paragraphs.append([])
            if line:
                paragraphs[-1].append((line, sid))

    for s in source.sentences:
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
