"""A brief over many sources (issue 12): 20 sources of about 100 KB each, 5,000 items and
10,000 citations, every item citing two different sources.

Targets: open (read, validate, build) <= 300 ms; save <= 200 ms; switching the article pane
to another source <= 50 ms (median; the first visit to a source builds its document, later
visits reuse it, both are shown); select an item -> its sentences highlighted and painted
<= 16 ms median when it cites the source shown (an item citing only other sources brings
the first of them up: that is a switch, measured against the switching target).
Run: `python benchmarks/bench_sources.py`.
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from briefing import Brief  # noqa: E402
from briefing.core.items import FIELDS  # noqa: E402
from briefing.core.sections import KINDS  # noqa: E402
from briefing.io import brief_file  # noqa: E402
from news_corpus import make_news_text  # noqa: E402
from timing import measure, percentile, row  # noqa: E402

DATA = HERE / "_data"
SOURCES, SOURCE_BYTES, ITEMS = 20, 100_000, 5_000


def build(seed: int = 12) -> Brief:
    rng = random.Random(seed)
    brief = Brief.from_text(make_news_text(SOURCE_BYTES, seed=1), title="Report 1",
                            outlet="Outlet 1", published="2026-01-01")
    for n in range(2, SOURCES + 1):
        brief.add_source_text(make_news_text(SOURCE_BYTES, seed=n), title=f"Report {n}",
                              outlet=f"Outlet {n}", published="2026-01-01",
                              url=f"https://example.org/report-{n}")
    brief.clock = lambda: "2026-01-01T00:00:00Z"
    brief.set_meta("title", "Many-source benchmark brief")
    for n in range(ITEMS):
        kind = KINDS[n % len(KINDS)]
        a, b = rng.sample(brief.sources, 2)
        cited = [rng.choice(a.sentences), rng.choice(b.sentences)]
        item = brief.add_item(kind, cited[0].text[:160], [s.id for s in cited])
        for spec in FIELDS[kind][1:]:
            value = rng.choice(spec.choices) if spec.choices else f"{spec.label} of item {n}"
            brief.set_field(item.id, spec.name, value)
    return brief


def brief_path() -> Path:
    path = DATA / "many-sources.brief"
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        build().save(path)
    return path


def files() -> None:
    path = brief_path()
    brief = Brief.load(path)
    cites = sum(len(i.citations) for i in brief.items)
    print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB, {len(brief.sources)} sources, "
          f"{len(brief.items)} items, {cites} citations")
    print(row("open (read, validate, build)", measure(lambda: Brief.load(path)), 300))
    out = Path(tempfile.mkdtemp()) / "out.brief"
    print(row("save (serialise, atomic write)", measure(lambda: brief_file.save(brief, out)), 200))
    print(row("open + resolve every citation",
              measure(lambda: Brief.load(path).check(), runs=3)))


def window() -> None:
    from PySide6.QtWidgets import QApplication

    from briefing.ui.app import configure
    from briefing.ui.main_window import MainWindow
    app = QApplication.instance() or QApplication([])
    configure(app)
    w = MainWindow()
    w.resize(1440, 900)
    w.show()
    t = time.perf_counter()
    w.open(str(brief_path()))
    app.processEvents()
    w.article_view.viewport().repaint()
    print(row("open in the window (load + show)", [time.perf_counter() - t]))

    def switch(source_id: str) -> float:
        t = time.perf_counter()
        w.show_source(source_id)
        app.processEvents()
        w.article_view.viewport().repaint()
        return time.perf_counter() - t

    ids = [s.id for s in w.brief.sources]
    first = [switch(sid) for sid in ids[1:]]
    again = [switch(sid) for _ in range(3) for sid in ids]
    print(row("switch source, first visit (builds document)", first, 50))
    print(row("switch source, later visits", again, 50))
    rng = random.Random(3)

    def select(item) -> float:
        t = time.perf_counter()
        w.select_item(item.id)
        app.processEvents()
        app.processEvents()
        return time.perf_counter() - t

    here, there = [], []
    for _ in range(3):
        source = rng.choice(w.brief.sources)
        w.show_source(source.id)
        app.processEvents()
        citing = [i for i in w.brief.items if source.id in w.brief.source_ids_of(i)]
        here += [select(item) for item in rng.sample(citing, 100)]
    for item in rng.sample(w.brief.items, 300):
        shown = w.article_view.source_id()
        elsewhere = shown not in w.brief.source_ids_of(item)
        (there if elsewhere else here).append(select(item))
    print(row("select item citing the source shown", here, 16)
          + f"  p95 {percentile(here, 95) * 1000:.1f} ms")
    print(row("select item citing only other sources", there, 50)
          + f"  p95 {percentile(there, 95) * 1000:.1f} ms (brings up its first source)")
    w.close()


if __name__ == "__main__":
    files()
    window()
