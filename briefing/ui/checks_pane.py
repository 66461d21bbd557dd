"""The Checks pane: the brief checker's findings, kept current as the analyst edits.

Each finding (briefing.core.checks / rules: rule id, severity, item, one-line message,
words) is one row; clicking it, or Return on it, asks the window to go there
(``findingActivated``): select the item and mark the words that fired the rule.

Findings are computed per item and cached until that item, or something its findings
read, changes (``FindingsCache``): the core's signals only forget an entry and restart a
short timer, so nothing runs on the typing path, and a refresh after one edit re-checks
one item instead of 5,000 (the large benchmark brief: 250 ms for every item, a few ms
with the cache; see benchmarks/bench_checks.py). The order and content are exactly those
of ``brief.check()["findings"]`` (a test compares them).
"""
from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStyle, QTreeView, QVBoxLayout, QWidget

from briefing.core.checks import findings_of_item
from briefing.core.items import Item
from briefing.core.rules import empty_bottom_line
from briefing.core.sections import BY_KIND

REFRESH_MS = 400           # after the last change
FILL_BUDGET_S = 0.05       # checking items not yet cached goes on in slices this long
HEADLINE_CHARS = 70
COLUMNS = ("Severity", "Rule", "Item", "Finding")
DISPLAY, DECORATION, USER = int(Qt.DisplayRole.value), int(Qt.DecorationRole.value), int(Qt.UserRole.value)
_ROLES = frozenset({DISPLAY, DECORATION, USER, int(Qt.ToolTipRole.value),
                    int(Qt.AccessibleTextRole.value)})


class FindingsCache:
    """Findings per item, forgotten when the core says the item (or what its findings
    read: citations, sentence texts, its sources' grades) changed."""

    def __init__(self) -> None:
        self.brief = None
        self._per_item: dict[str, tuple[Item, list[dict]]] = {}
        self.changed = lambda: None   # called after anything was forgotten

    def attach(self, brief) -> None:
        if self.brief is not None:
            self._connect(self.brief, False)
        self.brief, self._per_item = brief, {}
        if brief is not None:
            self._connect(brief, True)

    def _connect(self, brief, on: bool) -> None:
        for signal, slot in ((brief.item_changed, self._item_changed),
                             (brief.removed, self._removed), (brief.inserted, self._inserted),
                             (brief.meta_changed, self._meta_changed),
                             (brief.article_changed, self.clear),
                             (brief.sources_changed, self.clear)):
            (signal.connect if on else signal.disconnect)(slot)

    def fill(self, budget_s: float) -> bool:
        """Check the items whose findings are not known, for at most `budget_s` seconds;
        True once every item is known. A first refresh of a 40,000-item brief takes
        seconds: done in slices, the window keeps painting between them."""
        brief, per_item = self.brief, self._per_item
        if brief is None:
            return True
        deadline = time.perf_counter() + budget_s
        for item in brief.items:
            found = per_item.get(item.id)
            if found is None or found[0] is not item:
                per_item[item.id] = (item, findings_of_item(brief, item))
                if time.perf_counter() > deadline:
                    return False
        return True

    def findings(self) -> list[dict]:
        brief, per_item, out = self.brief, self._per_item, []
        if brief is None:
            return out
        for item in brief.items:
            found = per_item.get(item.id)
            if found is None or found[0] is not item:
                found = per_item[item.id] = (item, findings_of_item(brief, item))
            out += found[1]
        return out + empty_bottom_line(brief)

    def clear(self, *_args) -> None:
        self._per_item = {}
        self.changed()

    def _item_changed(self, item, _field: str) -> None:
        self._per_item.pop(item.id, None)
        self.changed()

    def _removed(self, _kind, _index, item) -> None:
        self._per_item.pop(item.id, None)
        self.changed()

    def _inserted(self, *_args) -> None:
        self.changed()

    def _meta_changed(self, name: str) -> None:
        if name.endswith(".reliability"):   # the grades of the claims citing that source
            source = self.brief.meta_target(name)[0]
            for item_id, (item, _found) in list(self._per_item.items()):
                if item.kind == "claim" and source.id in self.brief.source_ids_of(item):
                    del self._per_item[item_id]
        self.changed()   # the summary (empty-bottom-line) is checked on every refresh


