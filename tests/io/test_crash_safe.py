"""Crash-safe saves: SIGKILL a saving process hundreds of times at random moments; the
file always loads and holds the last complete version (never older than one seen)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing import Brief
from briefing.io import atomic

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KILLS = 300

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "win32",
                                reason="needs fork and SIGKILL")


def strays(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if atomic._is_leftover_name(p.name, name))


def check_versions(path: Path, last_seen: int) -> int:
    brief = Brief.load(path)
    version = int(brief.summary.split()[-1])
    assert version >= last_seen, f"went back from version {last_seen} to {version}"
    assert len(brief.items) == version, "items and version disagree: a torn or mixed file"
    assert len({i.id for i in brief.items}) == version
    assert brief.items[-1].text.startswith(f"item of version {version}") or version % 4 != 3
    return version


@pytest.mark.slow
def test_sigkill_during_saves_never_loses_or_tears_the_file(tmp_path):
    path = tmp_path / "crash.brief"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "2024")))
    server = subprocess.Popen([sys.executable, str(HERE / "crash_saver.py"), str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    started, last_seen, progressed, most_strays, mid_save = time.monotonic(), 0, 0, 0, 0
    try:
        for kill in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0, 0.030))
            os.kill(pid, signal.SIGKILL)
            assert server.stdout.readline().strip() == "reaped"
            if not path.exists():
                continue  # killed before its first save finished
            version = check_versions(path, last_seen)
            progressed += version > last_seen
            last_seen = version
            left = len(strays(tmp_path, path.name))
            mid_save += left > 0
            most_strays = max(most_strays, left)
        server.stdin.write("\n")
        server.stdin.flush()
        assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills in {elapsed:.1f} s; reached version {last_seen}; "
          f"{progressed} kills saw progress; {mid_save} kills landed mid-save; "
          f"at most {most_strays} stray temp file(s) at once")
    # the kills must land both between saves and inside them, or this proves nothing
    assert progressed >= 20 and mid_save >= 20, "kills never (or always) hit a save"
    # A SIGKILL between mkstemp and os.replace leaves one temp file; the next save of the
    # same path removes it, so at most the very last kill's one remains.
    assert most_strays <= 1
    assert len(strays(tmp_path, path.name)) <= 1
    Brief.load(path).save(path)
    assert strays(tmp_path, path.name) == []


def test_cleanup_removes_only_our_own_dead_temp_files(tmp_path):
    target = tmp_path / "a.brief"
    dead = tmp_path / ".a.brief.abcd_123.tmp"       # the mkstemp pattern of older versions
    dead_short = tmp_path / f"{atomic._temp_prefix('a.brief')}x1y2_3z4.tmp"   # today's
    others = [".a.brief.abcd_12.tmp", ".a.brief.ABCDEFGH.tmp", ".b.brief.abcdefgh.tmp",
              "a.brief.abcdefgh.tmp", ".a.brief.abcdefgh.tmp.keep", ".a.briefx.abcdefgh.tmp",
              f"{atomic._temp_prefix('b.brief')}abcdefgh.tmp"]
    for name in [dead.name, dead_short.name, *others]:
        (tmp_path / name).write_bytes(b"partial")
    # one in use by a live writer: it holds the lock, so it must survive
    import fcntl
    live = tmp_path / ".a.brief.live0000.tmp"
    live.write_bytes(b"writing")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        atomic.write_atomic(target, b"new")
    finally:
        os.close(fd)
    assert target.read_bytes() == b"new"
    assert not dead.exists() and not dead_short.exists()
    assert live.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, live.name, *others])
    atomic.write_atomic(target, b"newer")        # the writer is gone now: cleaned
    assert not live.exists()


def test_failed_save_leaves_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "a.brief"
    atomic.write_atomic(target, b"old")
    def boom(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.brief"]


def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "a.brief"
    atomic.write_atomic(target, b"old")
    os.chmod(target, 0o600)
    atomic.write_atomic(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o600
