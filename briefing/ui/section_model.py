"""A Qt list model over one section of the brief (no widget per item: 5,000 rows are cheap).

The model follows the core's plain-Python signals and turns them into beginInsertRows /
dataChanged. It never changes the brief: drops are reported through `moveRequested` and
`sentencesDropped`, which the form turns into undo commands, so a drag is undoable like
any other edit.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, Qt, Signal

from briefing.core.brief import BriefModel
from briefing.core.items import Item
from briefing.core.sections import section_for
from briefing.ui.mime import MIME_SENTENCES as SENTENCES_MIME, sentence_ids_from_mime, words_from_mime

ITEM_MIME = "application/x-briefing-item"

ItemIdRole = Qt.UserRole + 1       # str: the item's id
DetailRole = Qt.UserRole + 2       # str: "reported · moderate · Reuters"
CitationCountRole = Qt.UserRole + 3  # int: how many sentences the item cites
KindRole = Qt.UserRole + 4         # str: the section's item kind
ReviewCountRole = Qt.UserRole + 5  # int: how many of its citations need review
SourceCountRole = Qt.UserRole + 6  # int: how many distinct sources (reports) it rests on

DISPLAY_LIMIT = 160  # characters of the first line kept for DisplayRole; the delegate elides to width


def headline(item: Item) -> str:
    """The first non-empty line of the item's text, cut at DISPLAY_LIMIT with an ellipsis."""
    lines = [line.strip() for line in item.text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    if len(first) > DISPLAY_LIMIT:
        first = first[:DISPLAY_LIMIT - 1].rstrip() + "…"
    return first or f"(untitled {section_for(item.kind).singular})"


DETAIL_FIELDS = {
    "claim": ("status", "confidence", "source"),
    "actor": ("actor_type", "role"),
    "risk": ("likelihood", "impact"),
    "question": ("priority", "status"),
}
DETAIL_PREFIX = {("risk", "impact"): "impact ", ("question", "priority"): "priority "}


def detail(item: Item) -> str:
    """The row's second line: the fields an analyst scans a section by, in a fixed order."""
    parts = []
    for name in DETAIL_FIELDS[item.kind]:
        value = " ".join(item.get(name).split())
        if value:
            parts.append(DETAIL_PREFIX.get((item.kind, name), "") + value)
    return " · ".join(parts)


def corroboration(brief: BriefModel, item: Item) -> str:
    """How many reports a claim rests on ("2 sources"): the analyst's check against
    single-source claims. Other kinds, and uncited claims, say nothing."""
    if item.kind != "claim":
        return ""
    n = len(brief.source_ids_of(item))
    return f"{n} source{'s' if n != 1 else ''}" if n else ""


def row_detail(brief: BriefModel, item: Item) -> str:
    """The second line of a row: its fields, and for a claim its corroboration."""
    return " · ".join(p for p in (detail(item), corroboration(brief, item)) if p)


def review_count(brief: BriefModel, item: Item) -> int:
    """Citations of the item that no longer match the article (fuzzy/ambiguous/orphaned)."""
    return brief.review_count(item)


def review_text(count: int) -> str:
    return f"⚠ {count} to review" if count else ""


def accessible_text(brief: BriefModel, item: Item) -> str:
    n = review_count(brief, item)
    sources = corroboration(brief, item)
    return headline(item) + (f", {sources}" if sources else "") + \
        (f" ({n} source{'s' if n != 1 else ''} to review)" if n else "")


def tooltip(item: Item, review: int = 0, sources: str = "") -> str:
    n = len(item.citations)
    cites = f"Cites {n} sentence{'s' if n != 1 else ''}" if n else "No sources yet"
    if review:
        cites += (f"; ⚠ {review} source{'s' if review != 1 else ''} no longer match"
                  f"{'es' if review == 1 else ''} the article and need{'s' if review == 1 else ''} review")
    if sources:
        cites += f" in {sources}"
    lines = [item.text.strip(), detail(item), cites]
    if item.note.strip():
        lines.append(f"Note: {item.note.strip()}")
    return "\n".join(line for line in lines if line)


class SectionModel(QAbstractListModel):
    """Rows of `brief.sections[kind]`, read live (the core's list is the only copy)."""

    moveRequested = Signal(str, str, int)        # item id, target kind, final index
    sentencesDropped = Signal(object, str, int, str)  # sentence ids, kind, insert row, words

    def __init__(self, brief: BriefModel, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.brief, self.kind = brief, kind
        self.section = section_for(kind)
        self._hooks = [(brief.about_to_insert, self._about_to_insert),
                       (brief.inserted, self._inserted),
                       (brief.about_to_remove, self._about_to_remove),
                       (brief.removed, self._removed),
                       (brief.item_changed, self._item_changed),
                       (brief.article_changed, self._article_changed)]
        for signal, slot in self._hooks:
            signal.connect(slot)

    def detach(self) -> None:
        """Stop following the brief (the form replaces models when another brief opens)."""
        for signal, slot in self._hooks:
            signal.disconnect(slot)
        self._hooks = []

    @property
    def items(self) -> list[Item]:
        return self.brief.sections[self.kind]

    # ---- following the core ----------------------------------------------------------
    def _about_to_insert(self, kind: str, index: int) -> None:
        if kind == self.kind:
            self.beginInsertRows(QModelIndex(), index, index)

    def _inserted(self, kind: str, index: int, item: Item) -> None:
        if kind == self.kind:
            self.endInsertRows()

    def _about_to_remove(self, kind: str, index: int) -> None:
        if kind == self.kind:
            self.beginRemoveRows(QModelIndex(), index, index)

    def _removed(self, kind: str, index: int, item: Item) -> None:
        if kind == self.kind:
            self.endRemoveRows()

    def _item_changed(self, item: Item, field: str) -> None:
        if item.kind == self.kind:
            row = self.row_of(item.id)
            if row >= 0:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def _article_changed(self) -> None:
        """A new article version: every row's review badge may have changed."""
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))

    # ---- reading -----------------------------------------------------------------------
    def row_of(self, item_id: str) -> int:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.DisplayRole:
            return headline(item)
        if role == Qt.AccessibleTextRole:
            return accessible_text(self.brief, item)
        if role == Qt.ToolTipRole:
            return tooltip(item, review_count(self.brief, item), corroboration(self.brief, item))
        if role == ReviewCountRole:
            return review_count(self.brief, item)
        if role == ItemIdRole:
            return item.id
        if role == DetailRole:
            return row_detail(self.brief, item)
        if role == SourceCountRole:
            return len(self.brief.source_ids_of(item))
        if role == CitationCountRole:
            return len(item.citations)
        if role == KindRole:
            return item.kind
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemIsDropEnabled   # drops land between rows, never onto one
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled

    def roleNames(self):
        names = super().roleNames()
        names.update({ItemIdRole: b"itemId", DetailRole: b"detail",
                      CitationCountRole: b"citationCount", KindRole: b"kind",
                      ReviewCountRole: b"reviewCount", SourceCountRole: b"sourceCount"})
        return names

    # ---- drag and drop -----------------------------------------------------------------
    def supportedDropActions(self):
        return Qt.MoveAction | Qt.CopyAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, SENTENCES_MIME]

    def mimeData(self, indexes) -> QMimeData:
        """The dragged item's id (one row: the views select one item at a time)."""
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            item = self.items[rows[0]]
            data.setData(ITEM_MIME, item.id.encode())
            data.setText(item.text)
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if parent.isValid():
            return False
        if data.hasFormat(ITEM_MIME):
            return self._dragged_id(data) is not None
        return bool(data.hasFormat(SENTENCES_MIME) and self._sentence_ids(data))

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Report the drop; the form pushes the command that actually changes the brief."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        row = len(self.items) if row < 0 else min(row, len(self.items))
        item_id = self._dragged_id(data)
        if item_id is not None:
            target = self.final_index(item_id, row)
            if target is not None:
                self.moveRequested.emit(item_id, self.kind, target)
            return True
        self.sentencesDropped.emit(self._sentence_ids(data), self.kind, row, words_from_mime(data))
        return True

    def removeRows(self, row: int, count: int, parent=QModelIndex()) -> bool:
        """Refused: after a move drag the view asks the source to remove the rows, but the
        move command has already moved the item."""
        return False

    def final_index(self, item_id: str, row: int) -> int | None:
        """Where a dropped item ends up once it left its old place; None if it stays put."""
        kind, old = self.brief.position(item_id)
        if kind != self.kind:
            return row
        target = row - 1 if row > old else row
        return None if target == old else target

    def _dragged_id(self, data) -> str | None:
        item_id = bytes(data.data(ITEM_MIME)).decode("utf-8", "replace")
        try:
            self.brief.item(item_id)
        except ValueError:
            return None
        return item_id

    def _sentence_ids(self, data) -> list[str]:
        known = {s.id for s in self.brief.sentences}
        return [sid for sid in sentence_ids_from_mime(data) if sid in known]

    def index_of(self, item_id: str) -> QModelIndex:
        """The row of an item as a model index (invalid if it is not in this section)."""
        row = self.row_of(item_id)
        return self.index(row) if row >= 0 else QModelIndex()
