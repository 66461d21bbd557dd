"""The article's context menu: Copy and friends, then one action per brief verb.

The actions only emit through the callbacks they are given; the main window owns the
undo commands. Texts and shortcuts come from SECTIONS so the menu, the form and the
main window's menus always say the same thing.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from briefing.core.sections import SECTIONS

LINK_TEXT = "Link to selected item"


def new_item_text(singular: str) -> str:
    return f"New {singular} from selection"


def add_brief_actions(menu: QMenu, sentence_ids: list[str], text: str, can_link: bool,
                      new_item: Callable[[str, list, str], None],
                      link: Callable[[list], None]) -> None:
    """Append "New <kind> from selection" for each section and "Link to selected item",
    acting on `sentence_ids` (what the pointer is on); a new item starts with `text`.

    Everything is disabled without sentences, so the menu still shows what is possible.
    """
    ids = list(sentence_ids)
    menu.addSeparator()
    for section in SECTIONS:
        action = menu.addAction(new_item_text(section.singular))
        action.setObjectName(f"new-{section.kind}")
        action.setShortcut(QKeySequence(section.shortcut))  # shown as a hint only
        action.setEnabled(bool(ids))
        action.triggered.connect(lambda _=False, kind=section.kind: new_item(kind, list(ids), text))
    action = menu.addAction(LINK_TEXT)
    action.setObjectName("link-selected")
    action.setEnabled(bool(ids) and can_link)
    action.triggered.connect(lambda _=False: link(list(ids)))
