"""Every benchmark in one go: `python benchmarks/run_all.py` (install the `bench` extra first).

Each script prints its own table with the target beside each figure; this runs them in
fresh processes so one's warm caches and memory do not flatter the next.
"""
from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_segment.py", "bench_files.py", "bench_update.py", "bench_export.py", "bench_import.py", "bench_ui.py",
           "bench_freezes.py")


def main() -> int:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    print(f"# Briefing benchmarks — {platform.system()} {platform.release()}, {cpu}, "
          f"Python {platform.python_version()}")
    failed = 0
    for script in SCRIPTS:
        print(f"\n## {script}\n", flush=True)
        failed += subprocess.run([sys.executable, str(HERE / script)]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
