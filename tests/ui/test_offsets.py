"""The offset seam: every sentence selected through it reads back exactly from Qt."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from briefing import Brief
from briefing.core.article import Article
from briefing.ui.offsets import OffsetMap, display_text, document_text

MIXED = (
    "Family 👨\u200d👩\u200d👧 photo 😀 went viral.\r\n"
    "Cafe\u0301 owners cheered. 東京の記者が報じた。\r\n"
    "\r\n"
    "قال المتحدث إن الاجتماع سيعقد غدا. הדובר אמר שהפגישה תתקיים מחר.\r"
    "A flag 🇺🇦 and a rocket 🚀 came next.\n"
    "\u2029Final words were said. The end 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 here.\r\n"
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def qt_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(document_text(text))
    return doc


def qt_slice(doc: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_document_length_matches_the_map(qapp):
    doc = qt_document(MIXED)
    assert doc.characterCount() - 1 == OffsetMap(MIXED).qt_length


def test_every_sentence_reads_back_exactly_through_the_seam(qapp):
    brief = Brief(Article(text=MIXED))  # not normalised: CRLF and lone CR stay
    assert "\r\n" in brief.article.text and len(brief.sentences) >= 8
    offsets, doc = OffsetMap(MIXED), qt_document(MIXED)
    for s in brief.sentences:
        got = qt_slice(doc, offsets.to_qt(s.start), offsets.to_qt(s.end))
        assert got == display_text(s.text), s


def test_known_positions():
    offsets = OffsetMap("a😀b\r\nc")
    assert [offsets.to_qt(i) for i in range(7)] == [0, 1, 3, 4, 5, 5, 6]
    assert [offsets.to_cp(q) for q in range(7)] == [0, 1, 1, 2, 3, 5, 6]


def test_out_of_range_is_clamped():
    offsets = OffsetMap("😀x")
    assert offsets.to_qt(-5) == 0 and offsets.to_qt(99) == 3
    assert offsets.to_cp(-1) == 0 and offsets.to_cp(99) == 2


def test_lone_cr_and_frame_marks_keep_one_position_each():
    assert document_text("a\rb\r\nc\ufdd0") == "a\nb\nc\ufffd"


ALPHABET = st.sampled_from([
    "a", "Z", " ", ".", "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0301", "\u200d",
    "😀", "🇺", "𝔘", "東", "ق", "ה", "\ufdd0", "\t",
])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)


@given(TEXTS)
def test_to_qt_is_the_utf16_length_of_the_document_prefix(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert offsets.to_qt(cp) == utf16_len(document_text(text[:cp]))


@given(TEXTS)
def test_round_trips(text):
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        inside_crlf = 0 < cp < len(text) and text[cp - 1:cp + 1] == "\r\n"
        assert offsets.to_cp(offsets.to_qt(cp)) == cp + inside_crlf
    boundaries = {offsets.to_qt(cp) for cp in range(len(text) + 1)}
    for q in range(offsets.qt_length + 1):
        back = offsets.to_qt(offsets.to_cp(q))
        assert back == q if q in boundaries else back == q - 1  # inside a surrogate pair


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.data())
def test_any_span_reads_back_from_a_real_document(qapp, text, data):
    offsets, doc = OffsetMap(text), qt_document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if "\r\n" in text[max(0, start - 1):start + 1] or "\r\n" in text[max(0, end - 1):end + 1]:
        return  # a span cutting a CRLF pair has no exact Qt equivalent
    got = qt_slice(doc, offsets.to_qt(start), offsets.to_qt(end))
    assert got == display_text(text[start:end])


def test_a_megabyte_article_maps_its_last_offset():
    size = 1_000_000
    text = ("Word 😀 text.\r\n" * (size // 14 + 1))[:size]
    offsets = OffsetMap(text)
    assert offsets.to_cp(offsets.to_qt(size - 1)) == size - 1
