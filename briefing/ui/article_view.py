"""The article pane: read one of the brief's sources, see what the brief cites, pick
sentences to cite.

One source is shown at a time (``show_source``); documents of sources shown before are
kept, so switching back costs a re-tint, not a new layout.

A read-only ``QTextEdit`` over a document built by ``article_document`` (a QTextEdit, not a
QPlainTextEdit, because only the full document layout honours line height and margins).
The view never edits the brief: clicks, menus and drags emit signals with sentence or item
ids and the main window turns them into operations (briefing.ui.ops). Ctrl+click asks to
link or unlink the sentence under the pointer without changing the selected item. It listens to the brief's own
signals to keep tints current and coalesces bursts of changes into one refresh.

Every conversion between code points and Qt positions goes through ``OffsetMap``.
"""
from __future__ import annotations

from operator import attrgetter

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPainter, QPalette, QPen, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QToolTip, QWidget

from briefing.core.anchor import Sentence
from briefing.core.source import source_of_sentence
from briefing.ui.article_document import (build_document, margin_mark_x, set_reading_width,
                                          visible_span)
from briefing.ui.article_header import ArticleHeader
from briefing.ui.article_menu import add_brief_actions
from briefing.ui.article_highlight import (MATERIALISE_ALL, SUGGESTION_COLOUR, WINDOW_MARGIN,
                                           CoverageTints, citing_tooltip, hedge_selections,
                                           is_suggestion, mark_kind, mark_rects, near,
                                           near_spans, pointer_selections, strong_selections,
                                           suggested_sentences, suggestion_selections)
from briefing.ui.mime import MIME_SENTENCES, sentence_ids_from_mime, sentences_mime
from briefing.ui.offsets import OffsetMap
from briefing.ui.palette import section_colours
from briefing.ui.text_layout import wrap_mode

__all__ = ["ArticleView", "MIME_SENTENCES", "sentence_ids_from_mime"]

MAX_TEXT_WIDTH = 700  # px: about 75 characters of 12pt serif, a comfortable measure


