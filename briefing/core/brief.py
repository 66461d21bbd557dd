"""The brief: metadata, four sections of items, and every operation an analyst can do.

Each operation returns what its inverse needs (old value, old position), so the UI's undo
commands are thin wrappers: redo calls the operation, undo calls its inverse. Changes are
announced through plain signals so Qt models can follow without the core knowing Qt.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Iterable

from briefing.core.anchor import Citation, Sentence, cite
from briefing.core.article import ARTICLE_FIELDS, Article
from briefing.core.events import Signal
from briefing.core.items import MARKINGS, Item, check_value, new_fields
from briefing.core.resolve import Resolution, SentenceIndex, resolve
from briefing.core.sections import KINDS, section_for

META_FIELDS = ("title", "analyst", "marking", "summary")


def unique_citations(citations: Iterable[Citation]) -> list[Citation]:
    """Citations with repeats of the same quote at the same place dropped, order kept."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for c in citations:
        key = (c.start, c.end, c.exact)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class BriefModel:
    """A brief over one article. Not Qt; load/save live in briefing.io."""

    def __init__(self, article: Article, *, title: str = "", analyst: str = "",
                 marking: str = "TLP:CLEAR", summary: str = "", created: str | None = None,
                 modified: str | None = None, clock: Callable[[], str] = utc_now) -> None:
        self.article = article
        self.title = title
        self.analyst = analyst
        self.marking = marking
        self.summary = summary
        self.clock = clock
        self.created = created or clock()
        self.modified = modified or self.created
        self.sections: dict[str, list[Item]] = {kind: [] for kind in KINDS}
        self._by_id: dict[str, Item] = {}
        self._next_id = 1
        self._index: SentenceIndex | None = None
        self._by_sentence: dict[str, Sentence] = {}
        self._resolved: dict[Citation, Resolution] = {}
        self._citing: dict[str, list[Item]] | None = None
        self._per_item: dict[int, tuple] = {}  # id(item) -> (trusted ids, to review, item)
        # (kind, index) before a row appears/disappears, then (kind, index, item) after.
        self.about_to_insert, self.inserted = Signal(), Signal()
        self.about_to_remove, self.removed = Signal(), Signal()
        self.item_changed = Signal()   # (item, field name or "citations")
        self.meta_changed = Signal()   # (name) e.g. "title", "article.outlet"
        self.article_changed = Signal()  # () the text was replaced: every citation re-resolved

    # ---- sentences -------------------------------------------------------------------
    @property
    def index(self) -> SentenceIndex:
        """The article's sentences and lookups, segmented on first use after a text change."""
        if self._index is None:
            self._index = SentenceIndex.of(self.article.text)
            self._by_sentence = {s.id: s for s in self._index.sentences}
        return self._index

    @property
    def sentences(self) -> list[Sentence]:
        return self.index.sentences

    def sentence(self, sid: str) -> Sentence:
        self.index
        try:
            return self._by_sentence[sid]
        except KeyError:
            raise ValueError(f"no sentence {sid!r} in the article") from None

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a code point offset, if any."""
        return self.index.at(offset)

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        """Whole sentences touched by [start, end): a selection snaps to these."""
        return [s for s in self.sentences if s.start < max(end, start + 1) and s.end > start]

    # ---- items -----------------------------------------------------------------------
    @property
    def items(self) -> list[Item]:
        return [item for kind in KINDS for item in self.sections[kind]]

    def item(self, item_id: str) -> Item:
        try:
            return self._by_id[item_id]
        except KeyError:
            raise ValueError(f"no item {item_id!r} in the brief") from None

    def position(self, item_id: str) -> tuple[str, int]:
        item = self.item(item_id)
        return item.kind, self.sections[item.kind].index(item)

    def new_item(self, kind: str, text: str, sentence_ids: Iterable[str] = ()) -> Item:
        """A fresh item not yet in the brief (the undo command inserts it)."""
        section_for(kind)
        item = Item(f"item-{self._next_id}", kind, new_fields(kind, text))
        self._next_id += 1
        item.citations = self.citations_for(sentence_ids)
        return item

    def add_item(self, kind: str, text: str, sentence_ids: Iterable[str] = ()) -> Item:
        item = self.new_item(kind, text, sentence_ids)
        self.insert_item(item)
        return item

    def insert_item(self, item: Item, index: int | None = None) -> None:
        if item.id in self._by_id:
            raise ValueError(f"item {item.id!r} is already in the brief")
        items = self.sections[section_for(item.kind).kind]
        index = len(items) if index is None else max(0, min(index, len(items)))
        self.about_to_insert.emit(item.kind, index)
        items.insert(index, item)
        self._by_id[item.id] = item
        self._bump_id(item.id)
        self._changed(citations=True)
        self.inserted.emit(item.kind, index, item)

    def remove_item(self, item_id: str) -> tuple[str, int, Item]:
        kind, index = self.position(item_id)
        self.about_to_remove.emit(kind, index)
        item = self.sections[kind].pop(index)
        del self._by_id[item_id]
        self._changed(citations=True)
        self.removed.emit(kind, index, item)
        return kind, index, item

    def move_item(self, item_id: str, kind: str, index: int) -> tuple[str, int, Item]:
        """Reorder, or move to another section (fields of the new kind start from defaults,
        the headline text, note and citations carry over). Returns the old placement."""
        old_kind, old_index, old = self.remove_item(item_id)
        moved = old if kind == old_kind else Item(
            old.id, kind, new_fields(kind, old.text), old.note, list(old.citations))
        self.insert_item(moved, index)
        return old_kind, old_index, old

    def set_field(self, item_id: str, name: str, value: str) -> str:
        item = self.item(item_id)
        check_value(item.kind, name, value)
        old = item.get(name)
        if name == "note":
            item.note = value
        else:
            item.fields[name] = value
        self._changed()
        self.item_changed.emit(item, name)
        return old

    # ---- citations -------------------------------------------------------------------
    def resolution(self, c: Citation) -> Resolution:
        """Where a citation points now (resolved from its quote; the stored id is ignored).
        A review status recorded by an article update stands until the analyst settles it."""
        found = self._resolved.get(c)
        if found is None:
            found = resolve(self.index, c)
            if c.review and c.review != found.status:
                keep = None if c.review == "orphaned" else found.sentence
                found = Resolution(c.review, keep, found.similarity)
            self._resolved[c] = found
        return found

    def trusted_sentence(self, c: Citation) -> Sentence | None:
        """The sentence a citation may be shown as citing; None when it needs review."""
        return self.resolution(c).trusted

    def sentence_ids_of(self, item: Item) -> list[str]:
        """The sentences an item cites, for highlighting and export: trusted ones only."""
        return list(self._item_summary(item)[0])

    def review_count(self, item: Item) -> int:
        """How many of the item's citations need review (the badge on its row)."""
        return self._item_summary(item)[1]

    def _item_summary(self, item: Item) -> tuple[list[str], int]:
        """Per item, cached until citations or the text change: a claim citing 50,000
        sentences is asked on every paint of its row and every selection."""
        found = self._per_item.get(id(item))
        if found is None or found[2] is not item:
            ids, review = [], 0
            for c in item.citations:
                r = self.resolution(c)
                if r.needs_review:
                    review += 1
                elif r.sentence is not None:
                    ids.append(r.sentence.id)
            found = self._per_item[id(item)] = (ids, review, item)
        return found[0], found[1]

    def needing_review(self) -> list[tuple[Item, int, Citation, Resolution]]:
        """Citations that are fuzzy, ambiguous or orphaned, in brief order."""
        out = []
        for item in self.items:
            for n, c in enumerate(item.citations):
                r = self.resolution(c)
                if r.needs_review:
                    out.append((item, n, c, r))
        return out

    def citations_for(self, sentence_ids: Iterable[str]) -> list[Citation]:
        """Fresh citations of these sentences, in reading order, no repeats."""
        text = self.article.text
        unique = dict.fromkeys(sentence_ids)
        cited = sorted((self.sentence(sid) for sid in unique), key=lambda s: s.start)
        return [cite(text, s) for s in cited]

    def set_citations(self, item_id: str, citations: list[Citation]) -> list[Citation]:
        """Replace an item's citations (a second copy of the same anchor is merged away:
        an item never cites one sentence twice). Returns the old list, for undo."""
        item = self.item(item_id)
        old, item.citations = item.citations, unique_citations(citations)
        self._changed(citations=True)
        self.item_changed.emit(item, "citations")
        return old

    def link(self, item_id: str, sentence_ids: Iterable[str]) -> list[Citation]:
        """Add sentences to an item's sources (kept in reading order). Returns the old list."""
        item = self.item(item_id)
        have = set(self.sentence_ids_of(item))
        added = self.citations_for(sid for sid in sentence_ids if sid not in have)
        return self.set_citations(item_id, sorted(item.citations + added, key=lambda c: c.start))

    def unlink(self, item_id: str, sentence_id_: str) -> list[Citation]:
        """Remove the item's citations of one (trusted) sentence. Returns the old list."""
        item = self.item(item_id)
        return self.set_citations(
            item_id, [c for c in item.citations
                      if getattr(self.trusted_sentence(c), "id", None) != sentence_id_])

    def _citing_index(self) -> dict[str, list[Item]]:
        """Sentence id -> items citing it (trusted citations only), in brief order."""
        if self._citing is None:
            citing: dict[str, list[Item]] = {}
            for item in self.items:
                for sid in dict.fromkeys(self.sentence_ids_of(item)):
                    citing.setdefault(sid, []).append(item)
            self._citing = citing
        return self._citing

    def items_citing(self, sid: str) -> list[Item]:
        """Items citing a sentence, in brief order (click-to-select cycles through these)."""
        return list(self._citing_index().get(sid, ()))

    def cited_sentence_ids(self) -> set[str]:
        return set(self._citing_index())

    # ---- the article text ------------------------------------------------------------
    def replace_article(self, text: str, citations: dict[str, list[Citation]]
                        ) -> tuple[str, dict[str, list[Citation]]]:
        """Swap in a new article text and the items' citations that go with it (an update,
        or its undo). Returns the old text and citations, so the inverse is the same call."""
        old_text = self.article.text
        old = {item_id: self.item(item_id).citations for item_id in citations}
        self.article.text = text
        for item_id, cits in citations.items():
            self.item(item_id).citations = list(cits)
        self._index, self._by_sentence, self._resolved = None, {}, {}
        self._per_item = {}
        self._changed(citations=True)
        self.article_changed.emit()
        return old_text, old

    def set_article_text(self, text: str) -> str:
        """Replace the text and keep every stored citation (they re-resolve). Returns the old."""
        return self.replace_article(text, {})[0]

    # ---- metadata --------------------------------------------------------------------
    def set_meta(self, name: str, value: str) -> str:
        """Brief metadata (title, analyst, marking, summary) or article.<field>."""
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string")
        if name.startswith("article."):
            field = name[len("article."):]
            if field not in ARTICLE_FIELDS:
                raise ValueError(f"the article has no field {field!r}")
            target = self.article
        elif name in META_FIELDS:
            field, target = name, self
            if name == "marking" and value not in MARKINGS:
                raise ValueError(f"marking must be one of: {', '.join(MARKINGS)}")
        else:
            raise ValueError(f"the brief has no field {name!r}")
        old = getattr(target, field)
        setattr(target, field, value)
        self._changed()
        self.meta_changed.emit(name)
        return old

    # ---- bookkeeping -----------------------------------------------------------------
    def _changed(self, citations: bool = False) -> None:
        self.modified = self.clock()
        if citations:
            self._citing = None
            self._per_item = {}

    def reindex(self) -> None:
        """Rebuild lookups after sections were filled directly (as the file loader does)."""
        self._by_id = {item.id: item for item in self.items}
        for item_id in self._by_id:
            self._bump_id(item_id)
        self._citing = None
        self._per_item = {}

    def _bump_id(self, item_id: str) -> None:
        tail = item_id.rsplit("-", 1)[-1]
        if tail.isdigit():
            self._next_id = max(self._next_id, int(tail) + 1)

    def counts(self) -> dict[str, int]:
        return {kind: len(self.sections[kind]) for kind in KINDS}
