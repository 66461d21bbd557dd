"""Mutation testing of briefing/core and briefing/io with mutmut. Not part of CI: run by hand.

mutmut changes the code one small way at a time (a `<` becomes `<=`, a constant changes, a
call is dropped) and runs tests/core and tests/io against each change; a change the tests
do not notice ("survived") is a gap in the tests, or an equivalent mutant (a change that
cannot alter behaviour), listed with its reason in quality/equivalent_mutants.txt.

    pip install -e '.[test,quality]'
    python quality/mutation.py                              # all of core and io
    python quality/mutation.py briefing/core/segment.py     # one module (or a few)
    python quality/mutation.py --rev HEAD                   # a commit, not the work tree
    python quality/mutation.py --report                     # the scores of the last run again
    python quality/mutation.py --survivors briefing/core/segment.py   # ... with what survived

It works in a scratch copy of the repo's work tree or of a commit (--workdir, default
$TMPDIR/briefing-mutation), so the work tree is never touched and edits made meanwhile do
not disturb a run; the copy keeps
mutmut's results, so a second run only re-tests what changed. Look at one mutant with
`cd WORKDIR && mutmut show NAME`, or browse them all with `mutmut browse`.

Score per module = killed / (total - equivalent), where killed counts mutants a test failed
on or that timed out, total counts every mutant checked in the run (survivors and mutants
no test reaches included), and equivalent are the listed names found in that module.
Configuration: [tool.mutmut] in pyproject.toml.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = ROOT / "quality" / "equivalent_mutants.txt"
MUTATED = ("briefing/core/", "briefing/io/")
DETECTED = {"killed", "timeout", "caught by type check"}

# mutmut 3.x's exit codes (mutmut/stats.py); anything else is "suspicious".
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 2: "interrupted",
          None: "not checked", 33: "no tests", 34: "skipped", 35: "suspicious", 36: "timeout",
          37: "caught by type check", -24: "timeout", 24: "timeout", 152: "timeout",
          255: "timeout", -11: "segfault", -9: "segfault"}


def module_of(path: str) -> str:
    """'briefing/core/segment.py' -> 'briefing.core.segment'."""
    return path.removesuffix(".py").replace("/", ".").replace(os.sep, ".")


def copy_repo(workdir: Path, rev: str | None) -> None:
    """The repo into workdir, replacing what an earlier copy left there except mutmut's own
    results (workdir/mutants): the work tree's files (tracked, and new ones not ignored), or
    with `rev` that commit's files (git archive)."""
    workdir.mkdir(parents=True, exist_ok=True)
    for entry in workdir.iterdir():
        if entry.name != "mutants":
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    if rev:
        archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(workdir)], input=archive, check=True)
        return
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            target = workdir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def run_mutmut(workdir: Path, modules: list[str], max_children: int | None) -> int:
    command = [sys.executable, "-m", "mutmut", "run"]
    if max_children:
        command += ["--max-children", str(max_children)]
    command += [f"{module_of(m)}.*" for m in modules]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "HYPOTHESIS_PROFILE": "ci"}        # derandomized: a mutant is killed or not, every run
    print("+", " ".join(command), f"(in {workdir})", flush=True)
    return subprocess.run(command, cwd=workdir, env=env).returncode


def read_equivalent(path: Path = EQUIVALENT) -> dict[str, str]:
    """Mutant name -> why it is equivalent (lines 'NAME  # reason'; '#' lines are comments)."""
    listed = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            name, _, reason = line.partition("#")
            if name.strip():
                listed[name.strip()] = reason.strip()
    return listed


def read_results(workdir: Path) -> dict[str, dict[str, str]]:
    """Module -> {mutant name: status} from mutmut's result files (mutants/**/*.py.meta)."""
    results: dict[str, dict[str, str]] = {}
    base = workdir / "mutants"
    for meta in sorted(base.glob("briefing/**/*.py.meta")):
        relative = meta.relative_to(base).as_posix().removesuffix(".meta")
        if not relative.startswith(MUTATED):
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        results[module_of(relative)] = {name: STATUS.get(code, "suspicious")
                                         for name, code in codes.items()}
    return results


def report(results: dict[str, dict[str, str]], equivalent: dict[str, str],
           only: list[str], survivors: bool) -> None:
    wanted = {module_of(m) for m in only}
    rows, unknown = [], set(equivalent)
    for module, statuses in results.items():
        unknown -= set(statuses)
        checked = {n: s for n, s in statuses.items() if s != "not checked"}
        if (wanted and module not in wanted) or not checked:
            continue
        counts = Counter(checked.values())
        eq = sum(1 for n in checked if n in equivalent)
        killed = sum(counts[s] for s in DETECTED)
        denominator = len(checked) - eq
        score = killed / denominator if denominator else 1.0
        rows.append((module, killed, len(checked), eq, counts, score))
        if survivors:
            for name, status in sorted(checked.items()):
                if status not in DETECTED and name not in equivalent:
                    print(f"  {status:12} {name}")
    print(f"\n{'module':34} {'score':>6} {'killed':>7} {'total':>6} {'equiv':>6} "
          f"{'survived':>9} {'no tests':>9} {'timeout':>8} {'other':>6}")
    for module, killed, total, eq, counts, score in rows:
        other = total - killed - counts["survived"] - counts["no tests"]
        print(f"{module:34} {score:6.1%} {killed:7} {total:6} {eq:6} {counts['survived']:9} "
              f"{counts['no tests']:9} {counts['timeout']:8} {other:6}")
    if rows:
        killed = sum(r[1] for r in rows)
        denominator = sum(r[2] - r[3] for r in rows)
        print(f"{'all':34} {killed / denominator if denominator else 1.0:6.1%} {killed:7} "
              f"{sum(r[2] for r in rows):6} {sum(r[3] for r in rows):6}")
    else:
        print("(no checked mutants: run without --report first)")
    stale = sorted(n for n in unknown if module_of_name(n) in results)
    if stale:
        print("\nlisted as equivalent but no longer generated (renumbered? re-check them):")
        for name in stale:
            print("  ", name)


def module_of_name(mutant: str) -> str:
    """'briefing.core.segment.x_split__mutmut_3' -> 'briefing.core.segment'."""
    parts = mutant.split(".")
    for i, part in enumerate(parts):
        if part.startswith(("x_", "xǁ")):
            return ".".join(parts[:i])
    return mutant


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="files under briefing/core or briefing/io "
                        "(default: all of them)")
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "briefing-mutation")
    parser.add_argument("--max-children", type=int, help="parallel test processes "
                        "(default: one per CPU)")
    parser.add_argument("--report", action="store_true", help="only print the last scores")
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    parser.add_argument("--rev", help="test this commit (e.g. HEAD) instead of the work tree")
    args = parser.parse_args(argv)
    for module in args.modules:
        if not module.startswith(MUTATED) or not (ROOT / module).is_file():
            parser.error(f"not a module of briefing/core or briefing/io: {module}")
    started = time.monotonic()
    if not args.report:
        if args.fresh:
            shutil.rmtree(args.workdir / "mutants", ignore_errors=True)
        copy_repo(args.workdir, args.rev)
        code = run_mutmut(args.workdir, args.modules, args.max_children)
        if code != 0:
            print(f"mutmut ended with exit code {code}", file=sys.stderr)
            return code
    report(read_results(args.workdir), read_equivalent(), args.modules, args.survivors)
    if not args.report:
        print(f"\n{time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
