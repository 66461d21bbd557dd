"""Undo commands: one analyst action = one QUndoCommand on the window's QUndoStack.

Each command stores ids and old/new values; redo() calls one core operation and undo() its
inverse (the core returns what the inverse needs). No command touches a widget: the core
announces every change and the Qt models and editors follow, so undo repaints for free.

Typing merges: consecutive EditFieldCommands on the same (item, field, session) collapse into
one step, and a merged edit that lands back on the original value drops out of the history.
Editors pass a new `session` when a field regains focus, so coming back later is a new step;
`session=None` (combo boxes) never merges.
"""
from __future__ import annotations

from typing import Hashable, Iterable

from PySide6.QtGui import QUndoCommand, QUndoStack

from briefing.core.anchor import Citation
from briefing.core.brief import BriefModel
from briefing.core.items import Item, field_spec
from briefing.core.sections import section_for
from briefing.core.source import Source

EDIT_FIELD_ID = 1001
SET_META_ID = 1002

META_LABELS = {
    "title": "brief title", "analyst": "analyst", "marking": "marking", "summary": "summary",
    "article.title": "article title", "article.outlet": "outlet", "article.author": "author",
    "article.published": "publication date", "article.url": "article URL",
}


def meta_label(name: str) -> str:
    """How the undo history names a metadata field ("source.src2.url" -> "source URL")."""
    if name.startswith("source."):
        field = name.rpartition(".")[2]
        return "source " + META_LABELS.get(f"article.{field}", field).replace("article ", "")
    return META_LABELS.get(name, name)


def _singular(kind: str) -> str:
    return section_for(kind).singular


class AddItemCommand(QUndoCommand):
    """Insert a fresh item (from `brief.new_item`) at `index`, or at the end of its section."""

    def __init__(self, brief: BriefModel, item: Item, index: int | None = None) -> None:
        super().__init__(f"New {_singular(item.kind)}")
        self.brief, self.item, self.index = brief, item, index

    def redo(self) -> None:
        self.brief.insert_item(self.item, self.index)

    def undo(self) -> None:
        self.brief.remove_item(self.item.id)


class DeleteItemCommand(QUndoCommand):
    """Remove an item; undo puts the very same item back where it was."""

    def __init__(self, brief: BriefModel, item_id: str) -> None:
        super().__init__(f"Delete {_singular(brief.item(item_id).kind)}")
        self.brief, self.item_id = brief, item_id
        self.removed: tuple[str, int, Item] | None = None

    def redo(self) -> None:
        self.removed = self.brief.remove_item(self.item_id)

    def undo(self) -> None:
        assert self.removed is not None
        _kind, index, item = self.removed
        self.brief.insert_item(item, index)


class MoveItemCommand(QUndoCommand):
    """Reorder within a section or move to another one (converting the item's kind).

    `index` is where the item ends up, counted after it left its old place (the core's
    move_item convention). Undo removes the moved item and reinserts the original object, so
    fields that a kind conversion dropped come back intact."""

    def __init__(self, brief: BriefModel, item_id: str, kind: str, index: int) -> None:
        old_kind = brief.item(item_id).kind
        text = f"Move {_singular(old_kind)}"
        if kind != old_kind:
            text += f" to {section_for(kind).title}"
        super().__init__(text)
        self.brief, self.item_id, self.kind, self.index = brief, item_id, kind, index
        self.old: tuple[str, int, Item] | None = None

    def redo(self) -> None:
        self.old = self.brief.move_item(self.item_id, self.kind, self.index)

    def undo(self) -> None:
        assert self.old is not None
        _kind, index, item = self.old
        self.brief.remove_item(self.item_id)
        self.brief.insert_item(item, index)


class EditFieldCommand(QUndoCommand):
    """Set one field (or the note) of an item; keystrokes in one field merge into one step."""

    def __init__(self, brief: BriefModel, item_id: str, field: str, new: str, *,
                 session: Hashable | None = 0) -> None:
        item = brief.item(item_id)
        super().__init__(f"Edit {_singular(item.kind)} {field_spec(item.kind, field).label.lower()}")
        self.brief, self.item_id, self.field, self.new = brief, item_id, field, new
        self.old = item.get(field)
        self.session = session

    def id(self) -> int:
        return EDIT_FIELD_ID

    def redo(self) -> None:
        self.brief.set_field(self.item_id, self.field, self.new)

    def undo(self) -> None:
        self.brief.set_field(self.item_id, self.field, self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFieldCommand) or self.session is None or (
                (other.item_id, other.field, other.session)
                != (self.item_id, self.field, self.session)):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class LinkCommand(QUndoCommand):
    """Cite more sentences; a link that adds nothing never enters the history."""

    def __init__(self, brief: BriefModel, item_id: str, sentence_ids: Iterable[str]) -> None:
        self.sentence_ids = list(dict.fromkeys(sentence_ids))
        n = len(self.sentence_ids)
        super().__init__(f"Link {n} sentence{'s' if n != 1 else ''}")
        self.brief, self.item_id = brief, item_id
        self.old: list = []

    def redo(self) -> None:
        self.old = self.brief.link(self.item_id, self.sentence_ids)
        self.setObsolete(self.old == self.brief.item(self.item_id).citations)

    def undo(self) -> None:
        self.brief.set_citations(self.item_id, self.old)


class UnlinkCommand(QUndoCommand):
    """Drop one cited sentence from an item's sources."""

    def __init__(self, brief: BriefModel, item_id: str, sid: str) -> None:
        super().__init__("Unlink sentence")
        self.brief, self.item_id, self.sid = brief, item_id, sid
        self.old: list = []

    def redo(self) -> None:
        self.old = self.brief.unlink(self.item_id, self.sid)
        self.setObsolete(self.old == self.brief.item(self.item_id).citations)

    def undo(self) -> None:
        self.brief.set_citations(self.item_id, self.old)


