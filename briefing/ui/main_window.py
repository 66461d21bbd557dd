"""The main window: the article beside the brief, tied together both ways.

It owns the one QUndoStack; every user action becomes one command on it. The window only
wires panes, actions and files together; the panes and commands do the work.
"""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QSplitter,
                               QStackedWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget)

from briefing import __version__
from briefing.api import Brief
from briefing.core.source import sentence_number
from briefing.ui.actions import MENUS, TOOLBAR, build_actions
from briefing.ui.article_view import ArticleView
from briefing.ui.brief_form import BriefForm
from briefing.ui.checks_pane import ChecksPane
from briefing.ui.suggestions_pane import SuggestionsPane
from briefing.core.rules import Terms
from briefing.core.checks import review_message
from briefing.core.sections import KINDS
from briefing.ui import ops
from briefing.ui.commands import UndoStack
from briefing.ui.dialogs import Dialogs
from briefing.ui.file_actions import FileActions
from briefing.ui.file_drop import FileDrop
from briefing.ui.settings import Settings
from briefing.ui.source_tabs import SourceTabs
from briefing.ui.start_page import StartPage
from briefing.ui.tooltips import plain_tooltip


def action_button(action: QAction, parent: QWidget) -> QToolButton:
    """A toolbar button that follows an action by hand. Qt 6.11's QToolButton with a default
    action connects once more to QAction.changed on every change of that action, so each
    change (the undo text after every edit, the link action on every selection) costs more
    than the one before: after 50,000 operations the window had slowed down fourfold."""
    button = QToolButton(parent)
    button.setObjectName(f"toolButton_{action.objectName()}")
    button.setToolButtonStyle(Qt.ToolButtonTextOnly)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.NoFocus)

    def follow() -> None:
        if not (shiboken6.isValid(action) and shiboken6.isValid(button)):
            return   # the window is being torn down (its undo stack still announces)
        button.setText(action.iconText())
        button.setToolTip(action.toolTip())
        button.setStatusTip(action.statusTip())
        button.setEnabled(action.isEnabled())

    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    follow()
    return button


