"""The brief: metadata, its sources, four sections of items, and every operation an
analyst can do.

Each operation returns what its inverse needs (old value, old position), so the UI's undo
commands are thin wrappers: redo calls the operation, undo calls its inverse. Changes are
announced through plain signals so Qt models can follow without the core knowing Qt.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable, Iterable

from briefing.core.anchor import FIRST_SOURCE, Citation, Sentence, cite
from briefing.core.events import Signal
from briefing.core.items import (MARKINGS, RELIABILITY, SOURCE_RELIABILITY, Item, admiralty_grade,
                                 check_value, new_fields)
from briefing.core.resolve import Resolution, SentenceIndex, resolve
from briefing.core.sections import KINDS, section_for
from briefing.core.source import SOURCE_FIELDS, SOURCE_ID, Source, source_of_sentence

META_FIELDS = ("title", "analyst", "marking", "summary")


def unique_citations(citations: Iterable[Citation]) -> list[Citation]:
    """Citations with repeats of the same quote at the same place dropped, order kept."""
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for c in citations:
        key = (c.source, c.start, c.end, c.exact)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


_ORPHAN = Resolution("orphaned", None, 0.0)


class BriefModel:
    """A brief over one or more sources. Not Qt; load/save live in briefing.io."""

    def __init__(self, article: Source | None = None, *, sources: Iterable[Source] = (),
                 title: str = "", analyst: str = "",
                 marking: str = "TLP:CLEAR", summary: str = "", created: str | None = None,
                 modified: str | None = None, clock: Callable[[], str] = utc_now) -> None:
        self.sources: list[Source] = []
        self._source_by_id: dict[str, Source] = {}
        self._next_source = 1
        for source in ([article] if article is not None else []) + list(sources):
            self._adopt(source)
            self.sources.append(source)
        if not self.sources:
            raise ValueError("a brief needs at least one source")
        self.title = title
        self.analyst = analyst
        self.marking = marking
        self.summary = summary
        self.clock = clock
        self.created = created or clock()
        self.modified = modified or self.created
        self.sections: dict[str, list[Item]] = {kind: [] for kind in KINDS}
        self.dismissed: list[str] = []   # keys of suggestions the analyst dismissed
        self._by_id: dict[str, Item] = {}
        self._next_id = 1
        self._resolved: dict[Citation, Resolution] = {}
        self._citing: dict[str, list[Item]] | None = None
        self._per_item: dict[int, list] = {}  # id(item) -> _item_summary
        self._review_total: int | None = None
        # (kind, index) before a row appears/disappears, then (kind, index, item) after.
        self.about_to_insert, self.inserted = Signal(), Signal()
        self.about_to_remove, self.removed = Signal(), Signal()
        self.item_changed = Signal()   # (item, field name or "citations")
        self.meta_changed = Signal()   # (name) e.g. "title", "article.outlet", "source.src2.url"
        self.article_changed = Signal()  # () a source's text was replaced: citations re-resolved
        self.sources_changed = Signal()  # () a source was added, removed or moved
        self.dismissed_changed = Signal()  # () a suggestion was dismissed or brought back

    # ---- sources ---------------------------------------------------------------------
    @property
    def article(self) -> Source:
        """The first source: the article of a brief made before briefs had several."""
        return self.sources[0]

    def source(self, source_id: str) -> Source:
        try:
            return self._source_by_id[source_id]
        except KeyError:
            raise ValueError(f"no source {source_id!r} in the brief") from None

    def has_source(self, source_id: str) -> bool:
        return source_id in self._source_by_id

    def source_of(self, sid: str) -> Source:
        """The source a sentence id belongs to."""
        source = self._source_by_id.get(source_of_sentence(sid))
        if source is None:
            raise ValueError(f"no sentence {sid!r} in the brief")
        return source

    def _adopt(self, source: Source) -> None:
        """Give a source its id (a fresh one if it has none) and register it."""
        if not isinstance(source, Source):
            raise TypeError("a source must be a briefing Source")
        if not source.id:
            source.id = self._fresh_source_id()
        elif not SOURCE_ID.fullmatch(source.id):
            raise ValueError(f"bad source id {source.id!r} (letters, digits, _ . - only)")
        if source.id in self._source_by_id:
            raise ValueError(f"source {source.id!r} is already in the brief")
        self._source_by_id[source.id] = source
        tail = source.id[3:] if source.id.startswith("src") else ""
        if tail.isdigit():
            self._next_source = max(self._next_source, int(tail) + 1)

    def _fresh_source_id(self) -> str:
        while f"src{self._next_source}" in self._source_by_id:
            self._next_source += 1
        return f"src{self._next_source}"

    def new_source(self, text: str, **meta: str) -> Source:
        """A source with a fresh id, not yet in the brief (the undo command inserts it)."""
        unknown = set(meta) - {*SOURCE_FIELDS, SOURCE_RELIABILITY.name}
        if unknown:
            raise ValueError(f"a source has no field {sorted(unknown)[0]!r}")
        if "reliability" in meta and meta["reliability"] not in RELIABILITY:
            raise ValueError(f"reliability must be one of: {', '.join(RELIABILITY)}")
        source = Source(text, **meta)
        source.id = self._fresh_source_id()
        self._next_source += 1   # a second new source before this one is added differs
        return source

    def insert_source(self, source: Source, index: int | None = None,
                      citations: dict[str, list[Citation]] | None = None) -> None:
        """Add a source at index (default: last). `citations` restores items' citation
        lists as they were before the source was removed (the undo of remove_source)."""
        self._adopt(source)
        index = len(self.sources) if index is None else max(0, min(index, len(self.sources)))
        self.sources.insert(index, source)
        for item_id, cits in (citations or {}).items():
            self.item(item_id).citations = list(cits)
        self._resolved = {c: r for c, r in self._resolved.items() if c.source != source.id}
        self._changed(citations=True)
        self.sources_changed.emit()
        if citations:
            self.article_changed.emit()

    def add_source(self, source: Source) -> Source:
        self.insert_source(source)
        return source

    def remove_source(self, source_id: str) -> tuple[int, Source, dict[str, list[Citation]]]:
        """Remove a source and every citation of it (the last source cannot go).
        Returns its place, the source and the items' old citation lists, for undo."""
        source = self.source(source_id)
        if len(self.sources) == 1:
            raise ValueError("a brief keeps at least one source")
        old = {item.id: item.citations for item in self.items
               if any(c.source == source_id for c in item.citations)}
        for item_id, cits in old.items():
            self.item(item_id).citations = [c for c in cits if c.source != source_id]
        index = self.sources.index(source)
        del self.sources[index]
        del self._source_by_id[source_id]
        self._resolved = {c: r for c, r in self._resolved.items() if c.source != source_id}
        self._changed(citations=True)
        self.sources_changed.emit()
        if old:
            self.article_changed.emit()
        return index, source, old

    def move_source(self, source_id: str, index: int) -> int:
        """Put a source at another place in the list; returns its old place."""
        source = self.source(source_id)
        old = self.sources.index(source)
        del self.sources[old]
        self.sources.insert(max(0, min(index, len(self.sources))), source)
        self._changed(citations=True)
        self.sources_changed.emit()
        return old

    def citations_of_source(self, source_id: str) -> int:
        """How many citations quote a source (removing a cited source asks first)."""
        return sum(c.source == source_id for item in self.items for c in item.citations)

    def coverage(self, source_id: str) -> tuple[int, int]:
        """(cited sentences, all sentences) of a source: "12 of 40 cited"."""
        source = self.source(source_id)
        cited = self._citing_index()
        return sum(s.id in cited for s in source.sentences), len(source.sentences)

    # ---- sentences -------------------------------------------------------------------
    @property
    def index(self) -> SentenceIndex:
        """The first source's sentences and lookups (one-article scripts use this)."""
        return self.article.index

    @property
    def sentences(self) -> list[Sentence]:
        """Every sentence of every source, sources in order."""
        if len(self.sources) == 1:
            return self.article.sentences
        return [s for source in self.sources for s in source.sentences]

    def sentence(self, sid: str) -> Sentence:
        found = self._source_by_id.get(source_of_sentence(sid))
        sentence = found.sentence(sid) if found is not None else None
        if sentence is None:
            raise ValueError(f"no sentence {sid!r} in the brief")
        return sentence

    def sentence_at(self, offset: int, source_id: str | None = None) -> Sentence | None:
        """The sentence containing a code point offset of a source (default: the first)."""
        return self._source_or_first(source_id).sentence_at(offset)

    def sentences_between(self, start: int, end: int, source_id: str | None = None) -> list[Sentence]:
        """Whole sentences of a source touched by [start, end): a selection snaps to these."""
        return self._source_or_first(source_id).sentences_between(start, end)

    def _source_or_first(self, source_id: str | None) -> Source:
        return self.article if source_id is None else self.source(source_id)

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
            source = self._source_by_id.get(c.source)
            if source is None:
                return _ORPHAN
            found = resolve(source.index, c)
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

    def citation_state(self, item: Item) -> object:
        """A token that stays the same object while the item's citations and what they
        resolve to are unchanged (caches of derived facts compare it by identity)."""
        return self._item_summary(item)

    def review_count(self, item: Item) -> int:
        """How many of the item's citations need review (the badge on its row)."""
        return self._item_summary(item)[1]

    def _item_summary(self, item: Item) -> list:
        """Per item, cached until citations or a text change: [trusted sentence ids,
        how many need review, its sources (filled on first ask), per citation its trusted
        sentence id or ""]. A claim citing 50,000 sentences is asked on every paint of its
        row and every selection."""
        found = self._per_item.get(id(item))
        if found is None or found[4] is not item:
            ids, review, per_citation = [], 0, []
            for c in item.citations:
                r = self.resolution(c)
                sid = r.sentence.id if r.sentence is not None and not r.needs_review else ""
                review += r.needs_review
                per_citation.append(sid)
                if sid:
                    ids.append(sid)
            found = self._per_item[id(item)] = [ids, review, None, per_citation, item]
        return found

    def review_total(self) -> int:
        """How many citations in the brief need review (the status bar's count), kept
        until citations or a text change: switching sources asks it every time."""
        if self._review_total is None:
            self._review_total = sum(self.review_count(item) for item in self.items)
        return self._review_total

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
        """Fresh citations of these sentences (of any sources), in reading order, no repeats."""
        cited = []
        for sid in dict.fromkeys(sentence_ids):
            source = self.source_of(sid)
            cited.append(cite(source.text, self.sentence(sid), source.id))
        return sorted(cited, key=self.reading_order)

    def reading_order(self, c: Citation) -> tuple[int, int]:
        """Sort key of a citation: its source's place in the brief, then its position."""
        source = self._source_by_id.get(c.source)
        return (self.sources.index(source) if source is not None else len(self.sources), c.start)

    def grade(self, item: Item) -> str:
        """A claim's Admiralty grade, "B2": the most reliable source its trusted citations
        quote (F when none), then its credibility. Empty for other kinds."""
        if item.kind != "claim":
            return ""
        grades = [self.source(sid).reliability for sid in self.source_ids_of(item)]
        return admiralty_grade(min(grades, default="F"), item.fields["credibility"])

    def source_ids_of(self, item: Item) -> list[str]:
        """The distinct sources an item's trusted citations quote, in source order:
        how many reports corroborate it. Cached with the item's summary (a claim citing
        50,000 sentences is asked on every paint of its row)."""
        summary = self._item_summary(item)
        if summary[2] is None:
            cited = {c.source for c, sid in zip(item.citations, summary[3]) if sid}
            summary[2] = [s.id for s in self.sources if s.id in cited]
        return list(summary[2])

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
        return self.set_citations(item_id, sorted(item.citations + added, key=self.reading_order))

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

    def citing_kinds(self, sentence_ids: Iterable[str]) -> dict[str, str]:
        """Sentence id -> kind of the first item, in brief order, citing it (trusted
        citations only), for the given sentences: the article pane's tints of one source."""
        citing = self._citing_index()
        return {sid: found[0].kind for sid in sentence_ids if (found := citing.get(sid))}

    # ---- a source's text ------------------------------------------------------------
    def replace_source_text(self, source_id: str, text: str,
                            citations: dict[str, list[Citation]]
                            ) -> tuple[str, dict[str, list[Citation]]]:
        """Swap in a new text for one source and the items' citations that go with it (an
        update, or its undo). Returns the old text and citations: the inverse is the same call."""
        source = self.source(source_id)
        old_text = source.text
        old = {item_id: self.item(item_id).citations for item_id in citations}
        source.text = text
        for item_id, cits in citations.items():
            self.item(item_id).citations = list(cits)
        self._resolved = {c: r for c, r in self._resolved.items() if c.source != source_id}
        self._changed(citations=True)
        self.article_changed.emit()
        return old_text, old

    def replace_article(self, text: str, citations: dict[str, list[Citation]]
                        ) -> tuple[str, dict[str, list[Citation]]]:
        """replace_source_text for the first source."""
        return self.replace_source_text(self.article.id, text, citations)

    def set_article_text(self, text: str) -> str:
        """Replace the first source's text and keep every stored citation (they re-resolve)."""
        return self.replace_article(text, {})[0]

    # ---- metadata --------------------------------------------------------------------
    def set_meta(self, name: str, value: str) -> str:
        """Brief metadata (title, analyst, marking, summary), article.<field> (the first
        source's) or source.<id>.<field>."""
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a string")
        if name.startswith(("article.", "source.")):
            target, field = self.meta_target(name)
            if field == SOURCE_RELIABILITY.name:
                if value not in RELIABILITY:
                    raise ValueError(f"reliability must be one of: {', '.join(RELIABILITY)}")
            elif field not in SOURCE_FIELDS:
                raise ValueError(f"a source has no field {field!r}")
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

    def meta_target(self, name: str) -> tuple[Source, str]:
        """The source and field a metadata name like "source.src2.title" refers to."""
        if name.startswith("article."):
            return self.article, name[len("article."):]
        source_id, _, field = name[len("source."):].rpartition(".")
        return self.source(source_id), field

    def get_meta(self, name: str) -> str:
        if name.startswith(("article.", "source.")):
            source, field = self.meta_target(name)
            return getattr(source, field)
        return getattr(self, name)

    # ---- suggestions the analyst dismissed ---------------------------------------------
    def set_dismissed(self, key: str, dismissed: bool) -> bool:
        """Remember (or forget) that a suggestion was dismissed; returns the old state."""
        was = key in self.dismissed
        if dismissed and not was:
            self.dismissed.append(key)
        elif was and not dismissed:
            self.dismissed.remove(key)
        if was != dismissed:
            self._changed()
            self.dismissed_changed.emit()
        return was

    # ---- bookkeeping -----------------------------------------------------------------
    def _changed(self, citations: bool = False) -> None:
        self.modified = self.clock()
        if citations:
            self._citing = None
            self._per_item = {}
            self._review_total = None

    def reindex(self) -> None:
        """Rebuild lookups after sections were filled directly (as the file loader does)."""
        self._by_id = {item.id: item for item in self.items}
        for item_id in self._by_id:
            self._bump_id(item_id)
        self._citing = None
        self._per_item = {}
        self._review_total = None

    def _bump_id(self, item_id: str) -> None:
        tail = item_id.rsplit("-", 1)[-1]
        if tail.isdigit():
            self._next_id = max(self._next_id, int(tail) + 1)

    def counts(self) -> dict[str, int]:
        return {kind: len(self.sections[kind]) for kind in KINDS}
