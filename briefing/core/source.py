"""A source: one report a brief rests on (a news article, a statement, a PDF), with its text,
its metadata and its sentences.

A brief holds an ordered list of sources; every citation names the source it quotes.
Sentence ids are unique within a brief: the brief's original source (id ``src1``, the
article of a version-1 brief) numbers its sentences ``s1, s2, ...`` as before, and every
other source prefixes them with its own id (``src2:s1``), so ids stay stable when sources
are reordered and a script written against one-article briefs keeps working.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.core.anchor import FIRST_SOURCE, Sentence, sentence_id
from briefing.core.resolve import SentenceIndex
from briefing.core.segment import split_sentences

SOURCE_FIELDS = ("title", "outlet", "author", "published", "url")
SOURCE_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")


def sentence_prefix(source_id: str) -> str:
    """What a source's sentence ids start with: nothing for src1, "<id>:" for the others."""
    return "" if source_id == FIRST_SOURCE else f"{source_id}:"


def source_of_sentence(sid: str) -> str:
    """The id of the source a sentence id belongs to ("src2:s4" -> "src2", "s4" -> "src1")."""
    head, colon, _ = sid.rpartition(":")
    return head if colon else FIRST_SOURCE


def sentence_number(sid: str) -> int:
    """A sentence's place in its own source, from 1 ("src2:s4" -> 4)."""
    return int(sid.rpartition(":")[2][1:])


def index_of(text: str, source_id: str = FIRST_SOURCE) -> SentenceIndex:
    """A text segmented into its sentences, with ids as the given source numbers them."""
    prefix = sentence_prefix(source_id)
    return SentenceIndex(text, [Sentence(prefix + sentence_id(i), s, e, text[s:e])
                                for i, (s, e) in enumerate(split_sentences(text))])


@dataclass
class Source:
    """One report: text (never edited in the app, only replaced by an update), metadata,
    and its sentences, segmented on first use after the text or the id changes.

    Two sources are equal when their id, text and metadata are."""
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""  # as the analyst typed it, ideally ISO 8601 (2024-10-25)
    url: str = ""
    id: str = ""         # given by the brief when the source is added
    reliability: str = "F"   # Admiralty A-F (items.SOURCE_RELIABILITY); F: cannot be judged
    _index: SentenceIndex | None = field(default=None, init=False, repr=False, compare=False)
    _by_id: dict[str, Sentence] = field(default_factory=dict, init=False, repr=False,
                                        compare=False)

    def __setattr__(self, name: str, value) -> None:
        if name in ("text", "id"):
            object.__setattr__(self, "_index", None)
        object.__setattr__(self, name, value)

    @property
    def index(self) -> SentenceIndex:
        if self._index is None:
            index = index_of(self.text, self.id or FIRST_SOURCE)
            object.__setattr__(self, "_index", index)
            object.__setattr__(self, "_by_id", {s.id: s for s in index.sentences})
        return self._index  # type: ignore[return-value]

    @property
    def sentences(self) -> list[Sentence]:
        return self.index.sentences

    def sentence(self, sid: str) -> Sentence | None:
        self.index
        return self._by_id.get(sid)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a code point offset, if any."""
        return self.index.at(offset)

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        """Whole sentences touched by [start, end): a selection snaps to these."""
        return [s for s in self.sentences if s.start < max(end, start + 1) and s.end > start]

    @property
    def label(self) -> str:
        """How the source is named in lists and footnotes: title, else outlet, else id."""
        return self.title.strip() or self.outlet.strip() or self.id

    @property
    def short_label(self) -> str:
        """A badge-sized name: the outlet when it is short ("TASS"), else the label, cut to
        twenty characters."""
        outlet = " ".join(self.outlet.split())
        name = outlet if 0 < len(outlet) <= 24 else " ".join(self.label.split())
        return name if len(name) <= 20 else name[:19] + "…"

    def metadata(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in SOURCE_FIELDS}

    def copy(self, **changes: str) -> "Source":
        """A detached copy (same id), with some fields changed: exports cut long fields."""
        values = {"text": self.text, **self.metadata(), "id": self.id,
                  "reliability": self.reliability, **changes}
        return Source(**values)
