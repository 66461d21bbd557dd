"""Exports never lie: a citation that needs review is quoted by its stored text and says it
no longer matches the article; no export prints another sentence's text or number for it."""
from __future__ import annotations

import io
import json
import zipfile
from html import unescape
from pathlib import Path

from briefing import Brief
from briefing.io.docx_export import write_docx
from briefing.io.markdown_export import to_markdown

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def edited_sample(tmp_path, edit) -> Brief:
    """The sample brief with its article text edited in the file, as an adversary would."""
    doc = json.loads((SEEDS / "musk-putin-contacts.brief").read_text(encoding="utf-8"))
    edit(doc)
    path = tmp_path / "edited.brief"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return Brief.load(path)


def first_cited(brief: Brief):
    item = brief.items[0]
    return item, item.citations[0]


def footnotes_xml(brief: Brief) -> str:
    stream = io.BytesIO()
    write_docx(brief, stream, annex=False)
    with zipfile.ZipFile(stream) as z:
        return z.read("word/footnotes.xml").decode("utf-8")


def test_a_deleted_cited_sentence_is_quoted_from_the_brief_not_the_article(tmp_path):
    sample = Brief.load(SEEDS / "musk-putin-contacts.brief")
    _, c = first_cited(sample)
    gone = c.exact

    def delete(doc):
        doc["sources"][0]["text"] = doc["sources"][0]["text"].replace(gone, "", 1)
    brief = edited_sample(tmp_path, delete)
    r = brief.resolution(brief.items[0].citations[0])
    assert r.status == "orphaned"
    md = to_markdown(brief, annex=True)
    note = next(line for line in md.splitlines() if gone[:40] in line and line.startswith("[^"))
    assert note.startswith("[^1]: Stored quote, no longer matching the article (orphaned; needs review):")
    # the sentence that now has the old id is not presented as the source anywhere
    s1 = brief.sentence("s1").text
    assert not any(line.startswith("[^1]:") and s1[:40] in line for line in md.splitlines())
    assert "orphaned; needs review" in footnotes_xml(brief)


def test_ids_in_the_file_are_not_exported(tmp_path):
    def lie(doc):
        doc["sections"]["claims"][0]["citations"][0]["sentence"] = "s999999"
        doc["sections"]["claims"][1]["citations"][0]["sentence"] = "s5"
    brief = edited_sample(tmp_path, lie)
    md = to_markdown(brief)
    assert "999999" not in md
    xml = footnotes_xml(brief)
    assert "999999" not in xml
    c = brief.items[1].citations[0]
    s = brief.trusted_sentence(c)
    assert s.text == c.exact and f"Sentence {s.id[1:]}:" in md


def test_a_fuzzy_citation_shows_its_stored_quote_not_the_suggestion(tmp_path):
    sample = Brief.load(SEEDS / "musk-putin-contacts.brief")
    _, c = first_cited(sample)
    reworded = c.exact.replace("allegedly", "reportedly")
    assert reworded != c.exact

    def reword(doc):
        doc["sources"][0]["text"] = doc["sources"][0]["text"].replace(c.exact, reworded)
    brief = edited_sample(tmp_path, reword)
    assert brief.resolution(brief.items[0].citations[0]).status == "fuzzy"
    md = to_markdown(brief)
    assert "(fuzzy; needs review):" in md and "allegedly maintains" in md
    assert "reportedly maintains" not in md
    xml = footnotes_xml(brief)
    assert "allegedly maintains" in xml and "reportedly maintains" not in xml


def test_issue_example_split_sentence_keeps_every_link_right(tmp_path):
    """'for comment and initially chose' -> 'for comment. So initially chose': same length,
    one more sentence, so every later sentence id shifts. Every citation must still point at
    (and every note quote) the sentence it cited."""
    def split(doc):
        text = doc["sources"][0]["text"]
        assert "for comment and initially chose" in text
        doc["sources"][0]["text"] = text.replace("for comment and initially chose",
                                              "for comment. So initially chose")
    brief = edited_sample(tmp_path, split)
    sample = Brief.load(SEEDS / "musk-putin-contacts.brief")
    shifted = 0
    for item, old in zip(brief.items, sample.items):
        for c, was in zip(item.citations, old.citations):
            s = brief.trusted_sentence(c)
            assert s is not None and s.text == c.exact
            shifted += s.id != sample.trusted_sentence(was).id
    assert shifted >= 10          # most ids moved on by one: the stored ones are not used
    md = to_markdown(brief)
    for line in md.splitlines():
        if line.startswith("[^") and "Sentence " in line:
            number = line.split("Sentence ", 1)[1].split(":", 1)[0]
            text = brief.sentence(f"s{number}").text
            # the note's text read as a reader shows it (escapes and entities decoded)
            assert text.replace("“", "").replace("”", "")[:30] in unescape(line.replace("\\", ""))


def test_an_item_with_no_source_says_so_in_every_export():
    b = Brief.from_text("Officials met on Monday. The ministry denied it.", title="T")
    b.add_item("claim", "Cited claim", ["s1"])
    b.add_item("risk", "A risk resting on nothing")
    md = to_markdown(b)
    assert "A risk resting on nothing *(no source cited)*" in md
    assert "Cited claim *(no source cited)*" not in md
    stream = io.BytesIO()
    write_docx(b, stream, annex=False)
    with zipfile.ZipFile(stream) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert body.count("(no source cited)") == 1
