"""Hard-wrapped text (e-mails, text copied from PDFs) becomes one line per paragraph before
segmentation; text with natural line lengths is left exactly as it is."""
from __future__ import annotations

from briefing import Brief
from briefing.io.article_import import read_article
from briefing.io.importers.unwrap import join_lines, keeps_hyphen, unwrap_if_wrapped

EMAIL = """Subject: talks

The delegation arrived late on Tuesday and met the port authority for two
hours before the talks were adjourned. According to people in the room, the
chief negotiator told the minister that no agreement was possible before the
state-backed insurer had
Maria Okonkwo, who chairs the union, said the offer of a retraining pro-
gramme was welcome but came far too late for the crane operators.

A second meeting is planned for Friday morning, when the mediator will put a
written proposal to both sides and ask for an answer within a week.
"""


def test_an_email_is_unwrapped_into_paragraphs():
    text = unwrap_if_wrapped(EMAIL)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Subject: talks"
    assert paragraphs[1].startswith("The delegation arrived late on Tuesday and met the port authority for two hours")
    assert "programme was welcome" in paragraphs[1]
    assert paragraphs[2].startswith("A second meeting") and "\n" not in paragraphs[2].rstrip("\n")


def test_a_capitalised_name_at_a_line_start_does_not_start_a_sentence(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text(EMAIL)
    brief = Brief.from_article_file(path)
    assert not any(s.text.startswith("Maria Okonkwo") for s in brief.sentences)


def test_natural_lines_are_kept():
    for text in ("One.\nTwo.\nThree.", "Title\n\nA long paragraph that is not wrapped at all, it just "
                 "goes on and on as paragraphs do when someone types them into an editor.\nNext one.\n"):
        assert unwrap_if_wrapped(text) == text


def test_hyphens_at_line_ends():
    vocabulary = {"state-backed", "railway", "voyage"}
    assert join_lines(["a state-", "backed insurer"], vocabulary) == "a state-backed insurer"
    assert join_lines(["the rail-", "way line"], vocabulary) == "the railway line"
    assert join_lines(["per-", "suaded"], vocabulary) == "persuaded"
    assert join_lines(["lose cover mid-", "voyage."], vocabulary) == "lose cover mid-voyage."
    assert keeps_hyphen("Franco", "German", set())


def test_a_text_file_keeps_its_exact_text_when_not_wrapped(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Short line.\nAnother short line.\n")
    assert read_article(path).text == "Short line.\nAnother short line.\n"
