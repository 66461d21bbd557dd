"""Open, save and `briefing check` on the large brief (5,000 items, 10,000 citations, 1 MB).

Targets (issue 6): open <= 200 ms, save <= 200 ms, `briefing check` <= 300 ms (a whole
process, as a user runs it).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from large_inputs import large_brief_path  # noqa: E402
from timing import measure, row  # noqa: E402

from briefing import Brief  # noqa: E402


def main() -> None:
    path = large_brief_path()
    brief = Brief.load(path)
    out = Path(tempfile.mkdtemp()) / "copy.brief"
    print(f"large brief: {path.stat().st_size / 1e6:.1f} MB, {len(brief.items)} items, "
          f"{sum(len(i.citations) for i in brief.items)} citations, {len(brief.sentences)} sentences")
    print(row("open (Brief.load)", measure(lambda: Brief.load(path)), 200))
    print(row("save (Brief.save, atomic + fsync)", measure(lambda: brief.save(out)), 200))
    check = [sys.executable, "-m", "briefing", "check", str(path)]

    def run_check() -> None:
        # exit 1 is "findings" (the large brief has single-source and grade findings)
        done = subprocess.run(check, capture_output=True)
        if done.returncode not in (0, 1):
            raise SystemExit(f"briefing check failed: {done.stderr.decode()}")

    print(row("`briefing check` (whole process)", measure(run_check, runs=5), 300))


if __name__ == "__main__":
    main()
