"""The scripting API: `from briefing import Brief`. Adds files to the Qt-free core brief."""
from __future__ import annotations

import os

from briefing.core.article import Article, normalise_text
from briefing.core.brief import BriefModel
from briefing.core.checks import report
from briefing.core.items import Item, check_value
from briefing.core.source import Source
from briefing.core.suggest import Suggestion, suggest
from briefing.core.update import UpdatePlan, apply_update, plan_update
from briefing.io import brief_file
from briefing.io.article_import import read_article


class Brief(BriefModel):
    """A brief over one or more sources (reports): sentences, items, citations; load and
    save .brief files. `brief.article` is the first source."""

    @classmethod
    def from_text(cls, text: str, title: str = "", **meta: str) -> "Brief":
        """A new, empty brief over an article given as text (line endings normalised).

        Keyword arguments set article metadata: outlet, author, published, url."""
        return cls(Article(text=normalise_text(text), title=title, **meta))

    @classmethod
    def from_article_file(cls, path: str | os.PathLike) -> "Brief":
        """A new brief over an article file: web page, MHTML, PDF, DOCX, ODT, or text in any
        common encoding; the article's metadata (title, author, outlet, date, URL) filled."""
        return cls(read_article(path))

    @classmethod
    def from_files(cls, paths) -> "Brief":
        """A new brief over several report files, one source each, in the order given."""
        paths = list(paths)
        if not paths:
            raise ValueError("a brief needs at least one source file")
        brief = cls(read_article(paths[0]))
        for path in paths[1:]:
            brief.add_source_file(path)
        return brief

    def add_source_text(self, text: str, title: str = "", **meta: str) -> Source:
        """Add a report given as text (line endings normalised) as the brief's last source.
        Keyword arguments set its metadata: outlet, author, published, url. Returns the
        Source (`.id`, `.title`, `.text`, `.sentences`)."""
        if not isinstance(text, str) or not text.strip():
            raise ValueError("a source needs some text")
        return self.add_source(self.new_source(normalise_text(text), title=title, **meta))

    def add_source_file(self, path: str | os.PathLike) -> Source:
        """Add a report file (any format `from_article_file` reads) as the last source."""
        report = read_article(path)
        return self.add_source(self.new_source(report.text, **report.metadata()))

    path: str | None = None  # the file it was loaded from or last saved to

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Brief":
        """Read a .brief file; bad files raise BriefingFileError with a one-line message."""
        brief = brief_file.load(path, cls)[0]
        brief.path = os.fspath(path)
        return brief

    def save(self, path: str | os.PathLike) -> None:
        """Write atomically: a crash leaves the old file or the new one, never a torn one."""
        brief_file.save(self, path)
        self.path = os.fspath(path)

    def check(self) -> dict:
        """Every citation's status (exact, moved, fuzzy, ambiguous, orphaned) and the
        findings of every rule (briefing.core.checks.RULES): the object `briefing check
        --json` prints."""
        return report(self, self.path)

    def suggest(self) -> list[Suggestion]:
        """Actors, attributed claims and open questions proposed from the sources, offline,
        each with `.kind`, `.text`, `.sentence_ids`, `.reason`, `.fields` and `.key`;
        suggestions dismissed (`dismiss(key)`) or already in the brief are left out."""
        return suggest(self, frozenset(self.dismissed))

    def accept(self, suggestion: Suggestion) -> Item:
        """Make a suggestion an item: its text, fields and citations."""
        item = self.new_item(suggestion.kind, suggestion.text, suggestion.sentence_ids)
        for name, value in suggestion.fields.items():
            check_value(item.kind, name, value)
            item.fields[name] = value
        self.insert_item(item)
        return item

    def dismiss(self, key: str) -> None:
        """Remember that a suggestion was dismissed (saved with the brief)."""
        self.set_dismissed(key, True)

    def plan_update(self, text: str, source: str | None = None) -> UpdatePlan:
        """What replacing a source's text (default: the first source's) with `text` would
        do to each of its citations (no change yet)."""
        return plan_update(self, normalise_text(text), source)

    def update_article(self, text: str, source: str | None = None) -> dict:
        """Replace a source's text (default: the first), re-anchor its citations, and
        return the check object with the statuses the update found (needs-review
        citations keep their quotes)."""
        plan = self.plan_update(text, source)
        apply_update(self, plan)
        rows = [(row.item, row.index, row.new, row.resolution) for row in plan.rows]
        return report(self, self.path, rows)
