"""Article import from the committed fixtures (tests/io/importers/fixtures/).

Targets (issue 11): a web page <= 100 ms, a 10-page PDF <= 2 s (the app reads PDFs off the
GUI thread with progress), a DOCX <= 200 ms. Each figure is read_article on the file, as
`briefing new` and the app call it: sniffing, import, clean-up and the Article.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from timing import measure, row  # noqa: E402

from briefing.io.article_import import read_article  # noqa: E402

FIXTURES = HERE.parent / "tests" / "io" / "importers" / "fixtures"
CASES = [
    ("news page (.html, boilerplate)", "news.html", 100, 15),
    ("blog page (.html)", "blog.html", 100, 15),
    ("government press release (.html)", "press_release.html", 100, 15),
    ("saved page (.mhtml)", "saved_page.mhtml", 100, 15),
    ("3-page two-column PDF", "report_two_column.pdf", None, 5),
    ("11-page two-column PDF", "report_long.pdf", 2000, 5),
    ("DOCX with footnotes", "memo_footnotes.docx", 200, 15),
    ("ODT with footnotes", "memo_footnotes.odt", 200, 15),
]


def main() -> None:
    for name, file, target, runs in CASES:
        path = FIXTURES / file
        print(row(f"{name}", measure(lambda: read_article(path), runs=runs), target))


if __name__ == "__main__":
    main()
