"""The scripting API: `from briefing import Brief`. Adds files to the Qt-free core brief."""
from __future__ import annotations

import os

from briefing.core.article import Article, normalise_text
from briefing.core.brief import BriefModel
from briefing.core.checks import report
from briefing.core.update import UpdatePlan, apply_update, plan_update
from briefing.io import brief_file
from briefing.io.article_import import read_article


class Brief(BriefModel):
    """A brief about one article: sentences, items, citations; load and save .brief files."""

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
        findings (`uncited`, `citation-review`): the object `briefing check --json` prints."""
        return report(self, self.path)

    def plan_update(self, text: str) -> UpdatePlan:
        """What replacing the article with `text` would do to each citation (no change yet)."""
        return plan_update(self, normalise_text(text))

    def update_article(self, text: str) -> dict:
        """Replace the article text, re-anchor every citation, and return the check object
        with the statuses the update found (needs-review citations keep their quotes)."""
        plan = self.plan_update(text)
        apply_update(self, plan)
        rows = [(row.item, row.index, row.new, row.resolution) for row in plan.rows]
        return report(self, self.path, rows)