def _clip(text: str, limit: int = HEADLINE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class FindingsModel(QAbstractTableModel):
    """The findings as rows; an item's headline is looked up only when a row is painted."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.brief = None
        self.rows: list[dict] = []
        style = parent.style() if parent is not None else None
        self._icons = {} if style is None else {
            "warning": style.standardIcon(QStyle.SP_MessageBoxWarning),
            "error": style.standardIcon(QStyle.SP_MessageBoxCritical)}

    def set_rows(self, brief, rows: list[dict]) -> None:
        self.beginResetModel()
        self.brief, self.rows = brief, rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section]
        return None

    def headline(self, f: dict) -> str:
        if f["item"] is None:
            return "The brief"
        try:
            item = self.brief.item(f["item"])
        except ValueError:
            return f["item"]
        return f"{BY_KIND[item.kind].singular.capitalize()}: {_clip(item.text) or '(untitled)'}"

    def data(self, index: QModelIndex, role=DISPLAY):
        """Roles compared as plain ints: a view asks about ten roles per cell on every
        paint, and comparing PySide's enum objects cost more than the painting."""
        role = int(role)
        if role not in _ROLES or not index.isValid():
            return None
        f, column = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return (f["severity"], f["rule"], self.headline(f), f["message"])[column]
        if role == DECORATION:
            return self._icons.get(f["severity"]) if column == 0 else None
        if role == USER:
            return f
        words = ", ".join(f"“{w}”" for w in f["words"])
        return (f"{f['severity']} · {f['rule']} · {self.headline(f)}\n{f['message']}"
                + (f"\nWords: {words}" if words else ""))


def finding_key(f: dict) -> tuple:
    return f["rule"], f["item"], f["message"]


class ChecksPane(QWidget):
    """Findings of the brief checker; one row per finding, kept current."""

    findingActivated = Signal(dict)
    titleChanged = Signal(str)     # "Checks (3)"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPane")
        self.setAccessibleName("Checks")
        self.cache = FindingsCache()
        self.cache.changed = self.schedule_refresh
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._next_slice = QTimer(self, singleShot=True, interval=0)
        self._next_slice.timeout.connect(self.refresh)
        self._stale = False
        self._last_activation: tuple = (None, 0.0)
        self.last_refresh_ms = 0.0
        self.model = FindingsModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("checksList")
        self.view.setAccessibleName("Findings")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setTextElideMode(Qt.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(True)
        for column, width in enumerate((84, 150, 220)):
            header.resizeSection(column, width)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.empty = QLabel("No findings: the brief passes every check.", self)
        self.empty.setObjectName("checksEmpty")
        self.empty.setAlignment(Qt.AlignCenter)
        palette = self.empty.palette()
        palette.setColor(QPalette.WindowText, palette.color(QPalette.PlaceholderText))
        self.empty.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.empty.hide()
        self.setFocusProxy(self.view)

    # ---- the brief -------------------------------------------------------------------
    def set_brief(self, brief) -> None:
        """Follow another brief; its findings come a moment after it is shown, so opening
        a 40,000-item brief paints the article first and counts findings after."""
        self.cache.attach(brief)
        self.model.set_rows(brief, [])
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Something changed: refresh once the analyst pauses (never while typing)."""
        if shiboken6.isValid(self):
            self._timer.start()

    def refresh(self) -> None:
        """Recount the findings (cached per item) and show them, keeping the current row.
        While the pane is hidden only a flag is set; showing it refreshes."""
        self._timer.stop()
        if not self.isVisible():
            self._stale = True
            if self.model.brief is not self.cache.brief:   # never rows of another brief
                self.model.set_rows(self.cache.brief, [])
            return
        if not self.cache.fill(FILL_BUDGET_S):
            self._next_slice.start()       # more items to check: after the next events
            return
        started = time.perf_counter()
        current = self.current_finding()
        rows = self.cache.findings()
        self.model.set_rows(self.cache.brief, rows)
        self.empty.setVisible(not rows and self.cache.brief is not None)
        self.view.setVisible(bool(rows) or self.cache.brief is None)
        if current is not None:
            self._select_key(finding_key(current))
        self._stale = False
        self.last_refresh_ms = (time.perf_counter() - started) * 1000
        self.titleChanged.emit(self.title())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def title(self) -> str:
        return f"Checks ({len(self.model.rows)})"

    # ---- rows ------------------------------------------------------------------------
    def findings(self) -> list[dict]:
        """The findings shown, in order."""
        return list(self.model.rows)

    def row_texts(self) -> list[tuple[str, str, str, str]]:
        """Each row as the analyst reads it: (severity, rule, item, message)."""
        m = self.model
        return [tuple(m.data(m.index(r, c)) for c in range(len(COLUMNS)))
                for r in range(m.rowCount())]

    def current_finding(self) -> dict | None:
        index = self.view.currentIndex()
        return index.data(Qt.UserRole) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _select_key(self, key: tuple) -> None:
        for row, f in enumerate(self.model.rows):
            if finding_key(f) == key:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    def activate_row(self, row: int) -> None:
        """Go to a finding, as a click on its row does."""
        self.select_row(row)
        self._activated(self.model.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        """A click, or Return (a style that activates on a single click sends both)."""
        if not index.isValid():
            return
        f = index.data(Qt.UserRole)
        now = time.monotonic()
        if self._last_activation[0] == finding_key(f) and now - self._last_activation[1] < 0.3:
            return
        self._last_activation = (finding_key(f), now)
        self.findingActivated.emit(f)
