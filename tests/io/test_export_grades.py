"""Admiralty grades reach both exports: each claim's grade ("B2", both halves spelt out)
and each source's reliability in the Sources section."""
import io

import docx

from briefing import Brief
from briefing.io.docx_export import write_docx
from briefing.io.markdown_export import to_markdown


def graded() -> Brief:
    b = Brief.from_text("Officials said talks failed. The ministry denied it.", title="Wire",
                        outlet="Wire")
    b.set_meta("article.reliability", "C")
    ministry = b.add_source_text("The ministry said the talks went well.", title="Ministry",
                                 outlet="Ministry", reliability="A")
    claim = b.add_item("claim", "Talks failed", ["s1", ministry.sentences[0].id])
    b.set_field(claim.id, "credibility", "2")
    b.add_item("claim", "Ungraded", ["s2"])
    return b


def test_markdown_shows_each_claims_grade_and_each_sources_reliability():
    md = to_markdown(graded(), annex=False)
    assert "Grade: A2 (completely reliable source; probably true)" in md
    assert "Grade: C6 (fairly reliable source; truth cannot be judged)" in md
    assert "Credibility:" not in md
    assert "Reliability: C — fairly reliable" in md and "Reliability: A — completely reliable" in md


def test_word_shows_the_same():
    stream = io.BytesIO()
    write_docx(graded(), stream, annex=False)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(stream.getvalue())).paragraphs)
    assert "Grade: A2 (completely reliable source; probably true)" in text
    assert "Reliability: A — completely reliable" in text
