"""Autosave and crash recovery: unsaved work reaches disk within 5 s of the first change.

Each running instance has its own session id and holds a QLockFile for it in the recovery
folder, so two instances never touch each other's files and a crashed instance's files are
recognised (its lock is stale).

A recovery entry is ONE file, `<session>-<slot>.recovery`, written atomically: a first line
of JSON metadata (what it was called, where it came from, when) and then the brief's own
bytes. The copy and its metadata cannot be separated by a crash or a full disk. Entries of
older versions (a `.brief` copy plus a `.json` sidecar) are still offered, from the copy
alone when the sidecar is missing or torn.

Timing is a debounce with a maximum wait: a pause of DEBOUNCE_MS writes, and steady typing
writes MAX_WAIT_MS after the first change not yet on disk. The brief is serialised on the
GUI thread (a snapshot: under 1 ms for the sample) and written and fsynced by one background
thread (10–20 ms for the sample, more on a slow disk), so writes stay in order. A failed
write is logged, reported through `statusChanged` until a write succeeds, and retried.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from briefing.api import Brief
from briefing.core.brief import utc_now
from briefing.io import brief_file
from briefing.io.atomic import write_atomic

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)
DEBOUNCE_MS = 2000  # a pause this long writes; long enough not to write on every key
MAX_WAIT_MS = 3000  # steady typing writes this long after the first unsaved change,
#                     leaving 2 s of the 5 s promise for the write and a busy event loop
RETRY_MS = 10000    # a failed autosave is tried again this often while work is unsaved
SUFFIX = ".recovery"
FORMAT = "briefing-recovery"
HEADER_LIMIT = 1024 * 1024  # the metadata line; paths and names are far shorter
STALE_TEMP_S = 60.0         # where flock is missing, a temp file this old is a leftover
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    folder = Path(base) / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def encode(meta: dict, brief_bytes: bytes) -> bytes:
    """One recovery file: a line of ASCII JSON (json escapes any line break) + the brief."""
    header = {"format": FORMAT, "version": 1, **meta}
    return json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n" + brief_bytes


def read_header(path: Path) -> dict | None:
    """The metadata line of a recovery file, or None if it is not one we can read."""
    try:
        with open(path, "rb") as handle:
            line = handle.readline(HEADER_LIMIT)
        meta = json.loads(line) if line.endswith(b"\n") else None
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        return None
    return meta


@dataclass
class Entry:
    """One recoverable brief left by a session that is no longer running."""
    path: Path
    name: str
    saved_at: str
    original: str | None
    disk_hash: str | None
    sidecar: Path | None = None  # older versions' entries: the .json beside the .brief

    def load(self) -> Brief:
        if self.path.suffix != SUFFIX:
            return brief_file.load(self.path, Brief)[0]
        data = brief_file.read_bytes(self.path, brief_file.MAX_FILE_BYTES + HEADER_LIMIT)
        return brief_file.parse(data.partition(b"\n")[2], self.path, Brief)

    def discard(self) -> None:
        for path in (self.sidecar, self.path):
            if path is not None:
                path.unlink(missing_ok=True)


class Session:
    """This instance's claim on the recovery folder (a held lock) and its file names.
    Starting one removes the temp files that autosaves killed mid-write left behind."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_folder()
        self.id = uuid.uuid4().hex[:12]
        self.lock = QLockFile(str(self.folder / f"{self.id}.lock"))
        self.lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        self.lock.tryLock(0)
        remove_stale_temp_files(self.folder)

    def path(self, slot: str) -> Path:
        return self.folder / f"{self.id}-{slot}{SUFFIX}"

    def release(self) -> None:
        self.lock.unlock()


def remove_stale_temp_files(folder: Path) -> int:
    """Remove temp files (`.*.tmp`) of atomic writes whose writer is gone; returns how many.

    Every writer holds an flock on its temp file until the rename, so a file we can lock has
    no writer left (a killed autosave, of any session): a live instance's is never touched."""
    removed = 0
    try:
        entries = [e for e in os.scandir(folder)
                   if e.name.startswith(".") and e.name.endswith(".tmp")]
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.is_file(follow_symlinks=False) and _writer_gone(entry.path):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def _writer_gone(path: str) -> bool:
    if fcntl is None:
        return time.time() - os.stat(path, follow_symlinks=False).st_mtime > STALE_TEMP_S
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError (an OSError): in use
        return True
    finally:
        os.close(fd)  # the unlink follows at once; a new writer makes a new file


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
    live: dict[str, bool] = {}

    def dead(path: Path) -> bool:
        session_id = path.stem.split("-", 1)[0]
        if session_id not in live:
            live[session_id] = session_id == own or _is_live(folder, session_id)
        return not path.name.startswith(".") and not live[session_id]

    entries = [e for p in folder.glob(f"*{SUFFIX}") if dead(p) and (e := _entry(p))]
    entries += [_legacy_entry(p) for p in folder.glob("*.brief") if dead(p)]
    return sorted(entries, key=lambda e: e.saved_at, reverse=True)


def _entry(path: Path) -> Entry | None:
    meta = read_header(path)
    if meta is None:
        return None  # cannot happen by design (one atomic write): not ours, or damaged
    return Entry(path, str(meta.get("name") or path.name),
                 str(meta.get("saved_at") or _mtime(path)), meta.get("original"),
                 meta.get("disk_hash"))


