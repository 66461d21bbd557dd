"""The four brief sections in one table: every view, highlight, export and legend reads it.

Keeping names, colours and shortcuts here means a section is renamed or recoloured in one
place, and the article tint, the list header and the exported heading can never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    kind: str          # item kind stored in files: claim / actor / risk / question
    key: str           # section key in files: claims / actors / risks / questions
    title: str         # heading shown to the analyst and in exports
    singular: str      # "claim", used in menus ("New claim from selection")
    colour: str        # highlight colour (hex), chosen to stay readable on light and dark
    shortcut: str      # keyboard shortcut for "new item from selection"


SECTIONS: tuple[Section, ...] = (
    Section("claim", "claims", "Key claims", "claim", "#3b82f6", "Ctrl+1"),
    Section("actor", "actors", "Actors", "actor", "#10b981", "Ctrl+2"),
    Section("risk", "risks", "Risks", "risk", "#ef4444", "Ctrl+3"),
    Section("question", "questions", "Open questions", "question", "#f59e0b", "Ctrl+4"),
)

KINDS: tuple[str, ...] = tuple(s.kind for s in SECTIONS)
BY_KIND: dict[str, Section] = {s.kind: s for s in SECTIONS}
BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}


def section_for(kind: str) -> Section:
    """The section of an item kind; a clear error for an unknown kind."""
    try:
        return BY_KIND[kind]
    except KeyError:
        raise ValueError(f"unknown item kind {kind!r} (expected one of {', '.join(KINDS)})") from None
