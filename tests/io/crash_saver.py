"""Helper for test_crash_safe.py: a process that saves a growing brief again and again.

Run as `python crash_saver.py FILE`. Importing Briefing takes longer than the kill delays
the test wants, so this process imports once and then serves: for each line read on
stdin it forks a saver and prints the saver's pid. The saver continues from the version
on disk (or 0): version N has N items and "version N" as its summary; it saves N+1, N+2,
... to FILE with Brief.save until the test SIGKILLs it. An empty line or EOF ends the
server. A saver that finds FILE unreadable exits 3 (the test then fails).
"""
from __future__ import annotations

import os
import sys

from briefing import Brief, BriefingFileError
from briefing.io import brief_file

ARTICLE = ("The ministry confirmed the talks on Monday. Officials said a deal was close. "
           "Critics called it a stunt. Nobody knows what happens next.")


def version_of(brief: Brief) -> int:
    return int(brief.summary.split()[-1])


def saver(path: str) -> None:
    try:
        brief = Brief.load(path) if os.path.exists(path) else Brief.from_text(ARTICLE, title="crash")
    except BriefingFileError as exc:
        print(f"saver: {exc}", file=sys.stderr, flush=True)
        os._exit(3)
    version = version_of(brief) if brief.summary else 0
    while True:
        version += 1
        kind = ("claim", "actor", "risk", "question")[version % 4]
        brief.add_item(kind, f"item of version {version} " + "x" * (version % 50),
                       [f"s{1 + version % len(brief.sentences)}"])
        brief.set_meta("summary", f"version {version}")
        brief.save(path)


def main() -> None:
    path = sys.argv[1]
    # Warm up once here, as the import is: the schema validator is compiled on first use,
    # and forked savers must reach their first save within the test's kill delays.
    brief_file.parse(brief_file.dumps(Brief.from_text(ARTICLE)), "warm-up")
    for line in sys.stdin:
        if not line.strip():
            break
        pid = os.fork()
        if pid == 0:
            try:
                saver(path)
            finally:
                os._exit(4)
        print(pid, flush=True)
        # the test kills and reaps nothing itself: we reap here, so no zombies pile up
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    main()
