"""The source switcher over the article pane: one tab per source, with its coverage.

Each tab reads "3 of 12 cited · Title"; a tab whose source the selected item cites wears a
mark (●) and says so to screen readers, so the analyst sees at a glance which reports an
item rests on. Dragging a tab asks to move the source (an undo step, through the window);
the bar never changes the brief itself.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QTabBar, QWidget

from briefing.ui.tooltips import plain_tooltip

MAX_TITLE = 24   # characters of a source's title on its tab (the tooltip has all of it),
                 # so "· N of M cited" still shows on three tabs side by side
CITED_MARK = "● "


def _clip(text: str, limit: int = MAX_TITLE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class SourceTabs(QTabBar):
    sourceSelected = Signal(str)        # the analyst picked a source to read
    moveRequested = Signal(str, int)    # a tab was dragged: source id, new place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceTabs")
        self.setAccessibleName("Sources")
        self.setDocumentMode(True)
        self.setExpanding(False)
        self.setElideMode(Qt.ElideRight)   # long titles end in …
        self.setUsesScrollButtons(True)
        self.setMovable(True)
        self._brief = None
        self._ids: list[str] = []
        self._marked: set[str] = set()
        self._item_id: str | None = None   # the selected item, whose sources wear the mark
        self._coverage: dict[str, tuple[int, int]] = {}   # counted on changes, not on selection
        self._shown: str | None = None   # the source the article view shows
        self._filling = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.currentChanged.connect(self._current_changed)
        self.tabMoved.connect(self._moved)

    def set_brief(self, brief) -> None:
        if self._brief is not None:
            self._connect(self._brief, False)
        self._brief, self._marked, self._item_id = brief, set(), None
        if brief is not None:
            self._connect(brief, True)
        self.refresh()

    def _connect(self, brief, on: bool) -> None:
        for signal in (brief.sources_changed, brief.article_changed, brief.inserted,
                       brief.removed, brief.meta_changed):
            (signal.connect if on else signal.disconnect)(self._schedule)
        (brief.item_changed.connect if on else brief.item_changed.disconnect)(self._item_changed)

    def _item_changed(self, item, field: str) -> None:
        """Typing in a field changes no coverage; a change of citations may."""
        if field == "citations":
            self._schedule()

    def _schedule(self, *_args) -> None:
        """Coalesce a burst of changes (a paste of 100 items) into one refresh."""
        if shiboken6.isValid(self):
            self._refresh_timer.start()

    def source_ids(self) -> list[str]:
        return list(self._ids)

    def tab_texts(self) -> list[str]:
        return [self.tabText(i) for i in range(self.count())]

    def current_source_id(self) -> str | None:
        i = self.currentIndex()
        return self._ids[i] if 0 <= i < len(self._ids) else None

    def show_source(self, source_id: str) -> None:
        """Make a source's tab current (the view tells us what it shows)."""
        self._shown = source_id
        if source_id in self._ids and self.current_source_id() != source_id:
            self._filling = True
            try:
                self.setCurrentIndex(self._ids.index(source_id))
            finally:
                self._filling = False

    def mark_item(self, item_id: str | None) -> None:
        """Mark the tabs of the sources the selected item cites (kept current as its
        citations change). Selecting only re-labels: coverage is counted on changes."""
        self._item_id = item_id or None
        marked = self._cited_sources()
        if marked != self._marked and len(self._ids) == self.count():
            changed, self._marked = marked ^ self._marked, marked
            for i, source_id in enumerate(self._ids):
                if source_id in changed:    # only the tabs whose mark comes or goes
                    self._fill_tab(i, self._brief.source(source_id))

    def _cited_sources(self) -> set[str]:
        brief = self._brief
        if brief is None or self._item_id is None:
            return set()
        try:
            return set(brief.source_ids_of(brief.item(self._item_id)))
        except ValueError:   # the item was deleted
            return set()

    def refresh(self) -> None:
        """Tabs for the brief's sources, in order, each with its title and coverage."""
        self._refresh_timer.stop()
        if not shiboken6.isValid(self):
            return
        brief = self._brief
        current = self._shown or self.current_source_id()
        sources = list(brief.sources) if brief is not None else []
        self._marked = self._cited_sources()
        self._coverage = {s.id: brief.coverage(s.id) for s in sources}
        self._filling = True
        try:
            while self.count() > len(sources):
                self.removeTab(self.count() - 1)
            while self.count() < len(sources):
                self.addTab("")
            self._ids = [s.id for s in sources]
            for i, source in enumerate(sources):
                self._fill_tab(i, source)
            if current in self._ids:
                self.setCurrentIndex(self._ids.index(current))
        finally:
            self._filling = False
        # one source needs no switcher; the bar stays for two or more
        self.setVisible(len(sources) > 1)

    def _fill_tab(self, i: int, source) -> None:
        cited, total = self._coverage[source.id]
        mark = CITED_MARK if source.id in self._marked else ""
        # coverage first: a squeezed tab elides the end of the title, not the count
        self.setTabText(i, f"{mark}{cited} of {total} cited · {_clip(source.label)}")
        details = [source.label, ", ".join(x for x in (source.outlet, source.published) if x),
                   source.url, f"{cited} of {total} sentences cited"]
        if source.id in self._marked:
            details.append("cited by the selected item")
        self.setTabToolTip(i, plain_tooltip("\n".join(d for d in details if d)))
        self.setAccessibleTabName(i, f"Source {i + 1}: {source.label}, {cited} of {total} "
                                     f"sentences cited" + (", cited by the selected item"
                                                           if source.id in self._marked else ""))

    def _current_changed(self, index: int) -> None:
        if not self._filling and 0 <= index < len(self._ids):
            self._shown = self._ids[index]
            self.sourceSelected.emit(self._ids[index])

    def _moved(self, old: int, new: int) -> None:
        """A tab dragged from old to new: ask for the move, and show the order the brief
        has until the move is done (a refused move snaps back)."""
        if self._filling or not (0 <= old < len(self._ids)):
            return
        source_id = self._ids[old]
        self._ids.insert(new, self._ids.pop(old))
        self.moveRequested.emit(source_id, new)
        self._schedule()
