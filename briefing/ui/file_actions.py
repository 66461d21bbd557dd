"""Open, save, save-as, new-from-article and the unsaved-changes prompt.

Kept apart from the window so the rules live in one place: nothing is written over a file
the user did not choose, every failure is a dialog with the core's one-line message, and a
file changed on disk by another program is never overwritten without asking.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.api import Brief
from briefing.io import brief_file
from briefing.io.errors import BriefingFileError, ReadOnlyError
from briefing.io.importers import ImportCancelled, suffixes
from briefing.io.importers.clipboard import import_clipboard
from briefing.io.article_import import article_from
from briefing.ui import ops
from briefing.ui.article_loader import load_article
from briefing.ui.brief_loader import load_brief
from briefing.ui.dialogs import Answer

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

ARTICLE_SUFFIXES = set(suffixes())   # from the importer registry (io/importers)


def save_asking(dialogs, path: str, write):
    """write(replace_read_only) for a file; a read-only target is replaced only after the
    analyst says so (None when they decline). Other failures raise BriefingFileError."""
    try:
        return write(False)
    except ReadOnlyError:
        if not dialogs.confirm("Replace read-only file?",
                               f"“{Path(path).name}” is read-only. Replace it anyway?"):
            return None
        return write(True)


class FileActions:
    def __init__(self, window: "MainWindow") -> None:
        self.w = window
        self.path: str | None = None     # None: never saved (a new brief from an article)
        self.disk_hash: str | None = None  # sha256 of the file as last loaded or saved

    # ---- names -----------------------------------------------------------------------
    def display_name(self) -> str:
        if self.path:
            return Path(self.path).name
        return (self.w.brief.title or self.w.brief.article.title or "Untitled") + ".brief"

    def suggested_path(self) -> str:
        if self.path:
            return self.path
        stem = "".join(c if c.isalnum() or c in " -_" else " " for c in self.display_name()[:-6])
        return str(Path(self.w.settings.last_folder() or Path.home()) / f"{stem.strip() or 'brief'}.brief")

    # ---- opening ---------------------------------------------------------------------
    def load(self, path: str, article: bool = False) -> bool:
        """Open a .brief or start a brief over an article; errors become a dialog."""
        try:
            if article or Path(path).suffix.lower() in ARTICLE_SUFFIXES:
                brief, file_path, digest = Brief(load_article(self.w, path)), None, None
            else:
                brief, digest = load_brief(self.w, path)   # large ones on a worker
                file_path = os.path.abspath(path)
        except ImportCancelled:
            self.w.statusBar().showMessage("Import cancelled.", 4000)
            return False
        except BriefingFileError as exc:
            self.w.dialogs.error(str(exc))
            return False
        self.path, self.disk_hash = file_path, digest
        self.w.set_brief(brief)
        self.w.settings.set_last_folder(str(Path(path).resolve().parent))
        if file_path:
            self.w.remember_recent(file_path)
        return True

    def open(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = path or self.w.dialogs.open_brief_path(self.w.settings.last_folder())
        return bool(path) and self.load(path)

    def new_from_article(self, path: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        path = self._article_path(path, self.w.dialogs.article_path, " (use Open)")
        return bool(path) and self.load(path, article=True)

    def _article_path(self, path: str | None, ask, hint: str = "") -> str | None:
        """The article file given, or asked for; None (after saying why) for a .brief."""
        path = path or ask(self.w.settings.last_folder())
        if path and Path(path).suffix.lower() == ".brief":
            self.w.dialogs.error(f"{path}: is a brief, not an article{hint}")
            return None
        return path or None

    def new_from_clipboard(self, html: str | None = None, text: str | None = None) -> bool:
        """A new brief over what was copied: HTML through the web importer, else text."""
        if not self.maybe_save():
            return False
        if html is None and text is None:
            from PySide6.QtGui import QGuiApplication
            mime = QGuiApplication.clipboard().mimeData()
            html = mime.html() if mime is not None and mime.hasHtml() else None
            text = mime.text() if mime is not None and mime.hasText() else None
        try:
            article = article_from(import_clipboard(html, text), "Pasted article")
        except BriefingFileError as exc:
            self.w.dialogs.error(str(exc))
            return False
        self.path, self.disk_hash = None, None
        self.w.set_brief(Brief(article))
        return True

    def add_sources(self, paths: list[str] | None = None) -> list[str]:
        """Add report files to the brief as sources (one undo step); a file that cannot be
        read is reported and the others are added. Returns the new sources' ids."""
        if paths is None:
            paths = self.w.dialogs.source_paths(self.w.settings.last_folder())
        sources = []
        for path in paths:
            if Path(path).suffix.lower() == ".brief":
                self.w.dialogs.error(f"{path}: is a brief, not a report to add as a source")
                continue
            try:
                report = load_article(self.w, path)
            except ImportCancelled:
                self.w.statusBar().showMessage("Import cancelled.", 4000)
                break
            except BriefingFileError as exc:
                self.w.dialogs.error(str(exc))
                continue
            sources.append(self.w.brief.new_source(report.text, **report.metadata()))
        ops.add_sources(self.w.brief, self.w.undo_stack, sources)
        if sources:
            self.w.settings.set_last_folder(str(Path(paths[0]).resolve().parent))
            self.w.article_view.show_source(sources[0].id)
            names = ", ".join(f"“{s.label}”" for s in sources)
            self.w.statusBar().showMessage(f"Added {len(sources)} source{'s' if len(sources) != 1 else ''}: {names}", 6000)
        return [s.id for s in sources]

    def new_from_articles(self, paths: list[str]) -> bool:
        """A new brief over several reports: the first as its article, the rest as sources
        (the new brief's history starts with them, so undo cannot leave it empty)."""
        if not paths or not self.new_from_article(paths[0]):
            return False
        if len(paths) > 1:
            self.add_sources(paths[1:])
        return True

    def update_article(self, path: str | None = None, source_id: str | None = None) -> bool:
        """Replace the source shown (or the given one) with a new version of it, after the
        analyst has reviewed what happens to every citation (one undo step; Cancel changes
        nothing)."""
        source_id = source_id or self.w.article_view.source_id() or self.w.brief.article.id
        path = self._article_path(path, self.w.dialogs.update_article_path)
        if not path:
            return False
        try:
            text = load_article(self.w, path).text
        except ImportCancelled:
            self.w.statusBar().showMessage("Import cancelled.", 4000)
            return False
        except BriefingFileError as exc:
            self.w.dialogs.error(str(exc))
            return False
        plan = self.w.brief.plan_update(text, source_id)
        if plan.text == self.w.brief.source(source_id).text:
            self.w.statusBar().showMessage("That version is the source as it is: nothing to update.", 6000)
            return False
        if not self.w.dialogs.review_update(plan):
            self.w.statusBar().showMessage("Article update cancelled.", 4000)
            return False
        ops.update_article(self.w.brief, self.w.undo_stack, plan)
        review = len(self.w.brief.needing_review())
        self.w.statusBar().showMessage(
            f"Article updated from {Path(path).name}"
            + (f": {review} source{'s' if review != 1 else ''} to review (F8)." if review else "."), 8000)
        return True

    # ---- saving ----------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        path = self.w.dialogs.save_path(self.suggested_path())
        if not path:
            return False
        if Path(path).suffix.lower() != ".brief":
            path += ".brief"
            # the dialog asked about replacing the name typed, not the one we completed
            if os.path.lexists(path) and not self.w.dialogs.confirm(
                    "Replace file?", f"“{Path(path).name}” already exists. Replace it?"):
                return False
        return self.save_to(path, chosen=True)

    def save_to(self, path: str, chosen: bool = False) -> bool:
        if not chosen and self._changed_on_disk(path) and not self.w.dialogs.confirm(
                "File changed on disk",
                f"“{Path(path).name}” was changed by another program since you opened it. "
                "Overwrite it with your version?"):
            return False
        try:
            self.disk_hash = save_asking(self.w.dialogs, path,
                                         lambda force: brief_file.save(self.w.brief, path,
                                                                       replace_read_only=force))
        except BriefingFileError as exc:
            self.w.dialogs.error(str(exc))
            return False
        if self.disk_hash is None:
            return False
        self.path = os.path.abspath(path)
        self.w.undo_stack.setClean()
        self.w.remember_recent(self.path)
        self.w.saved()
        return True

    def _changed_on_disk(self, path: str) -> bool:
        """Compare a content hash, not only mtime: a touch is not a change, an edit is."""
        if self.disk_hash is None:
            return False
        try:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except FileNotFoundError:
            return False
        except OSError:
            return True
        return digest != self.disk_hash

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current brief (saved, discarded, or clean)."""
        if self.w.brief is None or self.w.undo_stack.isClean() and self.path is not None:
            return True
        if self.w.undo_stack.isClean() and self.path is None and self.w.undo_stack.count() == 0:
            return True  # a new brief nobody touched
        answer = self.w.dialogs.unsaved_changes(self.display_name())
        if answer is Answer.SAVE:
            return self.save()
        return answer is Answer.DISCARD
