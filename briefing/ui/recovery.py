"""Autosave and crash recovery: unsaved work reaches disk within seconds of the last change.

Each running instance has its own session id and holds a QLockFile for it in the recovery
folder, so two instances never touch each other's files and a crashed instance's files are
recognised (its lock is stale). A recovery entry is an ordinary .brief file plus a small
JSON sidecar (what it was called, where it came from, when); both are written atomically.
"""
from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from briefing.api import Brief
from briefing.core.brief import utc_now
from briefing.io import brief_file
from briefing.io.atomic import write_atomic

log = logging.getLogger(__name__)
DEBOUNCE_MS = 2000  # well inside the 5 s promise, long enough not to write on every key


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    folder = Path(base) / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Entry:
    """One recoverable brief left by a session that is no longer running."""
    brief_path: Path
    meta_path: Path
    name: str
    saved_at: str
    original: str | None
    disk_hash: str | None

    def load(self) -> Brief:
        return brief_file.load(self.brief_path, Brief)[0]

    def discard(self) -> None:
        for path in (self.meta_path, self.brief_path):
            path.unlink(missing_ok=True)


class Session:
    """This instance's claim on the recovery folder (a held lock) and its file names."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_folder()
        self.id = uuid.uuid4().hex[:12]
        self.lock = QLockFile(str(self.folder / f"{self.id}.lock"))
        self.lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        self.lock.tryLock(0)

    def paths(self, slot: str) -> tuple[Path, Path]:
        stem = self.folder / f"{self.id}-{slot}"
        return stem.with_suffix(".brief"), stem.with_suffix(".json")

    def release(self) -> None:
        self.lock.unlock()


def _is_live(folder: Path, session_id: str) -> bool:
    """A session is live while its process holds its lock; QLockFile sees a dead pid's lock
    as stale and lets us take it over."""
    lock = QLockFile(str(folder / f"{session_id}.lock"))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()  # also removes the lock file
        return False
    return True


def pending(folder: Path | None = None, own: str = "") -> list[Entry]:
    """Recovery entries of sessions that are no longer running, newest first."""
    folder = folder or recovery_folder()
    entries = []
    for meta_path in folder.glob("*.json"):
        session_id = meta_path.stem.split("-", 1)[0]
        if session_id == own or _is_live(folder, session_id):
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            entries.append(Entry(meta_path.with_suffix(".brief"), meta_path, str(meta["name"]),
                                 str(meta["saved_at"]), meta.get("original"), meta.get("disk_hash")))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a half-written sidecar from a crash mid-write: not a recoverable entry
    return sorted(entries, key=lambda e: e.saved_at, reverse=True)


class Autosaver(QObject):
    """Debounced writer for one window's brief; `describe` gives (name, original, hash)."""

    def __init__(self, session: Session, slot: str, brief: Callable[[], Brief | None],
                 describe: Callable[[], tuple[str, str | None, str | None]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.brief, self.describe = session, brief, describe
        self.brief_path, self.meta_path = session.paths(slot)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.write_now)

    def changed(self, clean: bool) -> None:
        """Call on every change: a clean state removes the file, otherwise (re)arm the timer."""
        if clean:
            self.discard()
        else:
            self.timer.start()

    def write_now(self) -> None:
        brief = self.brief()
        if brief is None:
            return
        name, original, disk_hash = self.describe()
        try:
            write_atomic(self.brief_path, brief_file.dumps(brief))
            meta = {"name": name, "saved_at": utc_now(), "original": original, "disk_hash": disk_hash}
            write_atomic(self.meta_path, json.dumps(meta).encode("utf-8"))
        except OSError as exc:
            log.error("autosave failed: %s", exc.strerror or type(exc).__name__)

    def discard(self) -> None:
        self.timer.stop()
        self.meta_path.unlink(missing_ok=True)
        self.brief_path.unlink(missing_ok=True)

