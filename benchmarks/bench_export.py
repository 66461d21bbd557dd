"""Export of the large brief (5,000 items, 10,000 citations, ~1 MB article), beside pandoc.

Targets (issue 4): Markdown export <= 150 ms; our .docx export faster than pandoc turning
the same Markdown into .docx in the same run. Times are medians; segmentation of the
article is warmed up first (it belongs to opening a brief, not to exporting it).

    .venv/bin/pip install pypandoc-binary && .venv/bin/python benchmarks/bench_export.py
"""
from __future__ import annotations

import io
import statistics
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
from briefing.io.docx_export import write_docx  # noqa: E402
from briefing.io.markdown_export import to_markdown  # noqa: E402


def _pandoc() -> str | None:
    try:
        import pypandoc
    except ImportError:
        return None
    return pypandoc.get_pandoc_path()


def _docx_bytes(brief: Brief, annex: bool) -> int:
    stream = io.BytesIO()
    write_docx(brief, stream, annex=annex)
    return len(stream.getvalue())


def main() -> None:
    brief = Brief.load(large_brief_path())
    brief.sentences  # segmentation happens on open in the app; keep it out of the timings
    print(f"large brief: {len(brief.items)} items, "
          f"{sum(len(i.citations) for i in brief.items)} citations, "
          f"{len(brief.article.text) / 1e6:.2f} M characters of article\n")
    md = to_markdown(brief, annex=True)
    results = {
        "Markdown, no annex (preview)": measure(lambda: to_markdown(brief), runs=9),
        "Markdown, with annex (export)": measure(lambda: to_markdown(brief, annex=True), runs=9),
        "docx, no annex": measure(lambda: _docx_bytes(brief, False), runs=5),
        "docx, with annex (export)": measure(lambda: _docx_bytes(brief, True), runs=5),
    }
    targets = {"Markdown, no annex (preview)": 150, "Markdown, with annex (export)": 150}
    pandoc = _pandoc()
    if pandoc:
        folder = Path(tempfile.mkdtemp())
        (folder / "brief.md").write_text(md, encoding="utf-8")
        command = [pandoc, "-f", "markdown", "-t", "docx", "-o", str(folder / "pandoc.docx"),
                   str(folder / "brief.md")]
        results["pandoc md -> docx (same Markdown)"] = measure(
            lambda: subprocess.run(command, check=True), runs=3, warmup=0)
    print(f"{'':<44} {'median':>11}")
    for name, times in results.items():
        print(row(name, times, targets.get(name)))
    print(f"\nMarkdown: {len(md.encode()) / 1e6:.2f} MB; docx: "
          f"{_docx_bytes(brief, True) / 1e6:.2f} MB")
    if pandoc:
        ours = statistics.median(results["docx, with annex (export)"])
        theirs = statistics.median(results["pandoc md -> docx (same Markdown)"])
        verdict = "ok" if ours < theirs else "MISSES"
        print(f"docx vs pandoc: {theirs / ours:.1f}x faster ({verdict}: must beat pandoc)")
    else:
        print("pandoc: not installed (pip install pypandoc-binary) — comparison skipped")


if __name__ == "__main__":
    main()
