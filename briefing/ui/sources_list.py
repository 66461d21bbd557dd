"""The rows of an item's Sources list: each citation's stored quote, marked when it needs review.

A citation that no longer matches the article (fuzzy, ambiguous, orphaned) is listed by its
stored quote, never by the sentence that now stands near its place, with a warning mark and a
tooltip saying why and what can be done. The item editor fills the list and acts on it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidget

from briefing.core.anchor import Citation
from briefing.core.checks import review_message
from briefing.core.resolve import Resolution

CitationIndexRole = Qt.UserRole          # int: the citation's place in the item's list
SentenceRole = Qt.UserRole + 1           # str: the sentence to show (cited, or suggested)
StatusRole = Qt.UserRole + 2             # str: exact, moved, fuzzy, ambiguous, orphaned
REVIEW_COLOUR = "#b45309"                # amber: needs review (the highlight's dashes too)


def source_text(c: Citation, r: Resolution) -> str:
    """A Sources row: the stored quote, marked when it no longer matches the article."""
    quote = " ".join(c.exact.split())
    if not r.needs_review:
        return quote
    how = f"{r.status}, {round(r.similarity * 100)}%" if r.status == "fuzzy" else r.status
    return f"⚠ needs review ({how}): “{quote}”"


def source_tooltip(index: int, c: Citation, r: Resolution) -> str:
    if not r.needs_review:
        return f"Sentence {r.sentence.id[1:]}: double-click to show it in the article"
    offers = ("Accept the suggested sentence, re-link to the article selection, or remove it."
              if r.sentence is not None else "Re-link it to the article selection, or remove it.")
    shown = (f"\nDouble-click to show the suggested sentence {r.sentence.id[1:]} (dashed outline)."
             if r.sentence is not None else "")
    return f"{review_message(index, c, r)}\n{offers}{shown}"


class SourcesList(QListWidget):
    """The citations of an item; Delete removes the current one, right-click offers the rest."""

    removeRequested = Signal(int)

    def keyPressEvent(self, event) -> None:
        item = self.currentItem()
        if item is not None and (event.matches(QKeySequence.Delete)
                                 or event.key() == Qt.Key_Backspace):
            self.removeRequested.emit(item.data(CitationIndexRole))
            return
        super().keyPressEvent(event)


SOURCE_ACTIONS = (  # name, text, tip
    ("accept", "&Accept Suggestion",
     "Cite the suggested sentence instead of the quote that no longer matches"),
    ("relink", "Re-&link to Selection",
     "Cite the sentence(s) selected in the article instead of this source"),
    ("remove", "&Remove Source", "Stop citing this source (Delete)"),
    ("extend_prev", "Extend to &Previous Sentence", "Also cite the sentence before this one"),
    ("extend_next", "Extend to &Next Sentence", "Also cite the sentence after this one"),
    ("replace", "Re&place by Selection",
     "Cite the sentence(s) selected in the article instead of this source"),
)
