"""Updating one of a brief's sources to a new version of its text, citation by citation.

Planning is separate from applying so the UI can show the analyst every citation's fate
(a review dialog) before anything changes, and the CLI can report it. While planning, the
old text is still at hand, so a quote that was a single sentence there and is a single
sentence in the new text is known to be the same sentence even if its context changed.
"""
from __future__ import annotations

from dataclasses import dataclass

from briefing.core.anchor import FIRST_SOURCE, Citation, cite
from briefing.core.brief import BriefModel
from briefing.core.items import Item
from briefing.core.resolve import Resolution, resolve
from briefing.core.source import index_of


@dataclass(frozen=True)
class UpdateRow:
    item: Item
    index: int               # the citation's place in the item's list
    old: Citation            # as stored before the update (its quote is what was cited)
    resolution: Resolution   # against the new text
    new: Citation            # what the item will store: a fresh anchor, or the old one flagged


@dataclass(frozen=True)
class UpdatePlan:
    text: str
    rows: list[UpdateRow]
    source: str = FIRST_SOURCE   # the id of the source whose text is replaced

    def citations(self) -> dict[str, list[Citation]]:
        """Each touched item's whole citation list after the update (citations of other
        sources kept as they are)."""
        out: dict[str, list[Citation]] = {}
        for row in self.rows:
            cits = out.setdefault(row.item.id, list(row.item.citations))
            cits[row.index] = row.new
        return out

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            out[row.resolution.status] = out.get(row.resolution.status, 0) + 1
        return out


index_text = index_of   # a new version's sentences, segmented (and numbered) as the brief's are


def plan_update(brief: BriefModel, new_text: str, source_id: str | None = None) -> UpdatePlan:
    """Resolve every citation of one source (default: the first) against new_text,
    without changing the brief."""
    source = brief.article if source_id is None else brief.source(source_id)
    old_index, new_index = source.index, index_of(new_text, source.id)
    rows = []
    for item in brief.items:
        for n, c in enumerate(item.citations):
            if c.source != source.id:
                continue
            r = resolve(new_index, c, old_index)
            new = cite(new_text, r.sentence, source.id) if not r.needs_review \
                else c.with_review(r.status)
            rows.append(UpdateRow(item, n, c, r, new))
    return UpdatePlan(new_text, rows, source.id)


def apply_update(brief: BriefModel, plan: UpdatePlan) -> tuple[str, dict[str, list[Citation]]]:
    """Swap in the new text and citations; returns what the undo needs (replace_source_text)."""
    return brief.replace_source_text(plan.source, plan.text, plan.citations())
