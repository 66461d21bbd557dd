"""Benchmark briefing's sentence segmenter against pySBD, syntok, nupunkt and a naive regex.

Run: .venv/bin/python benchmarks/bench_segment.py

Reports, per segmenter: accuracy on the English Golden Rules (48 cases) and on
our news gold set (cases passed exactly, comparing stripped non-empty
segments), and throughput in MB/s (UTF-8 bytes) on ~1 MB of generated news
text.  Fast tools: median of 5 runs on 1 MB.  Slow tools (pySBD, syntok): one
run on 200 KB, scaled — their cost is linear, and 1 MB would take minutes.
Optional peers that are not installed get a row saying so.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from briefing.core.segment import split_sentences  # noqa: E402
from news_corpus import make_news_text  # noqa: E402

GOLDEN = Path("/work/shared/data/golden_rules_en.json")
NEWS_GOLD = ROOT / "tests" / "core" / "data" / "news_gold.json"
BIG = 1_000_000
SMALL = 200_000

Segmenter = Callable[[str], list]


def briefing_seg(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


_NAIVE_RE = re.compile(r"(?<=[.?!])\s+|\n\s*\n")


def naive_seg(text: str) -> list[str]:
    """Baseline: split after every . ? ! followed by whitespace, and at blank lines."""
    return _NAIVE_RE.split(text)


def load_peers() -> dict[str, tuple[Segmenter | None, str]]:
    """name -> (segment function or None, note). Each import is optional."""
    peers: dict[str, tuple[Segmenter | None, str]] = {}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        peers[f"pySBD {pysbd.__version__}"] = (seg.segment, "slow")
    except ImportError:
        peers["pySBD"] = (None, "not installed")
    try:
        from importlib.metadata import version

        from syntok import segmenter as syn

        def syntok_seg(text: str) -> list[str]:
            return ["".join(t.spacing + t.value for t in s)
                    for p in syn.process(text) for s in p]

        peers[f"syntok {version('syntok')}"] = (syntok_seg, "slow")
    except ImportError:
        peers["syntok"] = (None, "not installed")
    try:
        import nupunkt

        peers[f"nupunkt {nupunkt.__version__}"] = (nupunkt.sent_tokenize, "fast")
    except ImportError:
        peers["nupunkt"] = (None, "not installed")
    return peers


def accuracy(seg: Segmenter, cases: list[dict]) -> int:
    """Number of cases whose stripped, non-empty segments match exactly."""
    ok = 0
    for case in cases:
        got = [s.strip() for s in seg(case["text"]) if s.strip()]
        ok += got == case["expected"]
    return ok


def speed(seg: Segmenter, slow: bool, big: str, small: str) -> tuple[float, str]:
    """Throughput in MB/s and a note on how it was measured."""
    if slow:
        t0 = time.perf_counter()
        seg(small)
        dt = time.perf_counter() - t0
        return len(small.encode()) / 1e6 / dt, "1 run, 200 KB"
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        seg(big)
        times.append(time.perf_counter() - t0)
    return len(big.encode()) / 1e6 / statistics.median(times), "median of 5, 1 MB"


def main() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else []
    news = json.loads(NEWS_GOLD.read_text(encoding="utf-8"))
    big, small = make_news_text(BIG), make_news_text(SMALL)
    rows = [("briefing.core.segment", briefing_seg, "fast")]
    for name, (seg, note) in load_peers().items():
        rows.append((name, seg, note))
    rows.append(("naive regex", naive_seg, "fast"))

    print(f"Python {sys.version.split()[0]}; news text: {len(big.encode()):,} bytes "
          f"(make_news_text({BIG:_}))\n")
    print("| segmenter | golden rules | news gold | speed (MB/s) | speed measured on |")
    print("|---|---|---|---|---|")
    speeds: dict[str, float] = {}
    for name, seg, note in rows:
        if seg is None:
            print(f"| {name} | – | – | – | {note} |")
            continue
        g = f"{accuracy(seg, golden)}/{len(golden)}" if golden else "n/a"
        n = f"{accuracy(seg, news)}/{len(news)}"
        mbs, how = speed(seg, note == "slow", big, small)
        speeds[name] = mbs
        print(f"| {name} | {g} | {n} | {mbs:.2f} | {how} |")
    ours = speeds["briefing.core.segment"]
    for name, mbs in speeds.items():
        if name.startswith("pySBD"):
            print(f"\nbriefing vs pySBD: {ours / mbs:.1f}x faster")


if __name__ == "__main__":
    main()
