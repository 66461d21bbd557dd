"""PDF text lines (with positions and fonts) to article blocks, in reading order.

Qt-free and pdfminer-free: `pdf.py` hands over `Line`s per page, this module
- drops running headers, footers and page numbers (lines repeated across pages at the
  same height, and bare page numbers in the margins);
- orders each page's lines: columns found from the vertical gutters the lines leave
  free; a line across a gutter (a title, a full-width figure caption) splits the page into
  bands read top to bottom, each band column by column;
- tells headings (larger or bold type), captions ("Figure 1", "Table 2"), tables (lines
  sharing a row) and small print from body text, so none is merged into a sentence;
- rebuilds paragraphs (line spacing, indents, short last lines), also across columns,
  pages and floats, and joins words hyphenated at line ends while keeping real hyphens.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from briefing.io.importers.unwrap import join_lines, words_of

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–(\[]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–)\]]?"
                          r"(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_CAPTION = re.compile(r"^(?:figure|fig\.|table|chart|graph|exhibit|map|photo|box|source|sources|note|notes)"
                      r"\s*[\dA-Z]*[.:\s]", re.I)
_TERMINAL = tuple(".!?:;…\"'”’»)]")
MARGIN = 0.12  # the top and bottom share of a page where running heads and feet live


@dataclass
class Line:
    x0: float
    y0: float          # PDF coordinates: y grows upwards
    x1: float
    y1: float
    text: str
    size: float
    bold: bool = False
    italic: bool = False
    # set while ordering
    segment: tuple = ()
    left: float = 0.0   # the column's left and right edges
    right: float = 0.0


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


# ---- running heads, feet and page numbers ---------------------------------------------
def remove_furniture(pages: list[Page]) -> None:
    def key(line: Line, page: Page) -> tuple | None:
        top = line.y0 > page.height * (1 - MARGIN)
        bottom = line.y1 < page.height * MARGIN
        if not (top or bottom):
            return None
        return _furniture_text(line.text), round(line.y0 / 6)

    seen: Counter = Counter()
    for page in pages:
        seen.update({key(line, page) for line in page.lines} - {None})
    repeated = {k for k, n in seen.items() if n >= max(2, len(pages) * 0.4)}
    for page in pages:
        page.lines = [line for line in page.lines
                      if key(line, page) not in repeated
                      and not (key(line, page) and _PAGE_NUMBER.match(line.text.strip()))]


_NOTE_START = re.compile(r"^(?:\d{1,3}|[*†‡§¶])\.?\s+[A-Z“\"'(]")  # "3 Interview with..." starts a footnote
_MARK = re.compile(r"^(?:\d{1,3}[.)]?|[*†‡§¶]|[a-z][.)])$")


def join_marks(pages: list[Page]) -> None:
    """A footnote's number or a list item's label set apart from its text (a hanging
    indent, a tab) is one line with it: "3 Interview with...", not a table row, and not a
    bare number in the bottom margin taken for a page number."""
    for page in pages:
        for mark in [line for line in page.lines if _MARK.match(line.text.strip())]:
            row = [line for line in page.lines if line is not mark
                   and abs(line.y1 - mark.y1) < max(line.size, mark.size) * 0.5]
            right = [line for line in row if line.x0 >= mark.x1 - 1]
            if len(row) != 1 or len(right) != 1:
                continue
            text = right[0]
            if text.x0 - mark.x1 > max(text.size, mark.size) * 4 or len(text.text.strip()) < 12:
                continue
            text.text = f"{mark.text.strip()} {text.text.strip()}"
            text.x0 = mark.x0
            page.lines.remove(mark)


def _furniture_text(text: str) -> str:
    """A margin line's text with its page number gone, so that "Title | 3" on odd pages and
    "4 | Title" on even ones (mirrored running heads) count as one repeated line."""
    text = re.sub(r"\b(?:page|p\.|seite|página|pagina)\s*(?=\d)", "", text.lower())
    text = re.sub(r"\d+", "#", text)
    text = re.sub(r"^(?:[#|·•\-–—/:,.\s]|\bof\b)+|(?:[#|·•\-–—/:,.\s]|\bof\b)+$", "", text)
    return text or "#"


def remove_top_print(pages: list[Page], body: float) -> None:
    """Small print alone at the very top of a page, set apart from what follows (a running
    head on a one-page document, or on the one page that has it): not the article."""
    for page in pages:
        lines = sorted(page.lines, key=lambda line: -line.y1)
        while len(lines) >= 2:
            top, below = lines[0], lines[1]
            alone = abs(below.y1 - top.y1) >= top.size * 0.5          # not a table row
            if not (top.y0 > page.height * (1 - MARGIN) and top.size < body * 0.9 and alone
                    and top.y0 - below.y1 > top.size * 1.5):
                break
            page.lines.remove(top)
            lines.pop(0)


_LEADER = re.compile(r"(?:\.\s*){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$|…\s*\d{1,4}$", re.I)
_CONTENTS = re.compile(r"^(?:table of )?contents$|^inhalt(?:sverzeichnis)?$|^sommaire$|^índice$"
                       r"|^table des matières$|^inhoud(?:sopgave)?$", re.I)


def remove_contents(pages: list[Page]) -> None:
    """A table of contents: entries with dot leaders to a page number, and its heading."""
    for page in pages:
        entries = [line for line in page.lines if _LEADER.search(line.text.strip())]
        if len(entries) >= 3:
            page.lines = [line for line in page.lines if line not in entries
                          and not _CONTENTS.match(line.text.strip())]


# ---- reading order ---------------------------------------------------------------------
def gutters(lines: list[Line], width: float) -> list[tuple[float, float]]:
    """Vertical strips (x ranges) no column line crosses, with enough lines either side."""
    if len(lines) < 6:
        return []
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    content = right_edge - left_edge
    narrow = [line for line in lines if line.x1 - line.x0 < content * 0.6]
    spans = sorted((line.x0, line.x1) for line in narrow)
    gaps, reach = [], left_edge
    for x0, x1 in spans:
        if x0 - reach >= 6:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    found = []
    for start, end in gaps:
        middle = (start + end) / 2
        if not left_edge + content * 0.2 <= middle <= right_edge - content * 0.2:
            continue
        left = sum(1 for line in lines if line.x1 <= start + 1)
        right = sum(1 for line in lines if line.x0 >= end - 1)
        if min(left, right) >= 0.25 * len(lines):
            found.append((start, end))
    return found


def order_page(page: Page, number: int) -> list[Line]:
    lines = page.lines
    cuts = gutters(lines, page.width)
    crossing = [line for line in lines if any(line.x0 < s - 1 and line.x1 > e + 1 for s, e in cuts)]
    spanning = sorted(crossing, key=lambda line: -line.y1)
    bounds = [(float("-inf"), float("inf"))] + [(s, e) for s, e in cuts] + [(float("inf"), 0)]
    ordered: list[Line] = []
    band: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    rest = sorted((line for line in lines if line not in crossing), key=lambda l: -l.y1)

    def flush(band_no: int) -> None:
        for column, members in enumerate(band):
            if not members:
                continue
            left = min(line.x0 for line in members)
            right = max(line.x1 for line in members)
            for line in _rows_then_x(members):
                line.segment, line.left, line.right = (number, band_no, column), left, right
                ordered.append(line)
            members.clear()

    band_no = 0
    for line in rest:
        while spanning and (spanning[0].y0 + spanning[0].y1) / 2 > (line.y0 + line.y1) / 2:
            flush(band_no)
            top = spanning.pop(0)
            top.segment, top.left, top.right = (number, band_no, "span"), top.x0, top.x1
            ordered.append(top)
            band_no += 1
        centre = (line.x0 + line.x1) / 2
        column = next(i for i in range(len(cuts) + 1) if centre < (bounds[i + 1][0] + bounds[i + 1][1]) / 2
                      or i == len(cuts))
        band[column].append(line)
    flush(band_no)
    for top in spanning:
        top.segment, top.left, top.right = (number, band_no + 1, "span"), top.x0, top.x1
        ordered.append(top)
    return ordered


def _rows_then_x(lines: list[Line]) -> list[Line]:
    """Top to bottom; lines on one row (table cells) left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda l: -l.y1):
        if rows and abs(rows[-1][0].y1 - line.y1) < line.size * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda l: l.x0)]


