"""Bad input is one clear line naming the file, never a traceback, and `briefing new`
writes nothing; content decides the importer, not the name."""
from __future__ import annotations

import io
import socket
import zipfile
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.io.article_import import import_article, read_article
from briefing.io.errors import BriefingFileError
from briefing.io.importers import file_filters, is_supported, sniff, suffixes

FIXTURES = Path(__file__).parent / "fixtures"


def docx_without_body() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-closed")
    return buffer.getvalue()


BAD = [
    ("empty.pdf", b"", "empty"),
    ("truncated.pdf", (FIXTURES / "report_two_column.pdf").read_bytes()[:1500], "damaged PDF"),
    ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(1, 32)) * 50, "PDF"),
    ("encrypted.pdf", (FIXTURES / "encrypted.pdf").read_bytes(), "password-protected"),
    ("scan.pdf", (FIXTURES / "scanned_no_text.pdf").read_bytes(), "no text layer"),
    ("text.pdf", b"Just some words that are not a PDF at all.", "not a PDF"),
    ("empty.docx", b"", "empty"),
    ("truncated.docx", (FIXTURES / "memo_footnotes.docx").read_bytes()[:900], "damaged DOCX"),
    ("protected.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected"),
    ("broken.docx", docx_without_body(), "damaged DOCX"),
    ("truncated.odt", (FIXTURES / "memo_footnotes.odt").read_bytes()[:700], "damaged ODT"),
    ("nav.html", b"<html><body><nav><a href='/'>Home</a> <a href='/b'>News</a></nav></body></html>",
     "no article text"),
    ("empty.html", b"<!doctype html><html><head><title>x</title></head><body></body></html>",
     "no article text"),
    ("nothing.mhtml", b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n"
                      b"Content-Type: image/png\n\nabc\n--x--\n", "no web page"),
]


@pytest.mark.parametrize("name,data,words", BAD, ids=[b[0] for b in BAD])
def test_bad_files_give_one_line_naming_the_file(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BriefingFileError) as info:
        read_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert words in message, message


@pytest.mark.parametrize("name,data,words", BAD[:6], ids=[b[0] for b in BAD[:6]])
def test_briefing_new_refuses_them_and_writes_nothing(tmp_path, capsys, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out.brief"
    assert main(["new", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ") and err.count("\n") == 1 and words in err
    assert not out.exists()


@pytest.mark.parametrize("fixture,saved_as,importer", [
    ("report_two_column.pdf", "report.txt", "pdf"),
    ("memo_footnotes.docx", "memo", "docx"),
    ("memo_footnotes.odt", "memo.zip", "odt"),
    ("news.html", "page.txt", "html"),
    ("saved_page.mhtml", "page.html", "mhtml"),
])
def test_content_decides_not_the_name(tmp_path, fixture, saved_as, importer):
    path = tmp_path / saved_as
    path.write_bytes((FIXTURES / fixture).read_bytes())
    assert import_article(path).importer == importer


def test_suffix_decides_for_a_fragment_and_text_stays_text(tmp_path):
    fragment = tmp_path / "fragment.htm"
    fragment.write_text("<p>" + "The minister said the talks had stalled again. " * 5 + "</p>")
    assert import_article(fragment).importer == "html"
    note = tmp_path / "note.md"
    note.write_text("# Notes\n\nA <b>bold</b> claim in Markdown stays text.\n")
    assert sniff(note.read_bytes(), note).name == "text"
    assert read_article(note).text == "# Notes\n\nA <b>bold</b> claim in Markdown stays text.\n"


def test_filters_and_suffixes_come_from_the_registry():
    for suffix in (".txt", ".md", ".html", ".htm", ".mhtml", ".pdf", ".docx", ".odt"):
        assert suffix in suffixes() and f"*{suffix}" in file_filters()
        assert is_supported(f"x{suffix.upper()}")
    assert not is_supported("x.brief")
    assert file_filters().startswith("Articles (") and file_filters().endswith("All files (*)")


def test_no_importer_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during import")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for fixture in sorted(FIXTURES.iterdir()):
        if fixture.suffix in (".html", ".mhtml", ".pdf", ".docx", ".odt") and "scan" not in fixture.name \
                and "encrypted" not in fixture.name:
            assert import_article(fixture).text
