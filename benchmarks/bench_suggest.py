"""Offline suggestions (briefing/core/suggest.py): time for a 1,000-word article (target
<= 300 ms) and precision/recall per kind over the hand-annotated set in
tests/core/data/suggest/ (the same scoring as tests/core/test_suggest.py).

    .venv/bin/python benchmarks/bench_suggest.py
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import measure, row  # noqa: E402

from briefing import Brief  # noqa: E402
from briefing.core.suggest import lexicon, suggest  # noqa: E402


def scorer():
    spec = importlib.util.spec_from_file_location(
        "test_suggest", ROOT / "tests" / "core" / "test_suggest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def article_of(words: int) -> str:
    """The three annotated articles, repeated and cut to about `words` words."""
    data = ROOT / "tests" / "core" / "data" / "suggest"
    paragraphs = []
    for name in ("copper-mine-collapse.txt", "port-cyberattack.txt"):
        paragraphs += (data / name).read_text(encoding="utf-8").split("\n\n")
    paragraphs += (ROOT / "seeds" / "musk-putin-contacts.txt").read_text(encoding="utf-8").split("\n\n")
    out, count = [], 0
    while count < words:
        p = paragraphs[len(out) % len(paragraphs)]
        out.append(p)
        count += len(p.split())
    return "\n\n".join(out)


def main() -> None:
    lexicon()   # the word list is read once per process
    text = article_of(1000)
    words = len(text.split())

    def run() -> None:
        suggest(Brief.from_text(text))      # fresh brief: segmentation included

    print(row(f"suggest, {words}-word article", measure(run, runs=15), target_ms=300))
    print()
    evaluate = scorer().evaluate
    print("| articles | kind | precision | recall | found / expected | junk | right type / source / status |")
    print("|---|---|---|---|---|---|---|")
    for label, held_out in (("tuned on (3)", False), ("held out (1)", True), ("all (4)", None)):
        table(label, evaluate(held_out))


def table(label: str, scores: dict) -> None:
    for kind, s in scores.items():
        extra = {"actor": f"type {s['type']}/{s['tp']}",
                 "claim": f"source {s['source']}/{s['sourced']}, status {s['status']}/{s['tp']}",
                 "question": "—"}[kind]
        print(f"| {label} | {kind} | {s['precision']:.2f} | {s['recall']:.2f} | {s['tp']} / "
              f"{s['tp'] + s['fn']} | {s['fp']} | {extra} |")


if __name__ == "__main__":
    main()
