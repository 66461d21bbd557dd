"""Every gesture on a brief as one call that pushes one undo command (after Anki's `*_ops`).

Each function takes the document's pieces (the brief and its QUndoStack), works out the new
state with the core and pushes exactly one QUndoCommand, or nothing when the gesture would
change nothing: an empty step only clutters the history (and PySide 6.11 leaks obsolete
commands). The window, the form, the item editor and the article view call these and never
build commands themselves. Each returns what the caller needs to follow up.

Citation gestures (link, unlink, accept a suggestion, re-link, remove, extend, replace) all
come down to "give item X this new list of citations" (SetCitationsCommand with a label);
the new list keeps the old order, with a replaced citation's successors in its place, so
the Sources row the analyst acted on stays where it was.
"""
from __future__ import annotations

from typing import Hashable, Iterable

from PySide6.QtGui import QUndoStack

from briefing.core.anchor import Citation, Sentence
from briefing.core.brief import BriefModel
from briefing.core.items import Item, check_value
from briefing.core.sections import section_for
from briefing.core.source import sentence_number
from briefing.core.update import UpdatePlan
from briefing.core.source import Source
from briefing.ui.commands import (AddItemCommand, AddSourceCommand, DeleteItemCommand,
                                  EditFieldCommand, MoveItemCommand, MoveSourceCommand,
                                  RemoveSourceCommand, ReplaceArticleCommand,
                                  SetCitationsCommand, SetDismissedCommand, SetMetaCommand)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


# ---- items -------------------------------------------------------------------------
def add_item(brief: BriefModel, stack: QUndoStack, kind: str, text: str = "",
             sentence_ids: Iterable[str] = (), index: int | None = None) -> Item:
    """A new item citing whole sentences (its text may be a few words of one of them)."""
    item = brief.new_item(kind, text, list(sentence_ids))
    stack.push(AddItemCommand(brief, item, index))
    return item


def delete_item(brief: BriefModel, stack: QUndoStack, item_id: str) -> None:
    stack.push(DeleteItemCommand(brief, item_id))


def move_item(brief: BriefModel, stack: QUndoStack, item_id: str, kind: str, index: int) -> bool:
    """Move to `index` (counted after the item left its place); False if it stays put."""
    if brief.position(item_id) == (kind, index):
        return False
    stack.push(MoveItemCommand(brief, item_id, kind, index))
    return True


def edit_field(brief: BriefModel, stack: QUndoStack, item_id: str, field: str, value: str,
               session: Hashable | None = 0) -> bool:
    if value == brief.item(item_id).get(field):
        return False
    stack.push(EditFieldCommand(brief, item_id, field, value, session=session))
    return True


def set_meta(brief: BriefModel, stack: QUndoStack, name: str, value: str,
             session: Hashable | None = 0) -> None:
    stack.push(SetMetaCommand(brief, name, value, session=session))


# ---- citations ---------------------------------------------------------------------
def set_citations(brief: BriefModel, stack: QUndoStack, item_id: str,
                  citations: list[Citation], label: str) -> bool:
    """The one primitive: push a SetCitationsCommand unless nothing would change."""
    if list(citations) == brief.item(item_id).citations:
        return False
    stack.push(SetCitationsCommand(brief, item_id, citations, label))
    return True


def _trusted_ids(brief: BriefModel, citations: Iterable[Citation]) -> set[str]:
    return {s.id for s in map(brief.trusted_sentence, citations) if s is not None}


def _splice(brief: BriefModel, citations: list[Citation], index: int, remove: int,
            sentence_ids: Iterable[str]) -> list[Citation]:
    """`citations` with `remove` entries at `index` replaced by fresh citations of the
    sentences (reading order), leaving out sentences the rest already cite."""
    rest = citations[:index] + citations[index + remove:]
    have = _trusted_ids(brief, rest)
    fresh = brief.citations_for(sid for sid in sentence_ids if sid not in have)
    return citations[:index] + fresh + citations[index + remove:]


