"""Files at the edges: names near the 255-byte limit, symbolic links, read-only targets,
long titles in Word's properties, broken pipes, and one-line errors for all of them."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import docx
import pytest

from briefing import Brief
from briefing.cli import main
from briefing.io import atomic, brief_file
from briefing.io.errors import BriefingFileError, ReadOnlyError
from briefing.io.export import export_file

TEXT = "Officials met on Monday. The ministry denied it. Talks resumed."


def small() -> Brief:
    b = Brief.from_text(TEXT, title="Talks")
    b.add_item("claim", "Met", ["s1"])
    return b


def test_a_name_near_the_limit_can_be_saved_in_place(tmp_path):
    path = tmp_path / ("n" * 249 + ".brief")           # 255 bytes: the longest allowed
    small().save(path)
    again = Brief.load(path)
    again.set_meta("title", "Changed")
    again.save(path)                                    # the temp name must fit too
    assert Brief.load(path).title == "Changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_name_over_the_limit_is_one_clear_error(tmp_path):
    path = tmp_path / ("n" * 300 + ".brief")
    with pytest.raises(BriefingFileError) as info:
        small().save(path)
    assert str(info.value) == f"{path}: cannot save: File name too long"
    with pytest.raises(BriefingFileError) as info:
        export_file(small(), "md", tmp_path / ("m" * 300 + ".md"))
    assert "cannot write: File name too long" in str(info.value)


def test_cli_errors_are_one_line_for_os_errors(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    long_out = tmp_path / ("x" * 300 + ".brief")
    assert main(["new", str(article), "-o", str(long_out)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {long_out}: File name too long\n"
    brief = tmp_path / "b.brief"
    small().save(brief)
    assert main(["export", str(brief), "--to", "md", "-o", str(tmp_path / ("y" * 300 + ".md"))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "File name too long" in err


def test_saving_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real" / "a.brief"
    real.parent.mkdir()
    small().save(real)
    link = tmp_path / "link.brief"
    link.symlink_to(real)
    b = Brief.load(link)
    b.set_meta("title", "Through the link")
    b.save(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert Brief.load(real).title == "Through the link"
    assert sorted(p.name for p in real.parent.iterdir()) == ["a.brief"]
    out = tmp_path / "real" / "a.md"
    out.write_text("old", encoding="utf-8")
    md_link = tmp_path / "a.md"
    md_link.symlink_to(out)
    export_file(b, "md", md_link, force=True)
    assert md_link.is_symlink() and "Through the link" in out.read_text(encoding="utf-8")


def test_a_read_only_file_is_not_replaced_without_being_told(tmp_path):
    path = tmp_path / "ro.brief"
    small().save(path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    b = Brief.load(path)
    b.set_meta("title", "Changed")
    with pytest.raises(ReadOnlyError) as info:
        brief_file.save(b, path)
    assert str(info.value) == f"{path}: cannot save: the file is read-only"
    assert path.read_bytes() == before
    brief_file.save(b, path, replace_read_only=True)
    assert Brief.load(path).title == "Changed"
    assert path.stat().st_mode & 0o777 == 0o444        # still read-only afterwards


def test_cli_refuses_a_read_only_target_even_with_force(tmp_path, capsys):
    brief = tmp_path / "b.brief"
    small().save(brief)
    out = tmp_path / "b.md"
    out.write_text("kept", encoding="utf-8")
    os.chmod(out, 0o444)
    assert main(["export", str(brief), "--to", "md", "-o", str(out), "--force"]) == 2
    assert capsys.readouterr().err == f"error: {out}: cannot write: the file is read-only\n"
    assert out.read_text(encoding="utf-8") == "kept"


def test_long_titles_fit_word_properties_and_stay_whole_in_the_document(tmp_path):
    b = small()
    title = "A very long title " * 30                      # 540 characters
    b.set_meta("title", title)
    b.set_meta("analyst", "An analyst with a long name " * 12)
    b.set_meta("article.title", "T" * 400)
    out = tmp_path / "long.docx"
    export_file(b, "docx", out)
    doc = docx.Document(str(out))
    props = doc.core_properties
    assert len(props.title) == 255 and props.title.endswith("…")
    assert len(props.author) <= 255 and len(props.subject) == 255
    body = "\n".join(p.text for p in doc.paragraphs)
    assert " ".join(title.split()) in " ".join(body.split())
    with zipfile.ZipFile(out) as z:
        assert "word/document.xml" in z.namelist()


def test_broken_pipe_ends_quietly_like_a_unix_tool(tmp_path):
    article = tmp_path / "big.txt"
    article.write_text("Word here. " * 100_000, encoding="utf-8")   # far more than a pipe holds
    proc = subprocess.Popen([sys.executable, "-m", "briefing", "sentences", str(article)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()                                   # the reader leaves, as `head` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert first.startswith(b"s1\t") and err == ""


def test_an_item_never_gets_the_same_note_mark_twice(tmp_path):
    from briefing.io.markdown_export import to_markdown
    b = small()
    item = b.items[0]
    c = item.citations[0]
    b.set_citations(item.id, [c, c])                     # the same anchor twice: merged
    assert item.citations == [c]
    path = tmp_path / "dup.brief"
    b.save(path)
    raw = path.read_text(encoding="utf-8")
    path.write_text(raw.replace('"citations": [{', '"citations": [' + raw.split('"citations": [', 1)[1]
                                .split("]}", 1)[0] + ", {", 1), encoding="utf-8")
    import json
    assert len(json.loads(path.read_text(encoding="utf-8"))["sections"]["claims"][0]["citations"]) == 2
    again = Brief.load(path)                             # a hand-made file with a repeat
    assert len(again.items[0].citations) == 1
    md = to_markdown(again)
    assert "[^1][^1]" not in md and md.count("[^1]") == 2   # the mark and the note