class ArticleView(QTextEdit):
    """Read-only article with coverage tints, the selected item's highlight and
    sentence-level click, selection, context menu and drag."""

    sentenceClicked = Signal(str)        # sentence id under a click
    itemRequested = Signal(str)          # item id: repeated clicks cycle the citing items
    coverageChanged = Signal(int, int)   # cited sentences, total sentences
    reviewChanged = Signal(int)          # citations that need review
    sourceShown = Signal(str)            # the id of the source now shown
    newItemRequested = Signal(str, list, str)  # kind, sentence ids, the new item's text
    linkRequested = Signal(list)         # sentence ids, for the selected item
    toggleLinkRequested = Signal(str)    # Ctrl+click: (un)link this sentence, keep the item

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._header = ArticleHeader(self)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh_coverage)
        self._press_pos = QPoint()
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        # source id -> (text, doc, offsets, sentences, tints, wrap mode)
        self._documents: dict[str, tuple] = {}
        # The documents' owner: not the view, which would delete a child document as soon
        # as another replaced it (QTextEdit.setDocument), and switching back would rebuild.
        self._document_owner = QObject(self)
        self._retired: list = []
        self._prebuild_timer = QTimer(self, singleShot=True, interval=150)
        self._prebuild_timer.timeout.connect(self._prebuild)
        self._source_id: str | None = None
        self._hedges_on = False   # View › Mark Hedges and Attributions (kept across briefs)
        self._reset_state()

    def _reset_state(self) -> None:
        self._brief = None
        self._offsets = OffsetMap("")
        self._sentences: dict[str, Sentence] = {}
        self._tints: CoverageTints | None = None
        self._coverage = (0, 0)
        self._shown_id: str | None = None
        self._shown: list[Sentence] = []
        self._suggested: list[Sentence] = []   # the shown item's needs-review suggestions
        self._shown_kind = ""
        self._review = -1
        self._cycle: tuple[str | None, int] = (None, -1)
        self._pending_scroll: str | None = None
        self._visible_cache: tuple[object, tuple[int, int]] = (None, (0, 0))
        self._window: tuple[int, int] | None = None   # code points with selections, if cut
        self._hedge_spans_of: dict[str, tuple[str, list[tuple[int, int]]]] = {}
        self._hedge_window: tuple[int, int] | None = None
        self._pointer: tuple[str, list[tuple[int, int]]] | None = None   # (source, spans)

    # ---- the brief -----------------------------------------------------------------
    def set_brief(self, brief, source_id: str | None = None) -> None:
        """Show a brief's first source, or the given one (nothing for None), and follow
        the brief's changes."""
        if self._brief is not None:
            self._connect(self._brief, False)
        if brief is not self._brief:
            self._drop_documents()
        self._reset_state()
        self.setExtraSelections([])
        if brief is None:
            self._set_document(None)
            self._header.show_article(None)
            self._source_id = None
        else:
            self._brief = brief
            self._source_id = source_id if source_id and brief.has_source(source_id) \
                else brief.article.id
            self._load()
            self._connect(brief, True)
            self.refresh_coverage(force_signal=True)
            self.sourceShown.emit(self._source_id)
        self._layout_header()

    def _drop_documents(self) -> None:
        """Forget the kept documents (another brief)."""
        for entry in self._documents.values():
            self._retire(entry[1])
        self._documents = {}

    def _retire(self, doc) -> None:
        """Delete a kept document now, or once the view no longer shows it."""
        if doc is self.document():
            self._retired.append(doc)
        elif shiboken6.isValid(doc):
            doc.deleteLater()

    def _set_document(self, doc) -> None:
        self.setDocument(doc)
        retired, self._retired = self._retired, []
        for old in retired:
            self._retire(old)

    def _entry(self, source) -> tuple:
        """The kept document of a source if its text is unchanged, else a new one."""
        text = source.text
        entry = self._documents.get(source.id)
        if entry is not None and entry[0] is text:
            return entry
        if entry is not None:
            self._retire(entry[1])
        offsets = OffsetMap(text)
        sentences = {s.id: s for s in source.sentences}
        doc, headings = build_document(text, source.sentences, offsets, self._document_owner)
        tints = CoverageTints(doc, offsets, sentences, headings)
        # tinted before the view lays the document out: with a layout attached, each tint
        # re-lays out its paragraph (a 50,000-sentence paragraph took minutes); without, ms
        tints.update(self._brief.citing_kinds(sentences), self.palette())
        set_reading_width(doc, self.viewport().width(), MAX_TEXT_WIDTH)  # before layout too
        entry = self._documents[source.id] = (text, doc, offsets, sentences, tints,
                                              wrap_mode(text))
        return entry

    def _load(self) -> None:
        """Put the current source's document in the view."""
        source = self._brief.source(self._source_id)
        _, doc, self._offsets, self._sentences, self._tints, wrap = self._entry(source)
        self._visible_cache = (None, (0, 0))
        self.setWordWrapMode(wrap)   # linear layout of long unbroken runs
        self._set_document(doc)
        if doc.property("briefingShown") is None:
            # what is on screen changes as Qt lays the text out, not only on scrolling
            doc.documentLayout().documentSizeChanged.connect(self._forget_visible)
            doc.setProperty("briefingShown", True)
        self._header.show_article(source, self._brief.title)
        set_reading_width(doc, self.viewport().width(), MAX_TEXT_WIDTH)
        self._prebuild_timer.start()

    def _prebuild(self) -> None:
        """Build the next source's document while the analyst reads (one per turn of the
        event loop), so a first switch to it costs a layout, not a build."""
        if not shiboken6.isValid(self) or self._brief is None:
            return
        for source in self._brief.sources:
            entry = self._documents.get(source.id)
            if entry is None or entry[0] is not source.text:
                self._entry(source)
                self._prebuild_timer.start()
                return

    # ---- which source ----------------------------------------------------------------
    def source_id(self) -> str | None:
        """The id of the source shown."""
        return self._source_id

    def show_source(self, source_id: str) -> bool:
        """Show another of the brief's sources (its document kept for next time), with the
        selected item's sentences there highlighted. Returns False for an unknown id."""
        if self._brief is None or not self._brief.has_source(source_id):
            return False
        if source_id == self._source_id:
            return True
        self.setExtraSelections([])
        self._source_id = source_id
        self._load()
        self.refresh_coverage(force_signal=True)
        self._layout_header()
        self.sourceShown.emit(source_id)
        return True

    def brief(self):
        return self._brief

    def _connect(self, brief, on: bool) -> None:
        pairs = ((brief.inserted, self._on_rows), (brief.removed, self._on_rows),
                 (brief.item_changed, self._on_item_changed), (brief.meta_changed, self._on_meta),
                 (brief.article_changed, self._on_article_changed),
                 (brief.sources_changed, self._on_sources_changed))
        for signal, slot in pairs:
            (signal.connect if on else signal.disconnect)(slot)

    def _on_rows(self, kind, index, item) -> None:
        self._schedule_refresh()

    def _on_item_changed(self, item, field: str) -> None:
        if field == "citations":
            self._schedule_refresh()

    def _on_meta(self, name: str) -> None:
        if shiboken6.isValid(self) and self._brief is not None and (
                name.startswith(("article.", "source.")) or name == "title"):
            self._show_header()

    def _show_header(self) -> None:
        self._header.show_article(self._brief.source(self._source_id), self._brief.title)
        self._layout_header()

    def _on_article_changed(self) -> None:
        """A new version of a text (an update or its undo): build the document again if
        it is the one shown, keep the selected item shown and the scroll position."""
        if not shiboken6.isValid(self) or self._brief is None:
            return
        source = self._brief.source(self._source_id)
        if self._documents.get(source.id, (None,))[0] is source.text:
            self._schedule_refresh()   # another source changed: tints may have
            return
        brief, shown = self._brief, self._shown_id
        scroll = self.verticalScrollBar().value()
        self.set_brief(brief, self._source_id)
        self._shown_id = shown
        self._reshow()
        self.verticalScrollBar().setValue(scroll)

    def _on_sources_changed(self) -> None:
        """A source added, removed or moved: if the shown one went, show the first."""
        if not shiboken6.isValid(self) or self._brief is None:
            return
        for gone in [sid for sid in self._documents if not self._brief.has_source(sid)]:
            self._retire(self._documents.pop(gone)[1])
        if not self._brief.has_source(self._source_id):
            self.show_source(self._brief.article.id)
        else:
            self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        """Coalesce a burst of core changes (a macro, a paste of 100 items) into one pass."""
        if shiboken6.isValid(self):
            self._refresh_timer.start()

    # ---- coverage tints --------------------------------------------------------------
    def refresh_coverage(self, force_signal: bool = False) -> None:
        """Re-tint the sentences whose first citing section changed, re-show the selected
        item (it may have gained or lost sentences, or been deleted), report coverage."""
        self._refresh_timer.stop()
        if self._brief is None or self._tints is None:
            return
        kinds = self._brief.citing_kinds(self._sentences)
        self._tints.update(kinds, self.palette())
        self._reshow()
        coverage = (len(kinds), len(self._sentences))
        if force_signal or coverage != self._coverage:
            self._coverage = coverage
            self.coverageChanged.emit(*coverage)
        review = self._brief.review_total()
        if force_signal or review != self._review:
            self._review = review
            self.reviewChanged.emit(review)

    def coverage(self) -> tuple[int, int]:
        """(cited sentences, total sentences) as last reported by coverageChanged."""
        return self._coverage

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch re-derives every tint from the new palette."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._tints is not None:
            self._tints.update(self._tints.kinds, self.palette(), repaint_all=True)
            self._reshow()
            self._show_header()

    # ---- the selected item -----------------------------------------------------------
    def show_item(self, item) -> None:
        """Strongly highlight an item's sentences (None clears) and scroll to the first,
        unless one of them is already on screen: a click in the article that selects an
        item must not yank the text away from under the mouse. An item that cites nothing
        in the source shown, but cites another source, brings that source up."""
        self._shown_id = item.id if item is not None else None
        self._pointer = None
        if item is not None and self._brief is not None:
            sids = self._brief.sentence_ids_of(item)
            if sids and not any(sid in self._sentences for sid in sids):
                self.show_source(source_of_sentence(sids[0]))
        self._apply_strong(item)
        if self._shown and not self._any_visible(self._shown):
            self.scroll_to_sentence(self._shown[0].id)

    def _reshow(self) -> None:
        """Repaint the selected item from the brief's current state, without scrolling."""
        item = None
        if self._shown_id is not None:
            try:
                item = self._brief.item(self._shown_id)
            except ValueError:
                self._shown_id = None
        self._apply_strong(item)

    def _apply_strong(self, item) -> None:
        """The item's trusted sentences strongly; its needs-review citations' suggestions
        dashed in amber (never tinted); an orphaned citation shows nothing."""
        if item is None or self._brief is None:
            self._shown, self._suggested = [], []
            self._materialise()   # the word marks stay
        else:
            sids = self._brief.sentence_ids_of(item)
            shown = [s for s in map(self._sentences.get, sids) if s is not None]   # C-level
            shown.sort(key=attrgetter("start"))
            self._shown = shown
            self._suggested = suggested_sentences(self._brief, item, self._sentences, set(sids))
            self._shown_kind = item.kind
            self._materialise()
        self.viewport().update()

    def _materialise(self) -> None:
        """Selections for the shown sentences; past MATERIALISE_ALL, only those near the
        visible part (``_scrolled`` brings more as the analyst scrolls)."""
        shown, suggested, self._window = self._shown, self._suggested, None
        if len(shown) + len(suggested) > MATERIALISE_ALL:
            lo, hi = self._visible_cp()
            self._window = (lo - WINDOW_MARGIN, hi + WINDOW_MARGIN)
            shown, suggested = near(shown, *self._window), near(suggested, *self._window)
        # Inside an edit block a new cursor does not ask for its x position, which lays the
        # text out up to it (tens of ms in a 100 KB source just switched to); nothing is
        # edited, so closing the block changes nothing either.
        guard = QTextCursor(self.document())
        guard.beginEditBlock()
        try:
            selections = suggestion_selections(self.document(), self._offsets, suggested)
            if shown:
                selections = strong_selections(self.document(), self._offsets, shown,
                                               self._shown_kind, self.palette()) + selections
            selections += self._mark_selections()
        finally:
            guard.endEditBlock()
        self.setExtraSelections(selections)

    def _scrolled(self) -> None:
        windows = [w for w in (self._window, self._hedge_window) if w is not None]
        if windows:
            lo, hi = self._visible_cp()
            if any(lo < w[0] or hi > w[1] for w in windows):
                self._materialise()

    # ---- word marks: hedges, and what a finding or a suggestion points at ------------
    def set_hedges_visible(self, on: bool) -> None:
        """Underline the hedge and attribution words (rules.lexicon()["hedges"]) in the
        source shown; past MATERIALISE_ALL of them, only those near the screen."""
        self._hedges_on = bool(on)
        self._materialise()
        self.viewport().update()

    def hedges_visible(self) -> bool:
        return self._hedges_on

    def _hedge_spans(self) -> list[tuple[int, int]]:
        """The shown source's hedge words, found once per text."""
        if not self._hedges_on or self._brief is None or self._source_id is None:
            return []
        text = self._brief.source(self._source_id).text
        found = self._hedge_spans_of.get(self._source_id)
        if found is None or found[0] is not text:
            from briefing.core.rules import lexicon
            found = self._hedge_spans_of[self._source_id] = (text, lexicon()["hedges"].spans(text))
        return found[1]

    def _mark_selections(self) -> list:
        doc, offsets = self.document(), self._offsets
        hedges, self._hedge_window = self._hedge_spans(), None
        if len(hedges) > MATERIALISE_ALL:
            lo, hi = self._visible_cp()
            self._hedge_window = (lo - WINDOW_MARGIN, hi + WINDOW_MARGIN)
            hedges = near_spans(hedges, *self._hedge_window)
        out = []
        if hedges:
            strong = section_colours(self._shown_kind, self.palette()).strong \
                if self._shown else None
            out = hedge_selections(doc, offsets, hedges, self._shown, strong)
        if self._pointer is not None and self._pointer[0] == self._source_id:
            out += pointer_selections(doc, offsets, self._pointer[1],
                                      self.palette().color(QPalette.ColorRole.Text))
        return out

    def point_at(self, source_id: str, spans: list[tuple[int, int]], scroll: bool = True) -> None:
        """Mark code-point spans of a source (the words a finding names, a suggestion's
        sentences) and bring the first into view; the next item shown clears them."""
        if self._brief is None or not self._brief.has_source(source_id):
            return
        if source_id != self._source_id:
            self.show_source(source_id)
        spans = sorted(spans)
        self._pointer = (source_id, spans)
        self._materialise()
        self.viewport().update()
        if scroll and spans:
            self._scroll_to_offset(spans[0][0])

    def clear_pointer(self) -> None:
        if self._pointer is not None:
            self._pointer = None
            self._materialise()

    def hedge_text(self) -> list[str]:
        """The words underlined as hedges, read back from Qt."""
        return self._mark_text("hedge")

    def pointer_text(self) -> list[str]:
        """The text marked for a finding or a suggestion, read back from Qt."""
        return self._mark_text("pointer")

    def _mark_text(self, kind: str) -> list[str]:
        return [s.cursor.selectedText().replace("\u2029", "\n") for s in self.extraSelections()
                if mark_kind(s) == kind]

    def _forget_visible(self) -> None:
        self._visible_cache = (None, (0, 0))
        self._scrolled()

    def _visible_cp(self) -> tuple[int, int]:
        """The visible part of the article in code points."""
        first, last = sorted(self._visible_range())   # in a half-laid-out text, either way
        return self._offsets.to_cp(first), self._offsets.to_cp(last)

    def shown_item_id(self) -> str | None:
        return self._shown_id

    def highlighted_text(self) -> list[str]:
        """The strings painted as the selected item's highlight, read back from Qt."""
        return [s.cursor.selectedText().replace("\u2029", "\n") for s in self.extraSelections()
                if not is_suggestion(s) and not mark_kind(s)]

    def suggested_text(self) -> list[str]:
        """The strings drawn as suggestions (dashed, untinted), read back from Qt."""
        return [s.cursor.selectedText().replace("\u2029", "\n") for s in self.extraSelections()
                if is_suggestion(s)]

    def scroll_to_sentence(self, sid: str) -> None:
        """Bring a sentence into view (a third from the top) unless it is already visible;
        a sentence of another source brings that source up first."""
        if sid not in self._sentences and self._brief is not None:
            self.show_source(source_of_sentence(sid))
        sentence = self._sentences.get(sid)
        if sentence is None:
            return
        if not self.isVisible():  # no geometry yet: scroll once shown
            self._pending_scroll = sid
            return
        if self._is_visible(sentence):
            return
        self._scroll_to_offset(sentence.start)

    def _scroll_to_offset(self, cp: int) -> None:
        """Bring a code-point offset of the source shown a third from the top of the view
        (unless it already shows)."""
        if not self.isVisible():
            return
        lo, hi = self._visible_cp()
        if lo <= cp < hi:
            return
        rect = self.cursorRect(self._cursor_at(self._offsets.to_qt(cp)))
        bar = self.verticalScrollBar()
        target = bar.value() + rect.top() - self.viewport().height() // 3
        if target > bar.maximum():
            self._sync_scroll_range(target)
        bar.setValue(target)

    def _sync_scroll_range(self, target: int) -> None:
        """cursorRect just laid the text out up to the target, but Qt tells the scroll bar
        about the new height only from a later event; without this a jump far into a long
        article is clamped to the part laid out so far. The range grows to what is laid
        out (asking the layout for the whole height would lay out the rest of the text)."""
        bar = self.verticalScrollBar()
        bar.setRange(0, max(bar.maximum(), target))

    def _visible_range(self) -> tuple[int, int]:
        """Qt positions at the top-left and bottom-right of the viewport. Comparing
        positions against these never forces layout of far-away text, as cursorRect
        on an off-screen position of a 1 MB article would. Remembered per scroll position
        and size: a selection asks up to three times (show, scroll, paint)."""
        rect = self.viewport().rect()
        key = (self.verticalScrollBar().value(), self.horizontalScrollBar().value(),
               rect.width(), rect.height(), self.document().pageSize().width())
        if self._visible_cache[0] != key:
            # not cursorForPosition: while Qt still lays the text out it can answer the end
            # of the text for a point in a margin, and a selection would build 40,000 marks
            self._visible_cache = (key, visible_span(self))
        return self._visible_cache[1]

    def _is_visible(self, sentence: Sentence) -> bool:
        """Whether a sentence starts inside the viewport."""
        return self._any_visible([sentence])

    def _any_visible(self, sentences: list[Sentence]) -> bool:
        """Whether any of the sentences starts inside the viewport (one hit test for all)."""
        if not self.isVisible():
            return False
        first, last = self._visible_cp()   # sentences are in reading order: bisect
        return any(first <= s.start for s in near(sentences, first, last))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        sid, self._pending_scroll = self._pending_scroll, None
        if sid is not None:
            QTimer.singleShot(0, self, lambda: self.scroll_to_sentence(sid))

    def _cursor_at(self, qt_pos: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_pos)
        return cursor

    # ---- hit testing -----------------------------------------------------------------
    def sentence_at_point(self, point: QPoint) -> str | None:
        """Id of the sentence whose text is under a viewport point (None off the text)."""
        qt_pos = self._char_at(point)
        if qt_pos is None or self._brief is None:
            return None
        sentence = self._brief.sentence_at(self._offsets.to_cp(qt_pos), self._source_id)
        return sentence.id if sentence else None

    def _char_at(self, point: QPoint) -> int | None:
        """Qt position of the character under a viewport point, None off the text.
        ExactHit answers the character under the point (not the nearest gap), so a
        click on the right half of a final full stop still belongs to its sentence."""
        at = QPointF(point) + QPointF(self.horizontalScrollBar().value(),
                                      self.verticalScrollBar().value())
        hit = self.document().documentLayout().hitTest(at, Qt.HitTestAccuracy.ExactHit)
        return hit if hit >= 0 else None

    def tooltip_at(self, point: QPoint) -> str:
        """Tooltip for a viewport point: the items citing the sentence there."""
        sid = self.sentence_at_point(point)
        return citing_tooltip(self._brief.items_citing(sid)) if sid else ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # ---- clicks and selection --------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        """A plain click picks a sentence; the end of a drag-selection snaps it to
        whole sentences, so what the analyst sees selected is what gets cited."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._brief is None:
            return
        point = event.position().toPoint()
        is_click = (point - self._press_pos).manhattanLength() < QApplication.startDragDistance()
        if is_click and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            sid = self.sentence_at_point(point)
            if sid is not None:
                self.toggleLinkRequested.emit(sid)
        elif self.textCursor().hasSelection():
            self.snap_selection()
        elif is_click:
            self._clicked(point)

    def _clicked(self, point: QPoint) -> None:
        sid = self.sentence_at_point(point)
        if sid is None:
            self._cycle = (None, -1)
            return
        self.sentenceClicked.emit(sid)
        items = self._brief.items_citing(sid)
        if not items:
            self._cycle = (sid, -1)
            return
        index = (self._cycle[1] + 1 if self._cycle[0] == sid else 0) % len(items)
        self._cycle = (sid, index)
        self.itemRequested.emit(items[index].id)

    def selected_sentence_ids(self) -> list[str]:
        """Sentences touched by the text selection, else the one under the text cursor."""
        if self._brief is None:
            return []
        cursor = self.textCursor()
        if cursor.hasSelection():
            start = self._offsets.to_cp(cursor.selectionStart())
            end = self._offsets.to_cp(cursor.selectionEnd())
            return [s.id for s in self._brief.sentences_between(start, end, self._source_id)]
        at = self._offsets.to_cp(cursor.position())
        source = self._brief.source(self._source_id)
        sentence = source.sentence_at(at) or source.sentence_at(at - 1)
        return [sentence.id] if sentence else []

    def selection_in_one_sentence(self) -> bool:
        """Whether the text selection lies inside one sentence (a few words of it)."""
        return self.textCursor().hasSelection() and len(self.selected_sentence_ids()) == 1

    def selected_words(self) -> str:
        """The selected text when it lies inside one sentence, else "": a new item made
        from "Dmitri Peskov" is named that and cites the whole sentence."""
        if not self.selection_in_one_sentence():
            return ""
        return " ".join(self.textCursor().selectedText().replace("\u2029", " ").split())

    def snap_selection(self) -> None:
        """Widen a selection that crosses sentences to the whole sentences it touches
        (a selection inside one sentence keeps its words: they can name a new item)."""
        ids = self.selected_sentence_ids() if self.textCursor().hasSelection() else []
        if len(ids) < 2:
            return
        cursor = self.textCursor()
        start = self._offsets.to_qt(self._sentences[ids[0]].start)
        end = self._offsets.to_qt(self._sentences[ids[-1]].end)
        forward = cursor.position() >= cursor.anchor()
        cursor.setPosition(start if forward else end)
        cursor.setPosition(end if forward else start, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def select_sentences(self, first: str, last: str | None = None) -> None:
        """Select sentences first..last in the view (keyboard and scripting use)."""
        if first not in self._sentences:
            self.show_source(source_of_sentence(first))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(self._sentences[first].start))
        end = self._sentences[last or first].end
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # ---- context menu and drag -------------------------------------------------------
    def context_menu(self, point: QPoint) -> QMenu:
        """The menu for a viewport point: Copy and friends, then the brief actions.
        Built apart from contextMenuEvent so tests can trigger actions without exec()."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(point + offset)
        menu.setParent(self, menu.windowFlags())
        ids, text = self.menu_target(point)
        add_brief_actions(menu, ids, text, self._shown_id is not None,
                          self.newItemRequested.emit, self.linkRequested.emit)
        return menu

    def context_menu_actions(self, point: QPoint) -> list[QAction]:
        """The actions of the context menu at a point (the menu stays alive with the view
        until the next call)."""
        if getattr(self, "_last_menu", None) is not None:
            self._last_menu.deleteLater()
        self._last_menu = self.context_menu(point)
        return self._last_menu.actions()

    def menu_target(self, point: QPoint) -> tuple[list[str], str]:
        """What the context menu at a point acts on: the selection when the pointer is
        inside it, else the sentence under the pointer. Returns (sentence ids, the new
        item's text: selected words inside one sentence, else the sentences' text)."""
        cursor = self.textCursor()
        at = self._char_at(point)
        if cursor.hasSelection() and (at is None or
                                      cursor.selectionStart() <= at < cursor.selectionEnd()):
            ids = self.selected_sentence_ids()
            return ids, self.selected_words() or self.sentences_text(ids)
        sid = self.sentence_at_point(point)
        return ([sid], self.sentences_text([sid])) if sid else ([], "")

    def sentences_text(self, ids: list[str]) -> str:
        return " ".join(self._sentences[sid].text for sid in ids if sid in self._sentences)

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:
        """Dragging or copying sentences carries their ids (for the brief form's lists)
        alongside the plain text."""
        if self._brief is None:
            return super().createMimeDataFromSelection()
        text = self.textCursor().selectedText().replace("\u2029", "\n")
        return sentences_mime(self.selected_sentence_ids(), text, self.selected_words())

    # ---- geometry and painting -------------------------------------------------------
    def resizeEvent(self, event) -> None:
        if self._brief is not None:
            set_reading_width(self.document(), self.viewport().width(), MAX_TEXT_WIDTH)
        super().resizeEvent(event)
        self._layout_header()

    def set_header_visible(self, visible: bool) -> None:
        """Show or hide the built-in title/byline header (hide it when a surrounding
        pane shows the article's metadata itself)."""
        self._header.wanted = visible
        self._header.update_visibility()
        self._layout_header()

    def _layout_header(self) -> None:
        """The header sits in a top viewport margin, so it never enters the document."""
        rect = self.contentsRect()
        height = 0
        if self._header.isVisibleTo(self):
            side = int(self.document().rootFrame().frameFormat().leftMargin())
            self._header.set_side_margin(side)
            height = self._header.heightForWidth(rect.width())
        self.setViewportMargins(0, height, 0, 0)
        self._header.setGeometry(rect.x(), rect.y(), self.viewport().width(), height)

    def paintEvent(self, event) -> None:
        """Text first, then a bar in the left margin beside the selected item's
        sentences: a cue that does not depend on telling colours apart."""
        super().paintEvent(event)
        if not self._shown and not self._suggested:
            return
        painter = QPainter(self.viewport())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(section_colours(self._shown_kind, self.palette()).line)
        x = margin_mark_x(self.document()) - self.horizontalScrollBar().value()
        lo, hi = self._visible_cp()
        for rect in mark_rects(self, self._offsets, near(self._shown, lo, hi),
                               self._visible_range(), x):
            painter.drawRoundedRect(rect, 2, 2)
        if self._suggested:   # a hollow dashed amber bar: a suggestion, not a citation
            pen = QPen(SUGGESTION_COLOUR, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in mark_rects(self, self._offsets, near(self._suggested, lo, hi),
                                   self._visible_range(), x):
                painter.drawRect(rect)
        painter.end()
