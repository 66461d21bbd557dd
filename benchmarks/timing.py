"""Repeat-and-summarise helpers shared by the benchmark scripts (median and spread)."""
from __future__ import annotations

import statistics
import time
from typing import Callable


def measure(fn: Callable[[], object], runs: int = 7, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of each run after warm-up."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def summary(times: list[float]) -> str:
    """'median ms (min–max, n runs)'."""
    ms = [t * 1000 for t in times]
    return f"{statistics.median(ms):8.1f} ms  ({min(ms):.1f}–{max(ms):.1f}, n={len(ms)})"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def row(name: str, times: list[float], target_ms: float | None = None) -> str:
    med = statistics.median(times) * 1000
    verdict = "" if target_ms is None else ("  ok" if med <= target_ms else f"  MISSES <= {target_ms:g} ms")
    return f"{name:<44} {summary(times)}{verdict}"
