"""All window actions in one table: text, shortcut, handler and menu (after Picard).

Menus and toolbars are lists of action names, so a shortcut or label is changed in one
place and the menu, toolbar and tests agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from briefing.core.sections import SECTIONS


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    handler: str                      # method name on the main window
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    args: tuple[str, ...] = ()        # passed to the handler (the kind for "new item")
    checkable: bool = False           # a toggle: the handler gets the new state


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new", "&New Brief from Article…", "new_from_article", QKeySequence.New,
               "Start a brief over an article: web page, PDF, Word, OpenDocument or text file"),
    ActionSpec("new_clipboard", "New Brief from C&lipboard", "new_from_clipboard", None,
               "Start a brief over the text or web page selection on the clipboard"),
    ActionSpec("open", "&Open…", "open_dialog", QKeySequence.Open),
    ActionSpec("save", "&Save", "save", QKeySequence.Save),
    ActionSpec("save_as", "Save &As…", "save_as", QKeySequence.SaveAs),
    ActionSpec("export_md", "Export &Markdown…", "export_markdown", "Ctrl+Shift+M"),
    ActionSpec("export_docx", "Export &Word (.docx)…", "export_docx", "Ctrl+Shift+E"),
    ActionSpec("export_quotes", "Export &Quote List…", "export_quote_list", None,
               "One row per citation (item, fields, grade, source, sentence, status, quote) "
               "as CSV, Excel or JSON"),
    ActionSpec("preview", "&Preview Export", "show_preview", "Ctrl+Shift+P"),
    ActionSpec("close", "&Close", "close_brief", QKeySequence.Close,
               "Close this brief (the last window stays open on the start page)"),
    ActionSpec("quit", "&Quit", "quit", QKeySequence.Quit),
    ActionSpec("update_article", "&Update Source Text…", "update_article", None,
               "Replace the source shown with a new version of it and review what happens "
               "to each citation"),
    ActionSpec("add_source", "&Add Sources…", "add_sources", "Ctrl+Shift+O",
               "Add reports (web pages, PDF, Word, text) to the brief as further sources"),
    ActionSpec("remove_source", "&Remove Source", "remove_source", None,
               "Remove the source shown, and its citations, from the brief (undoable)"),
    ActionSpec("source_left", "Move Source &Left", "move_source_left", None,
               "Put the source shown earlier in the brief's list of sources"),
    ActionSpec("source_right", "Move Source R&ight", "move_source_right", None,
               "Put the source shown later in the brief's list of sources"),
    ActionSpec("next_source", "&Next Source", "next_source", "Ctrl+PgDown",
               "Show the next source (Ctrl+PgDown)"),
    ActionSpec("prev_source", "&Previous Source", "previous_source", "Ctrl+PgUp",
               "Show the previous source (Ctrl+PgUp)"),
    ActionSpec("next_cited", "Next &Cited Sentence", "next_cited", "Ctrl+]",
               "Step through the selected item's sentences, across sources (Ctrl+])"),
    ActionSpec("prev_cited", "Previous C&ited Sentence", "previous_cited", "Ctrl+[",
               "Step back through the selected item's sentences, across sources (Ctrl+[)"),
    ActionSpec("link", "&Link Selection to Item", "link_selection", "Ctrl+L",
               "Cite the selected sentences in the selected item (Ctrl+L). Ctrl+click a "
               "sentence to link it to the selected item, or unlink it, without changing items"),
    ActionSpec("next_review", "&Next Source to Review", "next_review", "F8",
               "Select the next source that no longer matches the article (F8)"),
    ActionSpec("prev_review", "&Previous Source to Review", "previous_review", "Shift+F8",
               "Select the previous source that no longer matches the article (Shift+F8)"),
    ActionSpec("delete_item", "&Delete Item", "delete_item", None),
    ActionSpec("move_up", "Move Item &Up", "move_item_up", "Alt+Up"),
    ActionSpec("move_down", "Move Item Do&wn", "move_item_down", "Alt+Down"),
    ActionSpec("toggle_checks", "&Checks", "show_checks", "Ctrl+Shift+K",
               "Show the brief checker's findings under the article (Ctrl+Shift+K)",
               checkable=True),
    ActionSpec("toggle_suggestions", "&Suggestions", "show_suggestions", "Ctrl+Shift+U",
               "Show actors, claims and questions proposed from the sources (Ctrl+Shift+U)",
               checkable=True),
    ActionSpec("hedges", "Mark &Hedges and Attributions", "mark_hedges", "Ctrl+Shift+H",
               "Underline words that only report a claim (\u201callegedly\u201d, "
               "\u201caccording to\u201d…) in the article (Ctrl+Shift+H)", checkable=True),
    ActionSpec("about", "&About Briefing", "about"),
) + tuple(
    ActionSpec(f"new_{s.kind}", f"New {s.singular.capitalize()} from Selection", "new_item",
               s.shortcut, f"Make a {s.singular} from the selected sentence(s) ({s.shortcut})",
               (s.kind,))
    for s in SECTIONS
)

MENUS: dict[str, list[str | None]] = {
    "&File": ["new", "new_clipboard", "open", "recent", None, "update_article", None, "save", "save_as", None, "export_md", "export_docx", "export_quotes",
              "preview", None, "close", "quit"],
    "&Edit": ["undo", "redo", None, "link", "delete_item", "move_up", "move_down"],
    "&Insert": [f"new_{s.kind}" for s in SECTIONS],
    "&Sources": ["add_source", "remove_source", None, "source_left", "source_right", None,
                 "next_source", "prev_source", None, "next_cited", "prev_cited"],
    "&Review": ["next_review", "prev_review"],
    "&View": ["toggle_checks", "toggle_suggestions", None, "hedges"],
    "&Help": ["about"],
}
TOOLBAR: list[str | None] = ["new", "open", "save", None, "undo", "redo", None] + [
    f"new_{s.kind}" for s in SECTIONS] + ["link", None, "preview"]


def build_actions(window: QWidget, handler: Callable[[str], Callable[[], object]]) -> dict[str, QAction]:
    """QActions for every spec, triggered into handler(spec.handler)."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.name}")
        if isinstance(spec.shortcut, QKeySequence.StandardKey):
            action.setShortcuts(spec.shortcut)   # every platform binding, not only the first
        elif spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        if spec.checkable:
            action.setCheckable(True)
            action.triggered.connect(lambda on=False, h=spec.handler: handler(h)(on))
        else:
            action.triggered.connect(lambda _=False, h=spec.handler, a=spec.args: handler(h)(*a))
        actions[spec.name] = action
    return actions