class MainWindow(QMainWindow):
    def __init__(self, brief: Brief | None = None, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = Settings()
        self.dialogs = dialogs or Dialogs(self)
        self.files = FileActions(self)
        self.file_drop = FileDrop(self)   # a dropped article starts a brief, a .brief opens
        self.undo_stack = UndoStack(self)  # merges typing without PySide's leak
        brief = brief or Brief.from_text("")
        self.brief: Brief | None = None
        self.autosaver = None  # set by the window manager; tests may leave it out
        self.article_view = ArticleView(self)
        self.source_tabs = SourceTabs(self)
        self.form = BriefForm(brief, self.undo_stack)
        self.checks = ChecksPane(self)
        self.suggestions = SuggestionsPane(self)
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self._article_column())
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.start_page = StartPage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.start_page)
        self.setCentralWidget(self.pages)
        self.review = QLabel(self)
        self.review.setObjectName("reviewCount")
        self.review.setStyleSheet("color: #b45309;")
        self.review.setToolTip("Sources that no longer match the article: F8 goes to the next")
        self.statusBar().addPermanentWidget(self.review)
        self.coverage = QLabel(self)
        self.statusBar().addPermanentWidget(self.coverage)
        self._build_actions()
        self._connect()
        self._restore_state()
        self.set_brief(brief)

    # ---- construction ----------------------------------------------------------------
    def _article_pane(self) -> QWidget:
        """The source switcher over the article view."""
        pane = QWidget(self)
        pane.setObjectName("articlePane")
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.source_tabs)
        layout.addWidget(self.article_view, 1)
        return pane

    def _article_column(self) -> QSplitter:
        """The article over the Checks and Suggestions panes (tabs): they take height
        from the article, never width from the brief form."""
        self.analysis = QTabWidget(self)
        self.analysis.setObjectName("analysisTabs")
        self.analysis.setAccessibleName("Checks and suggestions")
        self.analysis.setDocumentMode(True)
        self.analysis.addTab(self.checks, "Checks")
        self.analysis.addTab(self.suggestions, "Suggestions")
        self.analysis.setMinimumHeight(110)
        self.article_splitter = QSplitter(Qt.Vertical, self)
        self.article_splitter.setObjectName("articleSplitter")
        self.article_splitter.addWidget(self._article_pane())
        self.article_splitter.addWidget(self.analysis)
        self.article_splitter.setStretchFactor(0, 3)
        self.article_splitter.setStretchFactor(1, 1)
        self.article_splitter.setChildrenCollapsible(False)
        return self.article_splitter

    def _build_actions(self) -> None:
        self.actions = build_actions(self, lambda name: getattr(self, name))
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        # Ctrl+Shift+Z and Ctrl+Y everywhere (Qt binds only Ctrl+Shift+Z on Linux/macOS)
        redo.setShortcuts(list(dict.fromkeys(
            [*QKeySequence.keyBindings(QKeySequence.Redo), QKeySequence("Ctrl+Y")])))
        self.actions.update(undo=undo, redo=redo)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("recentMenu")
        for title, names in MENUS.items():
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "recent":
                    menu.addMenu(self.recent_menu)
                else:
                    menu.addAction(self.actions[name])
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for name in TOOLBAR:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addWidget(action_button(self.actions[name], toolbar))
        self._fill_recent(self.settings.recent_files())

    def _connect(self) -> None:
        view = self.article_view
        view.itemRequested.connect(self.select_item)
        view.newItemRequested.connect(self.new_item)
        view.linkRequested.connect(self.link_sentences)
        view.toggleLinkRequested.connect(self.toggle_link)
        view.coverageChanged.connect(self._show_coverage)
        view.reviewChanged.connect(self._show_review)
        view.sourceShown.connect(self._source_shown)
        self.source_tabs.sourceSelected.connect(view.show_source)
        self.source_tabs.moveRequested.connect(
            lambda sid, index: ops.move_source(self.brief, self.undo_stack, sid, index))
        self.start_page.newRequested.connect(self.new_from_article)
        self.start_page.openRequested.connect(self.open_dialog)
        self.start_page.recentRequested.connect(lambda path: self.files.open(path))
        self.form.editor.selection = view.selected_sentence_ids
        self.form.editor.message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.form.itemSelected.connect(self._item_selected)
        self.form.sentenceActivated.connect(view.scroll_to_sentence)
        # Bound methods with a validity guard, not lambdas: ~QUndoStack clears the stack and
        # emits these while the window is already being destroyed.
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.indexChanged.connect(self._index_changed)
        self.checks.findingActivated.connect(self.go_to_finding)
        self.suggestions.sentencesRequested.connect(self._point_at_sentences)
        self.suggestions.itemCreated.connect(self.form.select_item)
        for pane in (self.checks, self.suggestions):
            pane.titleChanged.connect(
                lambda title, p=pane: self.analysis.setTabText(self.analysis.indexOf(p), title))
        self.analysis.currentChanged.connect(lambda _i: self._sync_view_actions())

    def _restore_state(self) -> None:
        geometry, sizes = self.settings.geometry(), self.settings.splitter()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        if sizes is not None:
            self.splitter.restoreState(sizes)
        else:
            self.splitter.setSizes([780, 660])
        column = self.settings.article_splitter()
        if column is None or not self.article_splitter.restoreState(column):
            self.article_splitter.setSizes([560, 220])
        pane = self.settings.analysis_pane()
        self.analysis.setVisible(bool(pane))
        if pane:
            self.analysis.setCurrentWidget(self.suggestions if pane == "suggestions" else self.checks)
        self.actions["hedges"].setChecked(self.settings.hedge_marks())
        self.article_view.set_hedges_visible(self.settings.hedge_marks())
        self._sync_view_actions()

    # ---- the brief -------------------------------------------------------------------
    def set_brief(self, brief: Brief) -> None:
        """Show a brief (a fresh undo history: undo never crosses into another file)."""
        self.undo_stack.clear()
        self.brief = brief
        self._cited_step = (None, -1)
        self.source_tabs.set_brief(brief)
        self.article_view.set_brief(brief)
        self.form.set_brief(brief, self.undo_stack)
        self.checks.set_brief(brief)
        self.suggestions.set_brief(brief, self.undo_stack)
        self.undo_stack.setClean()
        self.setWindowModified(False)
        self._show_page(start=False)
        self._update_title()

    def show_start_page(self) -> None:
        """No brief open: the start page (recent briefs, New from article, Open)."""
        self.set_brief(Brief.from_text(""))
        self.files.path = self.files.disk_hash = None
        self._show_page(start=True)
        self._update_title()

    def showing_start_page(self) -> bool:
        return self.pages.currentWidget() is self.start_page

    _BRIEF_ONLY = ("save", "save_as", "export_md", "export_docx", "export_quotes", "preview",
                   "update_article",
                   "add_source", "remove_source", "source_left", "source_right", "next_source",
                   "prev_source", "next_cited", "prev_cited",
                   "close", "link", "delete_item", "move_up", "move_down", "next_review",
                   "toggle_checks", "toggle_suggestions", "hedges",
                   "prev_review", *(f"new_{kind}" for kind in KINDS))

    def _show_page(self, start: bool) -> None:
        self.pages.setCurrentWidget(self.start_page if start else self.splitter)
        self.start_page.set_recent(self.settings.recent_files())
        for name in self._BRIEF_ONLY:
            if name in self.actions:
                self.actions[name].setEnabled(not start)
        if start:
            self.start_page.new_button.setFocus(Qt.OtherFocusReason)
        elif self.brief is not None:   # these follow their own state, not just "a brief is open"
            self.actions["link"].setEnabled(bool(self.form.selected_item_id()))
            self._show_review(len(self.brief.needing_review()))
            self._update_source_actions()

    def close_brief(self) -> bool:
        """File › Close: the brief goes (after the unsaved-changes question); the window
        goes too unless it is the last one, which stays on the start page."""
        others = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w is not self and w.isVisible()]
        if others:
            return self.close()
        if not self.files.maybe_save():
            return False
        if self.autosaver is not None:
            self.autosaver.discard()
        self.show_start_page()
        return True

    def attach_autosaver(self, autosaver) -> None:
        """Unsaved changes go to the recovery folder a few seconds after the last edit."""
        self.autosaver = autosaver

    def show_recovered(self, brief: Brief, original: str | None, disk_hash: str | None) -> None:
        """A brief restored after a crash: shown as modified, saving goes to where it was."""
        self.set_brief(brief)
        self.files.path, self.files.disk_hash = original, disk_hash
        self.undo_stack.resetClean()
        self.setWindowModified(True)
        self._update_title()
        if self.autosaver is not None:
            self.autosaver.write_now()

    def open(self, path: str) -> bool:
        """Open a .brief file or an article (automation surface; no unsaved prompt)."""
        return self.files.load(path)

    def select_item(self, item_id: str) -> None:
        self.form.select_item(item_id)

    def selected_item_id(self) -> str:
        return self.form.selected_item_id()

    def _item_selected(self, item_id: str) -> None:
        item = self.brief.item(item_id) if item_id else None
        self.article_view.show_item(item)
        self.actions["link"].setEnabled(item is not None)
        self.source_tabs.mark_item(item_id)
        self._cited_step = (item_id or None, -1)

    # ---- sources ---------------------------------------------------------------------
    def _source_shown(self, source_id: str) -> None:
        self.source_tabs.show_source(source_id)
        self.form.meta.show_source(source_id)
        self._update_source_actions()

    def _update_source_actions(self) -> None:
        if self.brief is None or self.showing_start_page():
            return
        ids = [s.id for s in self.brief.sources]
        here = ids.index(self.article_view.source_id()) if self.article_view.source_id() in ids else 0
        several = len(ids) > 1
        for name, on in (("remove_source", several), ("next_source", several),
                         ("prev_source", several), ("source_left", here > 0),
                         ("source_right", here < len(ids) - 1)):
            self.actions[name].setEnabled(on)

    def show_source(self, source_id: str) -> bool:
        """Show one of the brief's sources in the article pane (automation surface)."""
        return self.article_view.show_source(source_id)

    def add_sources(self, paths: list[str] | None = None) -> list[str]:
        """Add report files as sources (asks for them when none are given)."""
        return self.files.add_sources(paths)

    def remove_source(self, source_id: str | None = None) -> bool:
        """Remove the source shown (or the given one); a cited source is removed, with its
        citations, only after the analyst agrees. Undo brings both back."""
        source_id = source_id or self.article_view.source_id()
        if self.brief is None or not self.brief.has_source(source_id):
            return False
        if len(self.brief.sources) < 2:
            self.statusBar().showMessage("A brief keeps at least one source.", 4000)
            return False
        source = self.brief.source(source_id)
        cited = self.brief.citations_of_source(source_id)
        if cited and not self.dialogs.confirm(
                "Remove cited source?",
                f"“{source.label}” is cited {cited} time{'s' if cited != 1 else ''}. Removing "
                "it removes those citations from the items too. (Undo brings them back.)"):
            return False
        return ops.remove_source(self.brief, self.undo_stack, source_id)

    def move_source_left(self) -> None:
        self._move_source(-1)

    def move_source_right(self) -> None:
        self._move_source(1)

    def _move_source(self, step: int) -> None:
        source_id = self.article_view.source_id()
        here = [s.id for s in self.brief.sources].index(source_id)
        ops.move_source(self.brief, self.undo_stack, source_id, here + step)

    def next_source(self) -> None:
        self._step_source(1)

    def previous_source(self) -> None:
        self._step_source(-1)

    def _step_source(self, step: int) -> None:
        ids = [s.id for s in self.brief.sources]
        here = ids.index(self.article_view.source_id())
        self.article_view.show_source(ids[(here + step) % len(ids)])

    def next_cited(self) -> None:
        self._step_cited(1)

    def previous_cited(self) -> None:
        self._step_cited(-1)

    def _step_cited(self, step: int) -> None:
        """Go to the selected item's next (previous) cited sentence, in reading order
        across sources, wrapping around; the status bar says where."""
        item_id = self.form.selected_item_id()
        if not item_id:
            self.statusBar().showMessage("Select an item first.", 4000)
            return
        sids = self.brief.sentence_ids_of(self.brief.item(item_id))
        if not sids:
            self.statusBar().showMessage("This item cites no sentence.", 4000)
            return
        last = self._cited_step[1] if self._cited_step[0] == item_id else (-1 if step > 0 else 0)
        n = (last + step) % len(sids)
        self._cited_step = (item_id, n)
        sid = sids[n]
        self.article_view.scroll_to_sentence(sid)
        self.article_view.select_sentences(sid)
        source = self.brief.source_of(sid)
        self.statusBar().showMessage(
            f"Sentence {n + 1} of {len(sids)} cited by this item: sentence "
            f"{sentence_number(sid)} of “{source.label}”", 6000)

    def new_item(self, kind: str, sentence_ids: list[str] | None = None,
                 text: str | None = None) -> str | None:
        """A new item citing the selected (or given) sentences. Its text starts as their
        text, or as the selected words when the selection lies inside one sentence."""
        view = self.article_view
        if sentence_ids is None:
            sentence_ids = view.selected_sentence_ids()
            text = view.selected_words() or None
        if not sentence_ids:
            self.statusBar().showMessage("Select a sentence in the article first.", 4000)
            return None
        if text is None:
            text = " ".join(self.brief.sentence(s).text for s in sentence_ids)
        item = ops.add_item(self.brief, self.undo_stack, kind, text, sentence_ids)
        self.form.select_item(item.id, edit=True)
        return item.id

    def link_sentences(self, sentence_ids: list[str] | None = None) -> None:
        item_id = self.form.selected_item_id()
        sids = sentence_ids if sentence_ids is not None else self.article_view.selected_sentence_ids()
        if not item_id or not sids:
            self.statusBar().showMessage("Select an item and the sentence(s) to link.", 4000)
            return
        if not ops.link(self.brief, self.undo_stack, item_id, sids):
            self.statusBar().showMessage("Already linked: those sentences are among its sources.", 4000)
            return
        self.article_view.show_item(self.brief.item(item_id))

    def toggle_link(self, sid: str) -> None:
        """Ctrl+click: link the sentence to the selected item, or unlink it if the item
        cites it already; the selected item stays the selected item."""
        item_id = self.form.selected_item_id()
        if not item_id:
            self.statusBar().showMessage("Select an item first: Ctrl+click links a sentence to it.", 4000)
            return
        done = ops.toggle_link(self.brief, self.undo_stack, item_id, sid)
        self.statusBar().showMessage(f"Sentence {sentence_number(sid)} {done}.", 3000)

    # ---- sources to review -----------------------------------------------------------
    def next_review(self) -> None:
        self._step_review(1)

    def previous_review(self) -> None:
        self._step_review(-1)

    def _step_review(self, step: int) -> None:
        """Select the next (or previous) citation that needs review after the selected
        one, wrapping around; its suggested sentence, if any, is scrolled into view."""
        rows = self.brief.needing_review()
        if not rows:
            self.statusBar().showMessage("No source needs review.", 4000)
            return
        order = {item.id: n for n, item in enumerate(self.brief.items)}
        current = self.form.selected_item_id()
        here = (order[current], self.form.editor.current_source()) if current else (-1, -1)
        places = [(order[item.id], n) for item, n, _c, _r in rows]
        if step > 0:
            pick = next((i for i, p in enumerate(places) if p > here), 0)
        else:
            pick = next((i for i in reversed(range(len(places))) if places[i] < here),
                        len(places) - 1)
        item, n, c, r = rows[pick]
        self.form.select_item(item.id)
        self.form.editor.select_source(n)
        self.form.editor.sources.setFocus(Qt.OtherFocusReason)
        if r.sentence is not None:
            self.article_view.scroll_to_sentence(r.sentence.id)
        self.statusBar().showMessage(f"{pick + 1} of {len(rows)} to review: "
                                     f"{review_message(n, c, r)}", 8000)

    def _clean_changed(self, clean: bool) -> None:
        """Saving (setClean) changes no index: the marker and the recovery copy follow here."""
        if shiboken6.isValid(self):
            self.setWindowModified(not clean)
            self._autosave(clean)

    def _index_changed(self, _index: int) -> None:
        """Every change re-titles the window and re-arms the autosaver."""
        if shiboken6.isValid(self):
            self._update_title()
            self._autosave(self.undo_stack.isClean())

    def _autosave(self, clean: bool) -> None:
        """A clean state removes the recovery copy, any other (re)arms its timer."""
        if self.autosaver is not None and shiboken6.isValid(self.autosaver):
            self.autosaver.changed(clean)

    def _show_coverage(self, cited: int, total: int) -> None:
        several = self.brief is not None and len(self.brief.sources) > 1
        self.coverage.setText(f"{cited} of {total} sentences cited"
                              + (" in this source" if several else ""))
        self._update_source_actions()

    def _show_review(self, count: int) -> None:
        self.review.setText(f"⚠ {count} need review" if count else "")
        self.review.setVisible(bool(count))
        for name in ("next_review", "prev_review"):
            self.actions[name].setEnabled(bool(count))

    def _update_title(self) -> None:
        if getattr(self, "pages", None) is not None and self.showing_start_page():
            self.setWindowTitle("Briefing")
        else:
            self.setWindowTitle(f"{self.files.display_name()}[*] — Briefing")

    # ---- checks, suggestions, hedge marks ---------------------------------------------
    def show_checks(self, on: bool = True) -> None:
        """View › Checks: the findings under the article (off: the panel folds away)."""
        self._show_analysis(self.checks, on)

    def show_suggestions(self, on: bool = True) -> None:
        self._show_analysis(self.suggestions, on)

    def _show_analysis(self, pane: QWidget, on: bool) -> None:
        if on:
            self.analysis.show()
            self.analysis.setCurrentWidget(pane)
            pane.setFocus(Qt.ShortcutFocusReason)
        elif self.analysis.currentWidget() is pane:
            self.analysis.hide()
            self.article_view.setFocus(Qt.OtherFocusReason)
        self._sync_view_actions()

    def _analysis_shown(self) -> str:
        if self.analysis.isHidden():
            return ""
        return "suggestions" if self.analysis.currentWidget() is self.suggestions else "checks"

    def _sync_view_actions(self) -> None:
        shown = self._analysis_shown()
        for name, pane in (("toggle_checks", "checks"), ("toggle_suggestions", "suggestions")):
            self.actions[name].setChecked(shown == pane)

    def mark_hedges(self, on: bool) -> None:
        """View › Mark Hedges and Attributions (remembered for the next start)."""
        self.article_view.set_hedges_visible(on)
        self.settings.set_hedge_marks(on)

    def go_to_finding(self, f: dict) -> None:
        """Select a finding's item and mark the words that fired it: in the cited
        sentences of the article, or in the field (the summary for the brief's own)."""
        item_id, field, words = f.get("item"), f.get("field"), list(f.get("words", ()))
        if item_id:
            try:
                self.brief.item(item_id)
            except ValueError:
                self.statusBar().showMessage("That item is no longer in the brief.", 4000)
                return
            self.form.select_item(item_id)
        if f.get("sentences"):
            self._point_at_sentences(f["sentences"], words)
        if field and (item_id is None or field == "summary"):
            self.form.meta.focus_field(field, words)
        elif field:
            self.form.editor.select_words(field, words)
            widget = self.form.editor.pages[self.brief.item(item_id).kind].bindings[field].widget
            self.form.editor_scroll.ensureWidgetVisible(widget)
        elif f["rule"] == "citation-review" and words:
            item = self.brief.item(item_id)
            for n, c in enumerate(item.citations):
                if c.exact == words[0] and self.brief.resolution(c).needs_review:
                    self.form.editor.select_source(n)
                    break
        self.statusBar().showMessage(f"{f['rule']}: {f['message']}", 8000)

    def _point_at_sentences(self, sentence_ids: list[str], words: list[str] = ()) -> None:
        """Mark sentences in the article (or only the given words inside them), in the
        source shown if it holds any of them, else in the first one's source."""
        terms = Terms(list(words)) if any(w.strip() for w in words) else None
        by_source: dict[str, list[tuple[int, int]]] = {}
        for sid in sentence_ids:
            try:
                s, source = self.brief.sentence(sid), self.brief.source_of(sid)
            except ValueError:
                continue
            spans = [(s.start + a, s.start + b) for a, b in terms.spans(s.text)] if terms else []
            by_source.setdefault(source.id, []).extend(spans or [(s.start, s.end)])
        if by_source:
            shown = self.article_view.source_id()
            target = shown if shown in by_source else next(iter(by_source))
            self.article_view.point_at(target, by_source[target])

    # ---- action handlers -------------------------------------------------------------
    def new_from_article(self) -> None:
        self.files.new_from_article()

    def new_from_clipboard(self) -> None:
        self.files.new_from_clipboard()

    def open_dialog(self) -> None:
        self.files.open()

    def update_article(self) -> bool:
        return self.files.update_article()

    def save(self) -> bool:
        return self.files.save()

    def save_as(self) -> bool:
        return self.files.save_as()

    def saved(self) -> None:
        self._update_title()
        self.statusBar().showMessage(f"Saved {self.files.path}", 4000)

    def remember_recent(self, path: str) -> None:
        self._fill_recent(self.settings.add_recent(path))

    def _fill_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(plain_tooltip(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open(p))
        self.recent_menu.setEnabled(bool(paths))
        self.start_page.set_recent(paths)

    def link_selection(self) -> None:
        self.link_sentences()

    def delete_item(self) -> None:
        self.form.delete_selected()

    def move_item_up(self) -> None:
        self.form.move_selected(-1)

    def move_item_down(self) -> None:
        self.form.move_selected(1)

    def export_markdown(self) -> None:
        from briefing.ui.export_actions import export_as
        export_as(self, "md")

    def export_quote_list(self) -> None:
        from briefing.ui.export_actions import export_quote_list_as
        export_quote_list_as(self)

    def export_docx(self) -> None:
        from briefing.ui.export_actions import export_as
        export_as(self, "docx")

    def show_preview(self) -> None:
        from briefing.ui.preview import PreviewDialog
        PreviewDialog(self.brief, self).exec()

    def quit(self) -> None:
        """Close every window (each asks about its own unsaved changes); the app ends with the last."""
        QApplication.instance().closeAllWindows()

    def about(self) -> None:
        QMessageBox.about(self, "About Briefing",
                          f"<b>Briefing {__version__}</b><br>Turn a news article into a "
                          "structured, sourced brief.")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.splitter.saveState())
        self.settings.save_article_splitter(self.article_splitter.saveState())
        self.settings.set_analysis_pane(self._analysis_shown())
        if self.autosaver is not None:
            self.autosaver.discard()
        event.accept()