def _legacy_entry(brief_path: Path) -> Entry:
    """An older version's pair; the copy alone is enough when the sidecar was never written
    (disk full between the two) or is torn: it is offered under a plain name."""
    meta_path = brief_path.with_suffix(".json")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Entry(brief_path, str(meta["name"]), str(meta["saved_at"]), meta.get("original"),
                     meta.get("disk_hash"), meta_path)
    except (OSError, ValueError, KeyError, TypeError):
        return Entry(brief_path, "Unsaved brief (name not recorded)", _mtime(brief_path),
                     None, None, meta_path)


def _mtime(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return ""
    when = datetime.fromtimestamp(stamp, timezone.utc).replace(microsecond=0)
    return when.isoformat().replace("+00:00", "Z")  # as utc_now() writes it


class _Relay(QObject):
    """Carries a background write's outcome to the GUI thread: (slot key, seq, error)."""
    done = Signal(int, int, str)


_relay: _Relay | None = None
_keys = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()  # first made on the GUI thread, as every Autosaver is; never freed
    return _relay


class _DiskSlot:
    """The worker side of one autosaver: plain Python, so it outlives a closed window safely.
    Writes and removals take the lock; `floor` drops writes queued before a removal."""

    def __init__(self, path: Path) -> None:
        self.path, self.key = path, next(_keys)
        self.lock = threading.Lock()
        self.floor = 0

    def write(self, seq: int, data: bytes) -> None:  # on the writer thread
        with self.lock:
            if seq < self.floor:
                return  # the work was saved or discarded meanwhile
            try:
                write_atomic(self.path, data)
                error = ""
            except OSError as exc:
                error = exc.strerror or type(exc).__name__
            except Exception as exc:  # a bug must not pass silently on a background thread
                log.exception("autosave failed")
                error = type(exc).__name__
        _the_relay().done.emit(self.key, seq, error)

    def remove(self, floor: int) -> None:
        self.floor = floor  # before the lock: any write not yet started is dropped
        with self.lock:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass


class Autosaver(QObject):
    """Debounced writer for one window's brief; `describe` gives (name, original, hash)."""
    statusChanged = Signal(str)  # why the last autosave failed, or "" once one succeeds

    def __init__(self, session: Session, slot: str, brief: Callable[[], Brief | None],
                 describe: Callable[[], tuple[str, str | None, str | None]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.brief, self.describe = session, brief, describe
        self.path = session.path(slot)
        self.error = ""
        self._disk = _DiskSlot(self.path)
        self._seq = 0
        self.timer = self._timer(DEBOUNCE_MS)     # restarted by every change
        self.deadline = self._timer(MAX_WAIT_MS)  # started by the first change not on disk
        self.retry = self._timer(RETRY_MS)        # after a failure
        _the_relay().done.connect(self._finished)

    def _timer(self, ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(lambda: self.write_now(wait=False))
        return timer

    def changed(self, clean: bool) -> None:
        """Call on every change: a clean state removes the file, otherwise (re)arm the timer
        without ever pushing the write past MAX_WAIT_MS after the first unsaved change."""
        if clean:
            self.discard()
            return
        self.timer.start()
        if not self.deadline.isActive():
            self.deadline.start()

    def write_now(self, wait: bool = True) -> None:
        """Snapshot the brief now and write it; `wait` blocks until it is on disk."""
        self.stop()
        brief = self.brief()
        if brief is None:
            return
        name, original, disk_hash = self.describe()
        meta = {"name": name, "saved_at": utc_now(), "original": original, "disk_hash": disk_hash}
        self._seq += 1
        future = _writer.submit(self._disk.write, self._seq, encode(meta, brief_file.dumps(brief)))
        if wait:
            future.result()

    def stop(self) -> None:
        """Nothing more is written until the next change (the file stays)."""
        for timer in (self.timer, self.deadline, self.retry):
            timer.stop()

    def discard(self) -> None:
        self.stop()
        self._disk.remove(self._seq + 1)
        self._report("")  # saved or closed: nothing is left unprotected

    def _finished(self, key: int, seq: int, error: str) -> None:
        if key != self._disk.key or seq < self._disk.floor:
            return
        if error and error != self.error:
            log.error("autosave failed: %s", error)  # once per failure, never the content
        if not error:
            self.retry.stop()
        elif not (self.timer.isActive() or self.deadline.isActive()):
            self.retry.start()  # try again even if nothing else changes
        self._report(error)

    def _report(self, error: str) -> None:
        if error != self.error:
            self.error = error
            self.statusChanged.emit(error)


class AutosaveWarning(QLabel):
    """The status-bar warning shown while autosave fails, hidden once one succeeds."""

    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("autosaveWarning")
        self.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.setToolTip(f"Recovery copies are written to {autosaver.session.folder}")
        self.hide()
        autosaver.statusChanged.connect(self.show_error)

    def show_error(self, error: str) -> None:
        self.setText(f"⚠ Autosave failed: {error} — your changes are not protected; save now"
                     if error else "")
        self.setVisible(bool(error))