def link(brief: BriefModel, stack: QUndoStack, item_id: str, sentence_ids: Iterable[str]) -> bool:
    """Cite more sentences (in reading order); False when all were already cited."""
    item = brief.item(item_id)
    have = set(brief.sentence_ids_of(item))
    added = brief.citations_for(sid for sid in sentence_ids if sid not in have)
    if not added:
        return False
    new = sorted(item.citations + added, key=lambda c: c.start)
    return set_citations(brief, stack, item_id, new, f"Link {_plural(len(added), 'sentence')}")


def unlink(brief: BriefModel, stack: QUndoStack, item_id: str, sid: str) -> bool:
    """Stop citing one (trusted) sentence."""
    item = brief.item(item_id)
    new = [c for c in item.citations if getattr(brief.trusted_sentence(c), "id", None) != sid]
    return set_citations(brief, stack, item_id, new, "Unlink sentence")


def toggle_link(brief: BriefModel, stack: QUndoStack, item_id: str, sid: str) -> str:
    """Link the sentence, or unlink it if the item already cites it: "linked"/"unlinked"."""
    if sid in brief.sentence_ids_of(brief.item(item_id)):
        unlink(brief, stack, item_id, sid)
        return "unlinked"
    link(brief, stack, item_id, [sid])
    return "linked"


def remove_citation(brief: BriefModel, stack: QUndoStack, item_id: str, index: int) -> bool:
    """Drop the item's index-th citation (whatever its status)."""
    old = brief.item(item_id).citations
    if not 0 <= index < len(old):
        return False
    return set_citations(brief, stack, item_id, old[:index] + old[index + 1:], "Remove source")


def suggestion(brief: BriefModel, c: Citation) -> Sentence | None:
    """The sentence a fuzzy or ambiguous citation suggests (None otherwise)."""
    r = brief.resolution(c)
    return r.sentence if r.needs_review else None


def accept_suggestion(brief: BriefModel, stack: QUndoStack, item_id: str, index: int) -> bool:
    """Replace a fuzzy/ambiguous citation by a fresh citation of its suggested sentence."""
    old = brief.item(item_id).citations
    if not 0 <= index < len(old):
        return False
    suggested = suggestion(brief, old[index])
    if suggested is None:
        return False
    return set_citations(brief, stack, item_id, _splice(brief, old, index, 1, [suggested.id]),
                         "Accept suggested sentence")


def replace_citation(brief: BriefModel, stack: QUndoStack, item_id: str, index: int,
                     sentence_ids: Iterable[str], label: str = "Replace source") -> bool:
    """Replace the index-th citation by the given sentences (the article's selection)."""
    old = brief.item(item_id).citations
    sids = list(sentence_ids)
    if not sids or not 0 <= index < len(old):
        return False
    return set_citations(brief, stack, item_id, _splice(brief, old, index, 1, sids), label)


def relink_citation(brief: BriefModel, stack: QUndoStack, item_id: str, index: int,
                    sentence_ids: Iterable[str]) -> bool:
    """A needs-review citation re-linked to the sentences the analyst selected."""
    return replace_citation(brief, stack, item_id, index, sentence_ids, "Re-link source")


def adjacent(brief: BriefModel, sentence: Sentence, step: int) -> Sentence | None:
    """The sentence before (step=-1) or after (+1) one, None at either end."""
    sentences = brief.source_of(sentence.id).sentences   # never across into another source
    i = sentence_number(sentence.id) - 1   # ids follow reading order: s1 is sentences[0]
    if not (0 <= i < len(sentences) and sentences[i].id == sentence.id):
        i = next(n for n, s in enumerate(sentences) if s.id == sentence.id)
    j = i + step
    return sentences[j] if 0 <= j < len(sentences) else None


def extend_target(brief: BriefModel, item: Item, index: int, step: int) -> Sentence | None:
    """The sentence "extend" would add beside a trusted citation (None if none or cited)."""
    if not 0 <= index < len(item.citations):
        return None
    here = brief.trusted_sentence(item.citations[index])
    if here is None:
        return None
    there = adjacent(brief, here, step)
    if there is None or there.id in brief.sentence_ids_of(item):
        return None
    return there


