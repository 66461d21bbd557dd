"""`briefing export` end to end through briefing.cli.main."""
from __future__ import annotations

import zipfile

import docx
import pytest

from briefing.cli import main
from briefing.io.errors import BriefingFileError
from briefing.io.export import export_file
from support import briefs as BRIEFS





@pytest.fixture
def brief_file(tmp_path):
    path = tmp_path / "talks.brief"
    BRIEFS.build().save(path)
    return path


@pytest.mark.parametrize("to", ["md", "docx"])
def test_exports_and_reports(brief_file, tmp_path, capsys, to):
    out = tmp_path / f"talks.{to}"
    assert main(["export", str(brief_file), "--to", to, "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: exported 7 items as {to}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["talks.brief", out.name])
    if to == "md":
        assert out.read_text(encoding="utf-8").startswith("**TLP:AMBER**\n\n# Vienna talks")
    else:
        assert zipfile.ZipFile(out).testzip() is None
        assert docx.Document(out).core_properties.title == "Vienna talks: where they stand"


def test_refuses_to_overwrite_without_force(brief_file, tmp_path, capsys):
    out = tmp_path / "talks.md"
    out.write_text("keep me")
    assert main(["export", str(brief_file), "--to", "md", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {out}: already exists (use --force to overwrite)\n"
    assert out.read_text() == "keep me"


def test_force_overwrites(brief_file, tmp_path, capsys):
    out = tmp_path / "talks.docx"
    out.write_text("old")
    assert main(["export", str(brief_file), "--to", "docx", "-o", str(out), "--force"]) == 0
    assert zipfile.is_zipfile(out)


def test_no_annex_flag(brief_file, tmp_path):
    out = tmp_path / "talks.md"
    assert main(["export", str(brief_file), "--to", "md", "-o", str(out), "--no-annex"]) == 0
    assert "Annex" not in out.read_text(encoding="utf-8")


def test_bad_brief_is_one_line_exit_2_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.brief"
    bad.write_text("{not json")
    out = tmp_path / "out.docx"
    assert main(["export", str(bad), "--to", "docx", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}") and err.count("\n") == 1
    assert not out.exists()


def test_missing_brief_and_unwritable_output(brief_file, tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.brief"), "--to", "md", "-o",
                 str(tmp_path / "x.md")]) == 2
    assert main(["export", str(brief_file), "--to", "md", "-o",
                 str(tmp_path / "no" / "such" / "dir.md")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and all(e.startswith("error: ") for e in errors)


def test_export_file_refuses_a_folder_and_unknown_format(tmp_path):
    brief = BRIEFS.build()
    with pytest.raises(BriefingFileError, match="is a folder"):
        export_file(brief, "md", tmp_path, force=True)
    with pytest.raises(ValueError, match="unknown export format"):
        export_file(brief, "pdf", tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
