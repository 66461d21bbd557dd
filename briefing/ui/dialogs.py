"""Every question the app asks the user, behind one seam so tests never block on a dialog.

The main window only talks to a `Dialogs` object; tests pass a `ScriptedDialogs` that
answers from queues and records what was shown.
"""
from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from briefing.io.importers import file_filters

log = logging.getLogger("briefing.errors")
BRIEF_FILTER = "Briefs (*.brief);;All files (*)"
ARTICLE_FILTER = file_filters()   # every format the importer registry reads


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs:
    """The real dialogs. Each returns None (or CANCEL) when the user backs out."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def open_brief_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open brief", folder, BRIEF_FILTER)
        return path or None

    def article_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, "New brief from article", folder, ARTICLE_FILTER)
        return path or None

    def save_path(self, suggested: str, title: str = "Save brief",
                  filters: str = BRIEF_FILTER) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None

    def update_article_path(self, folder: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, "Update source from a new version", folder, ARTICLE_FILTER)
        return path or None

    def source_paths(self, folder: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, "Add sources to the brief", folder, ARTICLE_FILTER)
        return list(paths)

    def review_update(self, plan) -> bool:
        """Show what an article update does to every source; True to apply it."""
        from briefing.ui.update_dialog import UpdateDialog
        dialog = UpdateDialog(plan, self.parent)
        try:
            return dialog.exec() == QDialog.Accepted
        finally:
            dialog.deleteLater()

    def unsaved_changes(self, name: str) -> Answer:
        box = QMessageBox(QMessageBox.Warning, "Unsaved changes",
                          f"Save changes to “{name}” before closing?",
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, self.parent)
        box.setInformativeText("Your changes will be lost if you don't save them.")
        box.setDefaultButton(QMessageBox.Save)
        choice = box.exec()
        return {QMessageBox.Save: Answer.SAVE, QMessageBox.Discard: Answer.DISCARD}.get(
            QMessageBox.StandardButton(choice), Answer.CANCEL)

    def confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self.parent, title, text) == QMessageBox.Yes

    def error(self, message: str) -> None:
        """Every error the user sees is also logged (quoted values redacted by the log)."""
        log.error("shown to user: %s", message)
        QMessageBox.critical(self.parent, "Briefing", message)

    def recover(self, name: str, saved_at: str) -> str:
        """'restore', 'discard' or 'later' for one brief a crashed session left behind."""
        box = QMessageBox(QMessageBox.Question, "Recover unsaved work",
                          f"Briefing closed unexpectedly while “{name}” had unsaved changes "
                          f"(last autosaved {saved_at.replace('T', ' ').replace('Z', ' UTC')}).",
                          QMessageBox.NoButton, self.parent)
        box.setInformativeText("Restore it now, discard it, or decide the next time Briefing starts.")
        restore = box.addButton("Restore", QMessageBox.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.DestructiveRole)
        box.addButton("Later", QMessageBox.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"


class ScriptedDialogs(Dialogs):
    """Answers from lists (first in, first out) and records errors: for tests and scripts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.paths: list[str | None] = []
        self.answers: list[Answer] = []
        self.confirms: list[bool] = []
        self.recoveries: list[str] = []
        self.updates: list[bool] = []     # answers to the update review (default: Cancel)
        self.reviewed: list = []          # the UpdateDialogs built for those answers
        self.errors: list[str] = []
        self.asked: list[str] = []

    def _next_path(self, what: str) -> str | None:
        self.asked.append(what)
        return self.paths.pop(0) if self.paths else None

    def open_brief_path(self, folder: str) -> str | None:
        return self._next_path("open")

    def article_path(self, folder: str) -> str | None:
        return self._next_path("article")

    def save_path(self, suggested: str, title: str = "Save brief", filters: str = BRIEF_FILTER):
        return self._next_path("save")

    def update_article_path(self, folder: str) -> str | None:
        return self._next_path("update")

    def source_paths(self, folder: str) -> list[str]:
        """The next entry of `paths`: a list of files, or one file."""
        got = self._next_path("sources")
        return [] if got is None else list(got) if isinstance(got, (list, tuple)) else [got]

    def review_update(self, plan) -> bool:
        """Builds the real review dialog (kept in `reviewed` for tests to read) without
        showing it, and answers from `updates`."""
        from briefing.ui.update_dialog import UpdateDialog
        self.asked.append("review update")
        self.reviewed.append(UpdateDialog(plan, self.parent))
        return self.updates.pop(0) if self.updates else False

    def unsaved_changes(self, name: str) -> Answer:
        self.asked.append("unsaved")
        return self.answers.pop(0) if self.answers else Answer.CANCEL

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append("confirm")
        return self.confirms.pop(0) if self.confirms else False

    def error(self, message: str) -> None:
        log.error("shown to user: %s", message)
        self.errors.append(message)

    def recover(self, name: str, saved_at: str) -> str:
        self.asked.append(f"recover {name}")
        return self.recoveries.pop(0) if self.recoveries else "later"