def extend_citation(brief: BriefModel, stack: QUndoStack, item_id: str, index: int,
                    step: int) -> bool:
    """Cite the sentence before (-1) or after (+1) the index-th citation, beside it."""
    item = brief.item(item_id)
    there = extend_target(brief, item, index, step)
    if there is None:
        return False
    old = item.citations
    at = index if step < 0 else index + 1
    new = old[:at] + brief.citations_for([there.id]) + old[at:]
    label = "Extend source to previous sentence" if step < 0 else "Extend source to next sentence"
    return set_citations(brief, stack, item_id, new, label)


# ---- the article -------------------------------------------------------------------
def update_article(brief: BriefModel, stack: QUndoStack, plan: UpdatePlan) -> None:
    """Apply a planned article update (new text, every citation re-anchored or flagged)."""
    label = "Update article" if plan.source == brief.article.id else \
        f"Update source “{brief.source(plan.source).label}”"
    stack.push(ReplaceArticleCommand(brief, plan.text, plan.citations(), label, plan.source))


# ---- sources -----------------------------------------------------------------------
def add_sources(brief: BriefModel, stack: QUndoStack, sources: list[Source]) -> list[Source]:
    """Add reports as sources (several dropped files are one undo step)."""
    if not sources:
        return []
    if len(sources) > 1:
        stack.beginMacro(f"Add {_plural(len(sources), 'source')}")
    for source in sources:
        stack.push(AddSourceCommand(brief, source, f"Add source “{source.label}”"))
    if len(sources) > 1:
        stack.endMacro()
    return sources


def remove_source(brief: BriefModel, stack: QUndoStack, source_id: str) -> bool:
    """Remove a source and its citations (the caller asks first if it is cited)."""
    if len(brief.sources) < 2 or not brief.has_source(source_id):
        return False
    stack.push(RemoveSourceCommand(brief, source_id))
    return True


def move_source(brief: BriefModel, stack: QUndoStack, source_id: str, index: int) -> bool:
    """Put a source at another place in the list (nothing if it is there already)."""
    index = max(0, min(index, len(brief.sources) - 1))
    if not brief.has_source(source_id) or brief.sources.index(brief.source(source_id)) == index:
        return False
    stack.push(MoveSourceCommand(brief, source_id, index))
    return True


# ---- suggestions -------------------------------------------------------------------
def accept_suggestion_item(brief: BriefModel, stack: QUndoStack, suggestion) -> Item | None:
    """Make the item a suggestion proposes (briefing.core.suggest), with its pre-filled
    fields and its citations, in one undo step. Sentences no longer in the brief are left
    out, and so are field values outside a field's vocabulary; None when nothing is left
    to cite."""
    sids = []
    for sid in suggestion.sentence_ids:
        try:
            brief.sentence(sid)
        except ValueError:
            continue
        sids.append(sid)
    if suggestion.sentence_ids and not sids:
        return None
    item = brief.new_item(suggestion.kind, suggestion.text, sids)
    fields = suggestion.fields
    for name, value in (fields.items() if hasattr(fields, "items") else fields):
        try:
            check_value(item.kind, name, value)
        except (TypeError, ValueError):
            continue
        if name == "note":
            item.note = value
        else:
            item.fields[name] = value
    command = AddItemCommand(brief, item)
    command.setText(f"Accept suggested {section_for(item.kind).singular}")
    stack.push(command)
    return item


def set_dismissed(brief: BriefModel, stack: QUndoStack, key: str, dismissed: bool = True) -> bool:
    """Dismiss a suggestion (remembered in the brief), or bring it back; one undo step."""
    if (key in brief.dismissed) == dismissed:
        return False
    stack.push(SetDismissedCommand(brief, key, dismissed,
                                   "Dismiss suggestion" if dismissed else "Restore suggestion"))
    return True
