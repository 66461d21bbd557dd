"""The Suggestions pane: actors, attributed claims and open questions proposed offline
(briefing.core.suggest), grouped by kind, each with the reason it was proposed.

``suggest()`` runs on a worker thread over a snapshot of what it reads (the sources and the
items' kinds, texts and cited sentences), so the window never waits for it. Every change
of the brief that could change the answer bumps a generation counter; an answer computed
for an older generation is thrown away and the run starts again. Dismissed suggestions are
filtered here from the last answer (computed without them), so dismissing and its undo
show at once.

Selecting a suggestion asks the window to show its sentences (``sentencesRequested``);
Accept (Return, double-click) makes the item with its fields and citations in one undo
step (ops.accept_suggestion_item) and Dismiss (Delete) is an undo step too.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout,
                               QWidget)

from briefing.core.sections import BY_KIND
from briefing.ui import ops

RUN_MS = 600                 # after the last relevant change
KIND_ORDER = ("actor", "claim", "question")
SuggestionRole = Qt.UserRole + 1


def default_suggest(brief, dismissed=frozenset()):
    from briefing.core.suggest import suggest
    return suggest(brief, dismissed=dismissed)


def snapshot(brief) -> SimpleNamespace:
    """What suggest() reads, copied on the GUI thread: the worker never walks the live
    brief while the analyst edits it."""
    items = [SimpleNamespace(id=item.id, kind=item.kind, text=item.text) for item in brief.items]
    cited = {item.id: brief.sentence_ids_of(item) for item in brief.items
             if item.kind in ("claim", "question")}
    sources = [SimpleNamespace(id=s.id, text=s.text, sentences=list(s.sentences))
               for s in brief.sources]
    return SimpleNamespace(sources=sources, items=items,
                           sentence_ids_of=lambda item: list(cited.get(item.id, ())))


class _Relay(QObject):
    done = Signal(int, object, str)    # generation, suggestions (or None), error


class _Job(QRunnable):
    def __init__(self, run: Callable, data, generation: int, relay: _Relay) -> None:
        super().__init__()
        self.run_, self.data, self.generation, self.relay = run, data, generation, relay

    def run(self) -> None:
        try:
            result, error = list(self.run_(self.data, frozenset())), ""
        except Exception as exc:   # noqa: BLE001 - shown in the pane, never fatal
            result, error = None, f"{type(exc).__name__}: {exc}"
        try:
            self.relay.done.emit(self.generation, result, error)
        except RuntimeError:
            pass   # the pane went away meanwhile


class SuggestionsPane(QWidget):
    sentencesRequested = Signal(list)   # sentence ids of the selected suggestion
    itemCreated = Signal(str)           # an accepted suggestion's new item
    titleChanged = Signal(str)          # "Suggestions (12)"

    def __init__(self, parent: QWidget | None = None, suggest: Callable | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPane")
        self.setAccessibleName("Suggestions")
        self.suggest = suggest or default_suggest
        self.brief, self.stack = None, None
        self.generation = 0
        self.running = False
        self._stale = True
        self._restoring = False
        self._all: list = []           # the last answer, dismissed ones included
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._timer = QTimer(self, singleShot=True, interval=RUN_MS)
        self._timer.timeout.connect(self.run)
        self._build()

    def _build(self) -> None:
        self.status = QLabel(self)
        self.status.setObjectName("suggestionsStatus")
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Suggestion", "Why"])
        self.view = QTreeView(self)
        self.view.setObjectName("suggestionsList")
        self.view.setAccessibleName("Suggestions")
        self.view.setAccessibleDescription(
            "Return accepts the selected suggestion, Delete dismisses it")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.NoEditTriggers)
        self.view.setAllColumnsShowFocus(True)
        self.view.header().setStretchLastSection(True)
        self.view.header().resizeSection(0, 320)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _i: self.accept_current())
        self.view.installEventFilter(self)
        self.accept_button = QPushButton("&Accept", self)
        self.accept_button.setObjectName("acceptSuggestionButton")
        self.accept_button.setToolTip("Make this item, with its sources (Return)")
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button = QPushButton("&Dismiss", self)
        self.dismiss_button.setObjectName("dismissSuggestionButton")
        self.dismiss_button.setToolTip("Hide this suggestion; the brief remembers it (Delete)")
        self.dismiss_button.clicked.connect(self.dismiss_current)
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 2)
        row.addWidget(self.status, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.setFocusProxy(self.view)
        self._update_buttons()

    # ---- the brief -------------------------------------------------------------------
    def set_brief(self, brief, stack: QUndoStack) -> None:
        if self.brief is not None:
            self._connect(self.brief, False)
        self.brief, self.stack = brief, stack
        self._all = []
        self.generation += 1
        self._show()
        if brief is not None:
            self._connect(brief, True)
            self.schedule(0)

    def _connect(self, brief, on: bool) -> None:
        for signal, slot in ((brief.inserted, self._changed), (brief.removed, self._changed),
                             (brief.item_changed, self._item_changed),
                             (brief.article_changed, self._changed),
                             (brief.sources_changed, self._changed),
                             (brief.dismissed_changed, self._dismissed_changed)):
            (signal.connect if on else signal.disconnect)(slot)

    def _item_changed(self, item, field: str) -> None:
        """Only what suggest() reads: an actor's name, an item's citations."""
        if field == "citations" or (item.kind == "actor" and field == "name"):
            self._changed()

    def _changed(self, *_args) -> None:
        self.generation += 1
        self.schedule()

    def _dismissed_changed(self) -> None:
        if shiboken6.isValid(self):
            self._show(follow=True)

    def schedule(self, delay: int = RUN_MS) -> None:
        if shiboken6.isValid(self):
            self._stale = True
            self._timer.start(delay)

    # ---- running -----------------------------------------------------------------------
    def run(self) -> None:
        """Start suggest() on the worker (hidden: only when shown again; one at a time)."""
        self._timer.stop()
        if self.brief is None:
            return
        if not self.isVisible():
            self._stale = True
            return
        if self.running:
            return   # _finished sees the newer generation and runs again
        self.running, self._stale = True, False
        self._set_status("Finding suggestions…")
        self._pool.start(_Job(self.suggest, snapshot(self.brief), self.generation, self._relay))

    def _finished(self, generation: int, result, error: str) -> None:
        self.running = False
        if generation != self.generation:
            self.schedule(0)   # the brief changed meanwhile: this answer is stale
            return
        if error:
            self._set_status(f"Suggestions failed: {error}")
            return
        self._all = result
        self._show()

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for a running suggest() (tests, closing)."""
        return self._pool.waitForDone(msecs)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.schedule(0)

    # ---- the list ----------------------------------------------------------------------
    def suggestions(self) -> list:
        """The suggestions listed (dismissed ones left out), in list order."""
        dismissed = set(self.brief.dismissed) if self.brief is not None else set()
        shown = [s for s in self._all if s.key not in dismissed]
        return sorted(shown, key=lambda s: KIND_ORDER.index(s.kind)
                      if s.kind in KIND_ORDER else len(KIND_ORDER))

    def _show(self, follow: bool = False) -> None:
        """Fill the list from the last answer, keeping the current suggestion (or the
        row where it was, when it just went away). Keeping it does not show its
        sentences again (a new answer must not scroll the article); with ``follow``, a
        current suggestion that went away hands over to the next, which does."""
        current, place = self.current_suggestion(), self._current_place()
        self._restoring = not follow
        shown = self.suggestions()
        self.model.removeRows(0, self.model.rowCount())
        bold = QFont(self.font())
        bold.setBold(True)
        groups = {}
        for s in shown:
            if s.kind not in groups:
                title = BY_KIND[s.kind].title if s.kind in BY_KIND else s.kind
                head = QStandardItem(title)
                head.setFont(bold)
                head.setSelectable(False)
                groups[s.kind] = head
                self.model.appendRow([head, QStandardItem()])
            text, why = QStandardItem(s.text), QStandardItem(s.reason)
            for cell in (text, why):
                cell.setData(s, SuggestionRole)
                cell.setToolTip(f"{s.text}\n\nWhy: {s.reason}")
            groups[s.kind].appendRow([text, why])
        for kind, head in groups.items():
            head.setText(f"{head.text()} ({head.rowCount()})")
        self.view.expandAll()
        try:
            self._restore(current, place)
        finally:
            self._restoring = False
        if not self.running:
            self._set_status(f"{len(shown)} suggestion{'s' if len(shown) != 1 else ''}"
                             if shown or self._all else "No suggestions")
        self._update_buttons()
        self.titleChanged.emit(self.title())

    def title(self) -> str:
        return f"Suggestions ({len(self.suggestions())})" if self._all else "Suggestions"

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def _rows(self):
        """(kind group row, child row, index) of every suggestion row, in order."""
        for g in range(self.model.rowCount()):
            head = self.model.item(g)
            for r in range(head.rowCount()):
                yield g, r, self.model.indexFromItem(head.child(r))

    def _current_place(self) -> tuple[int, int] | None:
        index = self.view.currentIndex()
        if not index.isValid() or not index.parent().isValid():
            return None
        return index.parent().row(), index.row()

    def _restore(self, current, place) -> None:
        rows = list(self._rows())
        if current is not None:
            for _g, _r, index in rows:
                if index.data(SuggestionRole).key == current.key:
                    self.view.setCurrentIndex(index)
                    return
        if place is not None and rows:
            after = [index for g, r, index in rows if (g, r) >= place]
            self.view.setCurrentIndex(after[0] if after else rows[-1][2])

    def current_suggestion(self):
        index = self.view.currentIndex()
        return index.data(SuggestionRole) if index.isValid() else None

    def select_suggestion(self, key: str) -> bool:
        for _g, _r, index in self._rows():
            if index.data(SuggestionRole).key == key:
                self.view.setCurrentIndex(index)
                return True
        return False

    def row_texts(self) -> list[tuple[str, str]]:
        """What the list shows: group titles as ("Actors (3)", ""), then each suggestion
        as (text, reason)."""
        out = []
        for g in range(self.model.rowCount()):
            head = self.model.item(g)
            out.append((head.text(), ""))
            out += [(head.child(r, 0).text(), head.child(r, 1).text())
                    for r in range(head.rowCount())]
        return out

    def _current_changed(self, *_args) -> None:
        s = self.current_suggestion()
        self._update_buttons()
        if s is not None and s.sentence_ids and not self._restoring:
            self.sentencesRequested.emit(list(s.sentence_ids))

    def _update_buttons(self) -> None:
        on = self.current_suggestion() is not None
        self.accept_button.setEnabled(on)
        self.dismiss_button.setEnabled(on)

    # ---- accept and dismiss (one undo step each) ---------------------------------------
    def accept_current(self) -> str:
        s = self.current_suggestion()
        if s is None or self.brief is None:
            return ""
        item = ops.accept_suggestion_item(self.brief, self.stack, s)
        if item is None:
            self._set_status("Its sentences are no longer in the brief.")
            return ""
        self._all = [x for x in self._all if x.key != s.key]   # until the next answer
        self.itemCreated.emit(item.id)
        self._show(follow=True)   # the next suggestion becomes current, its sentences shown
        return item.id

    def dismiss_current(self) -> bool:
        s = self.current_suggestion()
        if s is None or self.brief is None:
            return False
        return ops.set_dismissed(self.brief, self.stack, s.key, True)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers():
                self.accept_current()
                return True
            if event.key() == Qt.Key_Delete:
                self.dismiss_current()
                return True
        return super().eventFilter(obj, event)
