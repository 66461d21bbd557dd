"""Article text rules: line endings on import, and which lines are crossheads."""
from briefing.core.article import is_heading, looks_like_heading, normalise_text


def test_normalise_text_drops_the_bom_and_unifies_line_endings():
    assert normalise_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"


def test_a_short_unpunctuated_line_alone_is_a_heading():
    text = "Intro sentence.\n\nTop-Secret Clearance\n\nDespite it all, more."
    start = text.index("Top")
    assert is_heading(text, start, start + len("Top-Secret Clearance"))
    assert not is_heading(text, 0, len("Intro sentence."))          # ends in a full stop
    assert not looks_like_heading("x" * 121)                          # too long to be one


def test_a_sentence_sharing_its_line_is_not_a_heading():
    text = "Breaking News and more. Next"
    assert not is_heading(text, text.index("Next"), len(text))
