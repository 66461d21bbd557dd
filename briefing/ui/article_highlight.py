"""What the article view paints over the text: coverage tints and the selected item.

Two layers with different costs. Coverage (every cited sentence, faint tint of the first
citing section plus a dotted underline) lives in the document's char formats: applied once
per sentence in one edit block, then only for the sentences whose colour changed, so a
brief with thousands of items costs nothing per paint. The selected item's sentences are
``ExtraSelection``s (strong tint plus a wavy underline): swapping a short list is cheap and
never touches the document. A long list is not (Qt walks every selection on every paint: an
item citing 50,000 sentences took 12 s to select), so past ``MATERIALISE_ALL`` sentences only
those ``near`` the visible part of the article become selections, refreshed on scrolling.
"""
from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from briefing.core.anchor import Sentence
from briefing.core.sections import BY_KIND
from briefing.ui.article_document import heading_format
from briefing.ui.offsets import OffsetMap
from briefing.ui.palette import section_colours

TOOLTIP_ITEMS = 8
TOOLTIP_CHARS = 80
MATERIALISE_ALL = 300       # more highlighted sentences than this: only those near the screen
WINDOW_MARGIN = 6_000       # characters of article either side of the visible part (~2 screens)

SUGGESTION_COLOUR = QColor("#b45309")   # amber: never a section tint
SUGGESTION_PROPERTY = QTextFormat.Property.UserProperty + 1   # marks a suggestion's selection
# Word marks over the text, drawn after the item's highlight: hedge and attribution words
# (View › Mark Hedges), and the words or sentences a finding or a suggestion points at.
MARK_PROPERTY = QTextFormat.Property.UserProperty + 2          # "hedge" or "pointer"
HEDGE_COLOUR = QColor("#92400e")         # dark amber text, underlined: never a tint
POINTER_BACKGROUND = QColor(250, 204, 21, 150)   # a highlighter-yellow wash
POINTER_LINE = QColor("#a16207")


def suggested_sentences(brief, item, known: dict[str, Sentence],
                        cited: set[str] | None = None) -> list[Sentence]:
    """Sentences that the item's needs-review citations suggest (fuzzy, ambiguous), which
    the item does not already cite (``cited``, when the caller has it): drawn dashed, never
    tinted, in reading order."""
    if not brief.review_count(item):   # cached per item: most items have nothing to suggest
        return []
    out: dict[str, Sentence] = {}
    for c in item.citations:
        r = brief.resolution(c)
        if cited is None and r.needs_review:
            cited = set(brief.sentence_ids_of(item))
        if r.needs_review and r.sentence is not None and r.sentence.id not in cited \
                and r.sentence.id in known:
            out[r.sentence.id] = known[r.sentence.id]
    return sorted(out.values(), key=lambda s: s.start)


def near(sentences: list[Sentence], lo: int, hi: int) -> list[Sentence]:
    """The sentences overlapping code points [lo, hi], from a list in reading order (sentences
    never overlap, so it is sorted by end too): two bisections, whatever its length."""
    first = bisect_left(sentences, lo, key=lambda s: s.end)
    last = bisect_left(sentences, hi + 1, key=lambda s: s.start)
    return sentences[first:last]


def span_cursor(doc: QTextDocument, offsets: OffsetMap, sentence: Sentence) -> QTextCursor:
    """A cursor selecting one sentence in the Qt document (through the offset seam)."""
    cursor = QTextCursor(doc)
    cursor.setPosition(offsets.to_qt(sentence.start))
    cursor.setPosition(offsets.to_qt(sentence.end), QTextCursor.MoveMode.KeepAnchor)
    return cursor


