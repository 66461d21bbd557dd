"""Atomic file writes: a crash leaves the old file or the new one, never a torn one.

Writes go through a symbolic link to its target (the link stays a link, as in most
editors), use a short temp name (so a file whose name is near the 255-byte limit can still
be saved in place), and refuse to replace a read-only file unless the caller was told to.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

# tempfile.mkstemp names: prefix + 8 characters from this alphabet + suffix.
_RANDOM_PART = re.compile(r"[a-z0-9_]{8}\Z")
_STALE_WITHOUT_LOCKS = 60.0  # seconds; only where fcntl is missing


class ReadOnlyFileError(PermissionError):
    """The file exists and is read-only: replacing it needs the user's say-so."""


def write_atomic(path: str | os.PathLike, data: bytes, *, replace_read_only: bool = False) -> None:
    """Write to a temp file in the same folder, flush, fsync, then os.replace over path.

    The temp file is removed if anything fails before the rename, so none pile up. A
    process killed mid-save (SIGKILL, power cut) cannot remove its temp file, so each save first
    removes the temp files that earlier saves of the same path left behind: exactly our own name pattern (`.NAME.xxxxxxxx.tmp`), and on POSIX only
    those whose writer is gone (each writer holds an flock on its temp file until the
    rename), so at most one is ever left, by the last killed save.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not replace_read_only and _read_only(target):
        raise ReadOnlyFileError(13, "the file is read-only", str(path))
    _remove_leftovers(folder, target.name)
    fd, tmp = _locked_temp(folder, target.name)
    try:
        try:
            with os.fdopen(fd, "wb", closefd=False) as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if target.exists():
                os.chmod(tmp, target.stat().st_mode & 0o777)
            else:
                os.chmod(tmp, 0o666 & ~_umask())
            if os.name == "nt":  # Windows cannot rename a file that is still open
                os.close(fd)
                fd = -1
            os.replace(tmp, target)
        finally:
            if fd >= 0:
                os.close(fd)  # releases the lock, after the rename
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def _read_only(target: Path) -> bool:
    """No write permission for us, or none for anyone (root may write anything, but a
    file marked 0444 was marked so on purpose)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(target, os.W_OK))


def _locked_temp(folder: Path, name: str) -> tuple[int, str]:
    """mkstemp, holding an exclusive flock so cleaners know the file is in use."""
    while True:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(name), suffix=".tmp", dir=folder)
        if fcntl is None:
            return fd, tmp
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if os.fstat(fd).st_nlink > 0:
                return fd, tmp
        except OSError:  # a file system without flock: no cleanup is done there
            return fd, tmp
        os.close(fd)  # a cleaner removed it between mkstemp and flock: make another


def _temp_prefix(name: str) -> str:
    """'.~' + 10 hex digits of the name's hash + '.': 22 characters with mkstemp's part,
    whatever the length of the name (the old '.NAME.' prefix broke names over 240)."""
    return f".~{hashlib.sha1(name.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}."


def _is_leftover_name(entry: str, name: str) -> bool:
    if not entry.endswith(".tmp"):
        return False
    for prefix in (_temp_prefix(name), f".{name}."):  # today's names, and older versions'
        if entry.startswith(prefix) and _RANDOM_PART.match(entry[len(prefix):-len(".tmp")]):
            return True
    return False


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove temp files of earlier saves of `name` whose writer died. Never raises."""
    try:
        entries = [e for e in os.scandir(folder) if _is_leftover_name(e.name, name)]
    except OSError:
        return
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if fcntl is None:
                if time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_WITHOUT_LOCKS:
                    os.unlink(entry.path)
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: in use
                os.unlink(entry.path)
            finally:
                os.close(fd)
        except OSError:
            continue


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