# ---- kinds -----------------------------------------------------------------------------
def body_size(pages: list[Page]) -> float:
    sizes: Counter = Counter()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def classify(lines: list[Line], body: float) -> list[str]:
    kinds = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        same_row = any(other is not line and other.segment == line.segment
                       and abs(other.y1 - line.y1) < line.size * 0.5
                       for other in lines[max(0, i - 8):i + 8])
        if same_row:
            kinds.append("table")
        elif line.size >= body * 1.15 or (line.bold and line.size >= body - 0.5 and len(text) <= 120):
            kinds.append("h")
        elif _CAPTION.match(text) and (line.size < body - 0.2 or line.italic or line.bold):
            kinds.append("caption")
        elif line.size < body * 0.88:
            kinds.append("small")
        else:
            kinds.append("p")
    # a caption goes on over the lines in its type; a table over its multi-line cells
    for i in range(1, len(lines)):
        prev, line = lines[i - 1], lines[i]
        close = prev.segment == line.segment and prev.y0 - line.y1 < prev.size * 1.2
        if kinds[i] == "small" and kinds[i - 1] in ("caption", "table") and close \
                and abs(prev.size - line.size) < 0.3:
            kinds[i] = kinds[i - 1]
    return kinds


# ---- blocks ----------------------------------------------------------------------------
def blocks_from(pages: list[Page]) -> list[tuple[str, str]]:
    join_marks(pages)
    remove_furniture(pages)
    remove_contents(pages)
    body = body_size(pages)
    remove_top_print(pages, body)
    lines = [line for number, page in enumerate(pages) for line in order_page(page, number)]
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return []
    kinds = classify(lines, body)
    vocabulary = words_of("\n".join(line.text for line in lines))
    pitch = _body_pitch(lines, kinds, body)
    builder = _Builder(vocabulary)
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        prev = lines[i - 1] if i else None
        same = i and kinds[i - 1] == kind
        if kind == "p":
            builder.body(line, prev if same else None, pitch)
        elif kind == "table":
            builder.table(line, same)
        elif kind == "h":
            builder.other("h", line, same and prev.segment == line.segment
                          and abs(prev.size - line.size) < 0.3 and prev.y0 - line.y1 < line.size)
        else:
            builder.other(kind, line, same and prev.segment == line.segment
                          and prev.y0 - line.y1 < line.size * 1.2
                          and not (kind == "small" and _NOTE_START.match(line.text.strip())))
    return builder.finish()


