"""Golden exports of the bundled sample brief (seeds/), as an analyst would hand them round.

After changing the sample or the exporters on purpose, regenerate the golden file and
review its diff:
    python -c "from briefing import Brief; from briefing.io.markdown_export import to_markdown;
    open('tests/io/golden/musk-putin-contacts.md', 'w', encoding='utf-8').write(
    to_markdown(Brief.load('seeds/musk-putin-contacts.brief'), annex=True))"
"""
import zipfile
from pathlib import Path

from briefing import Brief
from briefing.io.docx_export import write_docx
from briefing.io.docx_footnotes import quoted
from briefing.io.markdown_export import to_markdown

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "musk-putin-contacts.brief"
GOLDEN = Path(__file__).parent / "golden" / "musk-putin-contacts.md"


def test_sample_markdown_matches_the_golden_file():
    assert to_markdown(Brief.load(SAMPLE), annex=True) == GOLDEN.read_text(encoding="utf-8")


def test_sample_docx_has_a_footnote_quoting_every_citation(tmp_path):
    brief = Brief.load(SAMPLE)
    out = tmp_path / "sample.docx"
    write_docx(brief, out)
    footnotes = zipfile.ZipFile(out).read("word/footnotes.xml").decode("utf-8")
    citations = [c for item in brief.items for c in item.citations]
    assert footnotes.count("<w:footnote ") == len(citations) + 2   # + separator notes
    for c in citations:   # quoted: its own double quotes become single ones
        assert quoted(c.exact).replace("&", "&amp;") in footnotes