class CoverageTints:
    """The faint tints currently in the document, so updates only touch what changed."""

    def __init__(self, doc: QTextDocument, offsets: OffsetMap,
                 sentences: dict[str, Sentence], headings: set[str]) -> None:
        self._doc, self._offsets = doc, offsets
        self._sentences, self._headings = sentences, headings
        self.kinds: dict[str, str] = {}

    def update(self, kinds: dict[str, str], palette: QPalette, repaint_all: bool = False) -> int:
        """Bring the document to ``kinds``; returns how many sentences were re-formatted."""
        old = self.kinds
        if repaint_all:
            changed = list(old.keys() | kinds.keys())
        else:   # two passes of C-level dict lookups: 50,000 cited sentences on open
            changed = [sid for sid, kind in kinds.items() if old.get(sid) != kind]
            changed += [sid for sid in old if sid not in kinds]
        if changed:
            formats = self._formats(palette)
            sentences, headings = self._sentences, self._headings
            # most articles have no astral character and no CRLF: positions are offsets
            to_qt = None if self._offsets.is_identity else self._offsets.to_qt
            keep = QTextCursor.MoveMode.KeepAnchor
            cursor = QTextCursor(self._doc)
            cursor.beginEditBlock()
            for sid in changed:  # hot loop: 10,000-50,000 sentences on a large brief
                sentence = sentences[sid]
                start, end = sentence.start, sentence.end
                if to_qt is not None:
                    start, end = to_qt(start), to_qt(end)
                cursor.setPosition(start)
                cursor.setPosition(end, keep)
                # set, not merge: a sentence nobody cites any more loses its tint
                cursor.setCharFormat(formats[kinds.get(sid), sid in headings])
            cursor.endEditBlock()
        self.kinds = dict(kinds)
        return len(changed)

    def _formats(self, palette: QPalette) -> dict[tuple[str | None, bool], QTextCharFormat]:
        """The eight full char formats a sentence can have: (kind or None, heading?)."""
        formats = {}
        for kind in (None, *BY_KIND):
            for heading in (False, True):
                fmt = heading_format() if heading else QTextCharFormat()
                if kind is not None:
                    fmt.merge(self._tint_format(kind, palette))
                formats[kind, heading] = fmt
        return formats

    @staticmethod
    def _tint_format(kind: str, palette: QPalette) -> QTextCharFormat:
        colours = section_colours(kind, palette)
        fmt = QTextCharFormat()
        fmt.setBackground(colours.tint)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(colours.line)
        return fmt


def strong_selections(doc: QTextDocument, offsets: OffsetMap, sentences: list[Sentence],
                      kind: str, palette: QPalette) -> list[QTextEdit.ExtraSelection]:
    """The selected item's sentences: strong tint, wavy underline in the section colour."""
    colours = section_colours(kind, palette)
    fmt = QTextCharFormat()
    fmt.setBackground(colours.strong)
    fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(colours.line)
    return _selections(doc, offsets, sentences, fmt)


def suggestion_selections(doc: QTextDocument, offsets: OffsetMap,
                          sentences: list[Sentence]) -> list[QTextEdit.ExtraSelection]:
    """Suggested sentences of the selected item's needs-review citations: an amber dashed
    underline and no background, so a suggestion never looks like a citation."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(SUGGESTION_COLOUR)
    fmt.setProperty(SUGGESTION_PROPERTY, True)
    return _selections(doc, offsets, sentences, fmt)


def _selections(doc: QTextDocument, offsets: OffsetMap, sentences: list[Sentence],
                fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
    """One selection per sentence, all sharing one format (Qt shares its data)."""
    selections = []
    for sentence in sentences:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = span_cursor(doc, offsets, sentence)
        selection.format = fmt
        selections.append(selection)
    return selections


def is_suggestion(selection: QTextEdit.ExtraSelection) -> bool:
    return bool(selection.format.boolProperty(SUGGESTION_PROPERTY))


def mark_kind(selection: QTextEdit.ExtraSelection) -> str:
    """"hedge", "pointer", or "" for the item's own highlight and suggestions."""
    return selection.format.stringProperty(MARK_PROPERTY)


