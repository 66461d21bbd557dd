"""Large realistic inputs for the benchmarks: a ~1 MB article and a 5,000-item brief.

Built through the public API, so the brief is exactly what the app would have saved.
Cached under benchmarks/_data/ (ignored by git); delete the folder to rebuild.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from briefing import Brief  # noqa: E402
from briefing.core.items import FIELDS  # noqa: E402
from briefing.core.sections import KINDS  # noqa: E402
from news_corpus import make_news_text  # noqa: E402

DATA = HERE / "_data"
ARTICLE_BYTES = 1_000_000
ITEMS = 5_000
CITATIONS_PER_ITEM = 2  # 10,000 citations in all


def large_article_path() -> Path:
    path = DATA / "article-1mb.txt"
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        path.write_text(make_news_text(ARTICLE_BYTES), encoding="utf-8")
    return path


def build_large_brief(seed: int = 7, article: Path | None = None) -> Brief:
    rng = random.Random(seed)
    brief = Brief.from_article_file(article or large_article_path())
    brief.clock = lambda: "2026-01-01T00:00:00Z"
    brief.set_meta("title", "Large benchmark brief")
    brief.set_meta("analyst", "Benchmark")
    sentences = brief.sentences
    for n in range(ITEMS):
        kind = KINDS[n % len(KINDS)]
        cited = rng.sample(sentences, CITATIONS_PER_ITEM)
        item = brief.add_item(kind, cited[0].text[:160], [s.id for s in cited])
        for spec in FIELDS[kind][1:]:
            value = rng.choice(spec.choices) if spec.choices else f"{spec.label} of item {n}"
            brief.set_field(item.id, spec.name, value)
        brief.set_field(item.id, "note", f"Analyst note {n}: check against a second source.")
    return brief


def large_brief_path() -> Path:
    path = DATA / "large.brief"
    if not path.exists():
        large_article_path()
        build_large_brief().save(path)
    return path


if __name__ == "__main__":
    p = large_brief_path()
    print(f"{p}: {p.stat().st_size / 1e6:.1f} MB")