def _body_pitch(lines: list[Line], kinds: list[str], body: float) -> float:
    pitches = [a.y0 - b.y0 for a, b, ka, kb in zip(lines, lines[1:], kinds, kinds[1:])
               if ka == kb == "p" and a.segment == b.segment and 0 < a.y0 - b.y0 < body * 3]
    return median(pitches) if pitches else body * 1.2


def _ends_paragraph(line: Line) -> bool:
    short = line.x1 < line.right - max(line.size * 2, (line.right - line.left) * 0.1)
    return short and line.text.rstrip().endswith(_TERMINAL)


class _Builder:
    """Groups ordered, classified lines into blocks; a float (table, caption, small print)
    met inside an unfinished paragraph waits until the paragraph ends."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        self.blocks: list[tuple[str, list[Line]]] = []
        self.open: list[Line] | None = None      # the paragraph still being written
        self.deferred: list[tuple[str, list[Line]]] = []

    def body(self, line: Line, prev: Line | None, pitch: float) -> None:
        if self.open and prev is None and self.deferred:
            last = self.open[-1]
            if not last.text.rstrip().endswith(_TERMINAL) and line.text.lstrip()[:1].islower():
                self.open.append(line)           # the paragraph goes on after a float
                return
        if self.open and prev is not None and not self._breaks(prev, line, pitch):
            self.open.append(line)
            return
        self._close()
        self.open = [line]
        self.blocks.append(("p", self.open))

    def _breaks(self, prev: Line, line: Line, pitch: float) -> bool:
        if _ends_paragraph(prev):
            return True
        indent = line.x0 - line.left > line.size * 0.8 and prev.x0 - prev.left < line.size * 0.3
        if prev.segment != line.segment:
            return indent
        return indent or prev.y0 - line.y0 > pitch * 1.15 or prev.y0 - line.y0 < 0

    def table(self, line: Line, same: bool) -> None:
        target = self._target()
        if same and target and target[-1][0] == "table":
            target[-1][1].append(line)
        else:
            target.append(("table", [line]))

    def other(self, kind: str, line: Line, continues: bool) -> None:
        if kind == "h":
            self._close()
        target = self._target()
        if continues and target and target[-1][0] == kind:
            target[-1][1].append(line)
        else:
            target.append((kind, [line]))

    def _target(self) -> list:
        return self.deferred if self.open is not None else self.blocks

    def _close(self) -> None:
        self.open = None
        self.blocks.extend(self.deferred)
        self.deferred = []

    def finish(self) -> list[tuple[str, str]]:
        self._close()
        out = []
        for kind, lines in self.blocks:
            if kind == "table":
                out.append(("pre", _table_text(lines)))
            elif kind == "h":
                out.append(("h", " ".join(line.text.strip() for line in lines)))
            else:
                out.append(("p", join_lines([line.text for line in lines], self.vocabulary)))
        return out


def _table_text(lines: list[Line]) -> str:
    """Rows of cells (' | ' between cells); a cell's wrapped lines joined to it."""
    rows: list[list[Line]] = []
    for line in lines:
        if rows and abs(rows[-1][0].y1 - line.y1) < line.size * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    table: list[list[list]] = []   # rows of [x0, text]
    for row in rows:
        cells = [[line.x0, line.text.strip()] for line in sorted(row, key=lambda l: l.x0)]
        if table and len(cells) < len(table[-1]) and all(
                any(abs(x - px) < 3 for px, _ in table[-1]) for x, _ in cells):
            for x, text in cells:
                cell = next(c for c in table[-1] if abs(c[0] - x) < 3)
                cell[1] += " " + text
        else:
            table.append(cells)
    return "\n".join(" | ".join(text for _, text in row) for row in table)
