"""Article import: every common encoding opens with the right text; empty and binary
files get one clear line; line endings become LF so offsets are platform-free."""
from __future__ import annotations

import codecs

import pytest

from briefing import Brief
from briefing.cli import main
from briefing.io.article_import import decode_article, read_article
from briefing.io.errors import BriefingFileError

TEXT = "“Talks stalled,” the minister said in Zürich — café prices rose 3½%. Nobody knows why.\nSecond line."


def write(tmp_path, data: bytes, name: str = "article.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_unicode_encodings_open_with_the_exact_text(tmp_path, encoding, bom):
    path = write(tmp_path, bom + TEXT.encode(encoding))
    article = read_article(path)
    assert article.text == TEXT
    assert not article.text.startswith("\ufeff")


def test_cp1252_smart_quotes_and_accents(tmp_path):
    text = "“Talks stalled,” the minister said — café, naïve, 3½ € ‘ok’."
    path = write(tmp_path, text.encode("cp1252"))
    assert read_article(path).text == text


def test_latin1_bytes_undefined_in_cp1252_still_open(tmp_path):
    data = "Résumé".encode("latin-1") + b" \x81\x8d\x8f\x90\x9d end."  # holes in cp1252
    text = read_article(write(tmp_path, data)).text
    assert text.startswith("Résumé ") and text.endswith(" end.")


@pytest.mark.parametrize("raw,expected", [
    (b"One.\r\nTwo.\r\nThree.", "One.\nTwo.\nThree."),
    (b"One.\rTwo.\rThree.", "One.\nTwo.\nThree."),
    (b"One.\r\n\r\nTwo.\rThree.\n", "One.\n\nTwo.\nThree.\n"),
])
def test_crlf_and_lone_cr_become_lf(tmp_path, raw, expected):
    assert read_article(write(tmp_path, raw)).text == expected


def test_crlf_in_utf16_is_normalised_too(tmp_path):
    path = write(tmp_path, codecs.BOM_UTF16_LE + "A.\r\nB.\rC.".encode("utf-16-le"))
    assert read_article(path).text == "A.\nB.\nC."


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b"   \r\n\t\n  ", "empty"),
    (codecs.BOM_UTF8, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (b"text then a NUL\x00 byte", "binary"),
    ("no BOM".encode("utf-16-le"), "binary"),
    (bytes(b for b in range(1, 256) if b not in b"\t\n\r") * 40, "binary"),   # no NUL at all
    (b"%PDF-1.7\n" + bytes(range(1, 32)) * 50, "damaged PDF"),  # read as the PDF it claims to be
    (codecs.BOM_UTF16_LE + b"A\x00\x00\xd8", "damaged"),  # lone surrogate
])
def test_empty_and_binary_files_get_one_clear_line(tmp_path, data, words):
    """(A real article with the odd stray control character still opens: see below.)"""
    path = write(tmp_path, data)
    with pytest.raises(BriefingFileError) as info:
        read_article(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert words in message


def test_missing_and_folder(tmp_path):
    with pytest.raises(BriefingFileError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(BriefingFileError, match="folder"):
        read_article(tmp_path)


def test_ten_megabyte_article_opens(tmp_path):
    paragraph = ("The minister said on Tuesday that talks had stalled. Prices rose 3.5% in Zürich. "
                 "“Nobody knows,” an official said.\r\n")
    data = (paragraph * (10 * 1024 * 1024 // len(paragraph.encode()) + 1)).encode("utf-8")
    assert len(data) > 10 * 1024 * 1024
    path = write(tmp_path, data)
    brief = Brief.from_article_file(path)
    assert brief.article.text == data.decode("utf-8").replace("\r\n", "\n")
    assert brief.sentences[0].text == "The minister said on Tuesday that talks had stalled."
    assert brief.sentences[-1].text == "“Nobody knows,” an official said."


def test_article_over_the_cap_is_refused(tmp_path, monkeypatch):
    from briefing.io import article_import
    monkeypatch.setattr(article_import, "MAX_ARTICLE_BYTES", 100)
    with pytest.raises(BriefingFileError, match="too large"):
        read_article(write(tmp_path, b"x. " * 100))


def test_decode_article_order():
    assert decode_article("é".encode("utf-8"), "p") == "é"       # UTF-8 wins over cp1252
    assert decode_article(b"\xe9", "p") == "é"                   # not UTF-8: cp1252
    assert decode_article(codecs.BOM_UTF8 + b"x", "p") == "x"    # BOM dropped


# ---- the same through `briefing new` ----------------------------------------------------------
@pytest.mark.parametrize("data", [
    TEXT.encode("cp1252", "replace"), codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode("utf-8"),
])
def test_briefing_new_opens_any_encoding(tmp_path, capsys, data):
    path = write(tmp_path, data)
    out = tmp_path / "out.brief"
    assert main(["new", str(path), "-o", str(out)]) == 0
    assert Brief.load(out).article.text == read_article(path).text
    assert "new brief over" in capsys.readouterr().out


@pytest.mark.parametrize("data,words", [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")])
def test_briefing_new_refuses_bad_articles_with_one_line(tmp_path, capsys, data, words):
    path = write(tmp_path, data)
    out = tmp_path / "out.brief"
    assert main(["new", str(path), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"error: {path}: ") and captured.err.count("\n") == 1
    assert words in captured.err
    assert not out.exists()


def test_a_stray_control_character_does_not_make_an_article_binary(tmp_path):
    text = "Officials said the talks stalled.\x0c Prices rose 3.5%. " * 20 + "Bell:\x07\x07 end."
    assert read_article(write(tmp_path, text.encode("cp1252"))).text == text