class SetCitationsCommand(QUndoCommand):
    """Give an item a whole new list of citations (link, unlink, accept a suggestion,
    re-link, remove, extend, replace: each is a new list). Undo puts the old list back."""

    def __init__(self, brief: BriefModel, item_id: str, citations: list[Citation],
                 label: str) -> None:
        super().__init__(label)
        self.brief, self.item_id = brief, item_id
        self.new = list(citations)
        self.old = list(brief.item(item_id).citations)

    def redo(self) -> None:
        self.brief.set_citations(self.item_id, self.new)

    def undo(self) -> None:
        self.brief.set_citations(self.item_id, self.old)


class ReplaceArticleCommand(QUndoCommand):
    """Swap in a new version of a source's text with the citations an update planned for
    it; undo swaps the old text and citations back (the core returns them: the same call)."""

    def __init__(self, brief: BriefModel, text: str, citations: dict[str, list[Citation]],
                 label: str = "Update article", source_id: str | None = None) -> None:
        super().__init__(label)
        self.brief, self.text, self.citations = brief, text, dict(citations)
        self.source_id = source_id or brief.article.id
        self.old: tuple[str, dict[str, list[Citation]]] | None = None

    def redo(self) -> None:
        self.old = self.brief.replace_source_text(self.source_id, self.text, self.citations)

    def undo(self) -> None:
        assert self.old is not None
        self.brief.replace_source_text(self.source_id, *self.old)


class AddSourceCommand(QUndoCommand):
    """Add a source to the brief (at the end); undo takes it out again."""

    def __init__(self, brief: BriefModel, source: Source, label: str = "Add source") -> None:
        super().__init__(label)
        self.brief, self.source = brief, source

    def redo(self) -> None:
        self.brief.insert_source(self.source)

    def undo(self) -> None:
        self.brief.remove_source(self.source.id)


class RemoveSourceCommand(QUndoCommand):
    """Remove a source and its citations; undo puts both back where they were."""

    def __init__(self, brief: BriefModel, source_id: str) -> None:
        super().__init__(f"Remove source “{brief.source(source_id).label}”")
        self.brief, self.source_id = brief, source_id
        self.old: tuple[int, Source, dict[str, list[Citation]]] | None = None

    def redo(self) -> None:
        self.old = self.brief.remove_source(self.source_id)

    def undo(self) -> None:
        assert self.old is not None
        index, source, citations = self.old
        self.brief.insert_source(source, index, citations)


class MoveSourceCommand(QUndoCommand):
    """Put a source at another place in the brief's list."""

    def __init__(self, brief: BriefModel, source_id: str, index: int) -> None:
        super().__init__("Move source")
        self.brief, self.source_id, self.index = brief, source_id, index
        self.old = -1

    def redo(self) -> None:
        self.old = self.brief.move_source(self.source_id, self.index)

    def undo(self) -> None:
        self.brief.move_source(self.source_id, self.old)


class SetMetaCommand(QUndoCommand):
    """Set brief or article metadata; typing into one field merges like EditFieldCommand."""

    def __init__(self, brief: BriefModel, name: str, value: str, *,
                 session: Hashable | None = 0) -> None:
        super().__init__(f"Edit {meta_label(name)}")
        self.brief, self.name, self.new, self.session = brief, name, value, session
        self.old = self._current()

    def _current(self) -> str:
        return self.brief.get_meta(self.name)

    def id(self) -> int:
        return SET_META_ID

    def redo(self) -> None:
        self.brief.set_meta(self.name, self.new)

    def undo(self) -> None:
        self.brief.set_meta(self.name, self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetaCommand) or self.session is None or (
                (other.name, other.session) != (self.name, self.session)):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class UndoStack(QUndoStack):
    """A QUndoStack that merges typing into the top command itself.

    PySide6 (6.11) leaks every command QUndoStack merges away inside push(): Qt deletes it
    during the call, and the binding then parents the dead wrapper to the stack, which keeps
    it, and through it the brief, alive as long as the stack lives (one per keystroke).
    Here a mergeable command is merged by Python before Qt ever sees it, with the signals
    Qt would have sent (the title and the autosave follow indexChanged); anything else, or a
    merge that lands back on the original value, goes through Qt's own push/undo."""

    def push(self, command: QUndoCommand) -> None:
        index = self.index()
        top = self.command(index - 1) if index > 0 else None
        if top is not None and index != self.count() and hasattr(top, "session"):
            # Typing after an undo starts a new step. Qt would merge it into the step below
            # the undone ones (and leak it): close that step to merging first.
            top.session = None
        if (top is None or index != self.count() or index == self.cleanIndex()
                or command.id() == -1 or top.id() != command.id()
                or not top.mergeWith(command)):   # our mergeWith only reads the other's values
            super().push(command)
            return
        command.redo()
        if top.isObsolete():    # typed back to where the step began: the step goes away
            self.undo()          # Qt drops an obsolete command without undoing it
            return
        self.indexChanged.emit(index)
        self.undoTextChanged.emit(self.undoText())


class SetDismissedCommand(QUndoCommand):
    """Dismiss a suggestion (or bring it back): the brief remembers its key."""

    def __init__(self, brief: BriefModel, key: str, dismissed: bool = True,
                 label: str = "Dismiss suggestion") -> None:
        super().__init__(label)
        self.brief, self.key, self.dismissed = brief, key, dismissed
        self.was = key in brief.dismissed

    def redo(self) -> None:
        self.brief.set_dismissed(self.key, self.dismissed)

    def undo(self) -> None:
        self.brief.set_dismissed(self.key, self.was)
