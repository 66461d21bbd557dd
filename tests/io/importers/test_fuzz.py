"""Fuzz every importer with mutated real files: bytes flipped, runs overwritten, files cut
short, and (for zip formats) the XML inside damaged. Whatever comes in, an importer returns
an article or raises BriefingFileError: anything else is a bug."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.io.errors import BriefingFileError
from briefing.io.importers import BY_NAME, import_data

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = {
    "pdf": (FIXTURES / "report_two_column.pdf").read_bytes(),
    "docx": (FIXTURES / "memo_footnotes.docx").read_bytes(),
    "odt": (FIXTURES / "memo_footnotes.odt").read_bytes(),
    "html": (FIXTURES / "news.html").read_bytes(),
    "mhtml": (FIXTURES / "saved_page.mhtml").read_bytes(),
    "text": ("The minister said on Tuesday that talks had stalled.\n" * 40).encode("cp1252"),
}
FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))


@st.composite
def mutated(draw, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 12))):
        # anywhere, or near the end (a zip's directory, a PDF's xref table and trailer)
        at = draw(st.one_of(st.integers(0, len(out) - 1),
                            st.integers(0, min(400, len(out) - 1)).map(lambda back: len(out) - 1 - back)))
        kind = draw(st.sampled_from(["flip", "run", "delete", "insert"]))
        if kind == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "run":
            chunk = draw(st.binary(min_size=1, max_size=16))
            out[at:at + len(chunk)] = chunk
        elif kind == "delete":
            del out[at:at + draw(st.integers(1, 64))]
        else:
            out[at:at] = draw(st.sampled_from([b"<", b">", b"(", b")", b"obj", b"endobj", b"stream",
                                               b"\x00", b"\xff\xfe", b"<html>", b"%PDF-", b"&#0;"]))
        if not out:
            break
    if draw(st.booleans()):
        out = out[:draw(st.integers(0, len(out)))]
    return bytes(out)


@st.composite
def mutated_zip(draw, data: bytes) -> bytes:
    """A zip whose members' XML is damaged but which still unzips cleanly."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    victim = draw(st.sampled_from([n for n in names if n.endswith(".xml")]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            body = source.read(name)
            target.writestr(name, draw(mutated(body)) if name == victim else body)
    return buffer.getvalue()


def check(kind: str, data: bytes) -> None:
    try:
        imported = BY_NAME[kind].read(data, f"fuzz.{kind}") if data.strip() else None
        if imported is not None:
            assert isinstance(imported.text, str)
            for start, end in imported.headings:
                assert 0 <= start < end <= len(imported.text)
        import_data(data, f"fuzz.{kind}")
    except BriefingFileError as exc:
        assert "\n" not in str(exc)


@SLOW
@given(mutated(SOURCES["pdf"]))
def test_pdf_importer_only_raises_file_errors(data):
    check("pdf", data)


@FAST
@given(st.one_of(mutated(SOURCES["docx"]), mutated_zip(SOURCES["docx"])))
def test_docx_importer_only_raises_file_errors(data):
    check("docx", data)


@FAST
@given(st.one_of(mutated(SOURCES["odt"]), mutated_zip(SOURCES["odt"])))
def test_odt_importer_only_raises_file_errors(data):
    check("odt", data)


@FAST
@given(mutated(SOURCES["html"]))
def test_html_importer_only_raises_file_errors(data):
    check("html", data)


@FAST
@given(mutated(SOURCES["mhtml"]))
def test_mhtml_importer_only_raises_file_errors(data):
    check("mhtml", data)


@FAST
@given(mutated(SOURCES["text"]))
def test_text_importer_only_raises_file_errors(data):
    check("text", data)