def near_spans(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans overlapping code points [lo, hi] of a sorted, non-overlapping list."""
    first = bisect_left(spans, lo, key=lambda s: s[1])
    last = bisect_left(spans, hi + 1, key=lambda s: s[0])
    return spans[first:last]


def hedge_selections(doc: QTextDocument, offsets: OffsetMap, spans: list[tuple[int, int]],
                     strong: list[Sentence] = (), strong_background: QColor | None = None
                     ) -> list[QTextEdit.ExtraSelection]:
    """Hedge and attribution words: dark amber text, underlined, and no background of
    their own, so the analyst sees "allegedly" without it looking like a citation or a
    suggestion. Inside the selected item's sentences (``strong``, in reading order) they
    keep that highlight's background: Qt paints a later selection's words afresh, and
    one without a foreground and background would show them blank."""
    fmt = QTextCharFormat()
    fmt.setForeground(HEDGE_COLOUR)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(HEDGE_COLOUR)
    fmt.setProperty(MARK_PROPERTY, "hedge")
    inside = QTextCharFormat(fmt)
    if strong_background is not None:
        inside.setBackground(strong_background)
    plain, within = [], []
    for span in spans:
        (within if strong and near(strong, span[0], span[0]) else plain).append(span)
    return (_span_selections(doc, offsets, plain, fmt)
            + _span_selections(doc, offsets, within, inside))


def pointer_selections(doc: QTextDocument, offsets: OffsetMap, spans: list[tuple[int, int]],
                       text: QColor | None = None) -> list[QTextEdit.ExtraSelection]:
    """What a finding or a suggestion points at (words, or whole sentences): a yellow
    highlighter wash with a solid underline, the text in ``text`` colour."""
    fmt = QTextCharFormat()
    if text is not None:
        fmt.setForeground(text)
    fmt.setBackground(POINTER_BACKGROUND)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(POINTER_LINE)
    fmt.setProperty(MARK_PROPERTY, "pointer")
    return _span_selections(doc, offsets, spans, fmt)


def _span_selections(doc: QTextDocument, offsets: OffsetMap, spans: list[tuple[int, int]],
                     fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
    selections = []
    keep = QTextCursor.MoveMode.KeepAnchor
    for start, end in spans:
        cursor = QTextCursor(doc)
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), keep)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    return selections


def mark_rects(view: QTextEdit, offsets: OffsetMap, sentences: list[Sentence],
               visible: tuple[int, int], x: float, width: float = 4) -> list[QRectF]:
    """Viewport rectangles of the margin bars beside the sentences on screen (positions
    outside ``visible`` are skipped before cursorRect could force their layout)."""
    rects = []
    for sentence in sentences:
        start, end = offsets.to_qt(sentence.start), offsets.to_qt(sentence.end)
        if end < visible[0] or start > visible[1]:
            continue
        top = view.cursorRect(_cursor(view.document(), start)).top()
        bottom = view.cursorRect(_cursor(view.document(), end)).bottom()
        rects.append(QRectF(x, top, width, bottom - top))
    return rects


def _cursor(doc: QTextDocument, qt_pos: int) -> QTextCursor:
    cursor = QTextCursor(doc)
    cursor.setPosition(qt_pos)
    return cursor


def _truncate(text: str, limit: int = TOOLTIP_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def citing_tooltip(items: list) -> str:
    """Plain-text tooltip naming the items that cite a sentence ("" when none do)."""
    if not items:
        return ""
    lines = [f"{BY_KIND[item.kind].title}: {_truncate(item.text) or '(untitled)'}"
             for item in items[:TOOLTIP_ITEMS]]
    if len(items) > TOOLTIP_ITEMS:
        lines.append(f"… and {len(items) - TOOLTIP_ITEMS} more")
    heading = "Cited by 1 item" if len(items) == 1 else f"Cited by {len(items)} items"
    return "\n".join([heading, *lines])
