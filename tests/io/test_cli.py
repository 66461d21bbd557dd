"""The command line: new, sentences, check, --version. In-process through main(argv)
and as a real process, where a bad file must give one line on stderr and no traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefing
from briefing import Brief
from briefing.cli import main

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("The ministry confirmed the talks on Monday. Officials said a deal was close.\r\n\r\n"
           "Critics called it “a stunt”. Nobody knows what happens next.")
NORMALISED = ARTICLE.replace("\r\n", "\n")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "talks-stall.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    return path


def one_error_line(err: str, path) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(f"error: {path}: "), err
    assert "Traceback" not in err
    return err.rstrip("\n")


# ---- new --------------------------------------------------------------------------------
def test_new_writes_a_brief_over_the_article(tmp_path, article, capsys):
    out = tmp_path / "out.brief"
    assert main(["new", str(article), "-o", str(out), "--title", "Talks"]) == 0
    assert capsys.readouterr().out == f"{out}: new brief over 1 source, 4 sentences\n"
    brief = Brief.load(out)
    assert brief.article.text == NORMALISED
    assert brief.title == "Talks" and brief.items == []


def test_new_refuses_to_overwrite_without_force(tmp_path, article, capsys):
    out = tmp_path / "out.brief"
    out.write_bytes(b"precious")
    assert main(["new", str(article), "-o", str(out)]) == 2
    line = one_error_line(capsys.readouterr().err, out)
    assert "already exists" in line and "--force" in line
    assert out.read_bytes() == b"precious"
    assert main(["new", str(article), "-o", str(out), "--force"]) == 0
    assert Brief.load(out).article.text == NORMALISED


def test_new_with_a_missing_article(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["new", str(missing), "-o", str(tmp_path / "o.brief")]) == 2
    assert "no such file" in one_error_line(capsys.readouterr().err, missing)
    assert not (tmp_path / "o.brief").exists()


# ---- sentences ----------------------------------------------------------------------------
def _sentences_json(capsys, path) -> list[dict]:
    assert main(["sentences", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_sentences_json_for_an_article_and_for_a_brief(tmp_path, article, capsys):
    rows = _sentences_json(capsys, article)
    assert [r["id"] for r in rows] == ["s1", "s2", "s3", "s4"]
    for r in rows:
        assert set(r) == {"source", "id", "start", "end", "text"} and r["source"] == "src1"
        assert NORMALISED[r["start"]:r["end"]] == r["text"]
    assert rows[2]["text"] == "Critics called it “a stunt”."
    out = tmp_path / "a.brief"
    main(["new", str(article), "-o", str(out)])
    capsys.readouterr()
    assert _sentences_json(capsys, out) == rows


def test_sentences_plain_text(article, capsys):
    assert main(["sentences", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "s1\t0-43\tThe ministry confirmed the talks on Monday."
    assert len(lines) == 4


# ---- check -------------------------------------------------------------------------------
def _brief_with_an_edited_article(tmp_path) -> Path:
    b = Brief.from_text(NORMALISED, title="Talks stall")
    b.set_meta("title", "Talks")
    b.set_meta("summary", "Talks stalled.")
    for text, ids in (("Deal close", ["s2"]), ("Confirmed", ["s1", "s3"])):
        b.set_field(b.add_item("claim", text, ids).id, "source", "Officials")
    b.add_item("actor", "Critics", ["s3"])
    b.add_item("question", "What next?")
    path = tmp_path / "edited.brief"
    b.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sources"][0]["text"] = doc["sources"][0]["text"].replace("a deal was close", "no deal is near")
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def test_check_lists_needs_review_and_uncited_and_never_writes(tmp_path, capsys):
    path = _brief_with_an_edited_article(tmp_path)
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    assert main(["check", str(path)]) == 1   # findings
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}: needs attention — Talks"
    assert out[1] == "  key claims: 2, actors: 1, risks: 0, open questions: 1"
    assert out[2] == "  citations: 4 (moved 3, fuzzy 1)"
    assert out[3] == "  need review: 1, uncited items: 1"
    assert out[4].startswith("  warning: item-1: citation-review: source 1 needs review "
                             "(fuzzy, 57% similar to sentence 2)")
    assert out[4].endswith('"Officials said a deal was close."')
    assert out[5] == "  warning: item-4: uncited: this question cites no sentence of any source"
    assert len(out) == 6
    assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime  # never modified
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_check_json_is_one_object_with_every_citation(tmp_path, capsys):
    path = _brief_with_an_edited_article(tmp_path)
    assert main(["check", "--json", str(path)]) == 1
    rep = json.loads(capsys.readouterr().out)
    assert rep["file"] == str(path) and rep["ok"] is False
    assert [(c["item"], c["index"], c["status"], c["sentence"]) for c in rep["citations"]] == [
        ("item-1", 0, "fuzzy", "s2"), ("item-2", 0, "moved", "s1"), ("item-2", 1, "moved", "s3"),
        ("item-3", 0, "moved", "s3")]
    fuzzy = rep["citations"][0]
    assert (fuzzy["quote"], fuzzy["text"]) == ("Officials said a deal was close.",
                                               "Officials said no deal is near.")
    assert 0.5 <= fuzzy["similarity"] < 1
    assert [(f["rule"], f["severity"], f["item"]) for f in rep["findings"]] == [
        ("citation-review", "warning", "item-1"), ("uncited", "warning", "item-4")]
    assert rep["counts"]["need_review"] == 1 and rep["counts"]["fuzzy"] == 1


def test_check_of_an_intact_brief_is_clean(tmp_path, article, capsys):
    out = tmp_path / "a.brief"
    main(["new", str(article), "-o", str(out)])
    capsys.readouterr()
    assert main(["check", str(out)]) == 1     # a new brief has no bottom line yet
    text = capsys.readouterr().out
    assert "(untitled brief)" in text and "citations: 0\n" in text and "need review: 0" in text
    assert text.splitlines()[-1] == "  warning: -: empty-bottom-line: the brief has no bottom line (summary)"
    brief = Brief.load(out)
    brief.set_meta("summary", "Talks stalled.")
    brief.save(out)
    assert main(["check", str(out)]) == 0


def test_update_reports_each_citation_and_refuses_to_overwrite(tmp_path, capsys):
    b = Brief.from_text(NORMALISED, title="Talks")
    b.add_item("claim", "Deal close", ["s2"])
    b.add_item("actor", "Critics", ["s3"])
    path = tmp_path / "t.brief"
    b.save(path)
    new = tmp_path / "v2.txt"
    new.write_text("A new first line.\n\n" + NORMALISED.replace("Officials said a deal was close.", ""),
                   encoding="utf-8")
    before = path.read_bytes()
    assert main(["update", str(path), str(new)]) == 2
    assert "use -o" in capsys.readouterr().err and path.read_bytes() == before
    out = tmp_path / "t2.brief"
    assert main(["update", str(path), str(new), "-o", str(out), "--json"]) == 1
    rep = json.loads(capsys.readouterr().out)
    assert [(c["status"], c["quote"]) for c in rep["citations"]] == [
        ("orphaned", "Officials said a deal was close."), ("moved", "Critics called it “a stunt”.")]
    assert rep["file"] == str(out) and path.read_bytes() == before
    again = Brief.load(out)
    assert again.article.text.startswith("A new first line.")
    assert [again.resolution(i.citations[0]).status for i in again.items] == ["orphaned", "exact"]
    assert main(["update", str(path), str(new), "-o", str(out)]) == 2   # exists: needs --force
    capsys.readouterr()
    assert main(["update", str(path), str(new), "--force"]) == 1
    assert Brief.load(path).article.text.startswith("A new first line.")


def test_check_missing_file_gives_one_line(tmp_path, capsys):
    missing = tmp_path / "missing.brief"
    assert main(["check", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert one_error_line(captured.err, missing) == f"error: {missing}: no such file"


def test_check_of_an_article_file_is_an_error_not_a_crash(article, capsys):
    assert main(["check", str(article)]) == 2
    one_error_line(capsys.readouterr().err, article)


# ---- --version -------------------------------------------------------------------------------
def test_version_in_process(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"briefing {briefing.__version__}\n"


# ---- real processes -----------------------------------------------------------------------------
def test_real_process_version_and_errors_without_traceback(tmp_path, article):
    result = run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"briefing {briefing.__version__}\n", "")

    missing = tmp_path / "missing.brief"
    result = run("check", str(missing))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"error: {missing}: no such file\n"

    bad = tmp_path / "bad.brief"
    bad.write_bytes(b'{"format": "briefing", "version": 1, "brief": ')
    result = run("check", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    assert "truncated" in one_error_line(result.stderr, bad)

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("new", str(empty), "-o", str(tmp_path / "x.brief"))
    assert result.returncode == 2
    assert "empty" in one_error_line(result.stderr, empty)


def test_real_process_new_sentences_check(tmp_path, article):
    out = tmp_path / "a.brief"
    result = run("new", str(article), "-o", str(out))
    assert result.returncode == 0 and result.stderr == ""
    result = run("sentences", str(out), "--json")
    assert result.returncode == 0 and result.stderr == ""
    assert [r["text"] for r in json.loads(result.stdout)][2] == "Critics called it “a stunt”."
    edited = _brief_with_an_edited_article(tmp_path)
    result = run("check", str(edited))
    assert result.returncode == 1 and result.stderr == ""
    assert "citations: 4 (moved 3, fuzzy 1)" in result.stdout


# ---- several sources ---------------------------------------------------------------------
REPORTS = {
    "paper.txt": "Officials said Musk spoke to Putin often. The Kremlin denied it.",
    "tass.html": ("<html><head><title>Kremlin rejects report</title></head><body><article>"
                  "<p>Peskov said there was one call only. He called the report false.</p>"
                  "</article></body></html>"),
    "ministry.md": "# Ministry statement\n\nThe ministry is reviewing the reports. It said "
                   "nothing more.\n",
}


def _reports(tmp_path) -> list[Path]:
    paths = []
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    return paths


def test_new_over_several_files_then_add_source_then_check_json(tmp_path, capsys):
    paper, tass, ministry = _reports(tmp_path)
    out = tmp_path / "x.brief"
    assert main(["new", str(paper), str(tass), "-o", str(out)]) == 0
    assert "2 sources" in capsys.readouterr().out
    assert main(["add-source", str(out), str(ministry)]) == 0
    said = capsys.readouterr().out
    assert "added src3 “Ministry”" in said
    brief = Brief.load(out)
    assert [s.title for s in brief.sources] == ["Paper", "Kremlin rejects report", "Ministry"]
    brief.set_field(brief.add_item("claim", "Denied", ["s2", "src2:s2"]).id, "source", "Kremlin")
    brief.set_meta("summary", "Denied.")
    brief.save(out)
    assert main(["check", "--json", str(out)]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert [c["source"] for c in rep["citations"]] == ["src1", "src2"]
    assert [c["sentence"] for c in rep["citations"]] == ["s2", "src2:s2"]
    assert main(["sentences", "--json", str(out)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["source"] for r in rows} == {"src1", "src2", "src3"}
    assert len({r["id"] for r in rows}) == len(rows)


def test_add_source_errors_are_one_line_and_leave_the_brief_alone(tmp_path, capsys):
    paper, tass, _ = _reports(tmp_path)
    out = tmp_path / "x.brief"
    main(["new", str(paper), "-o", str(out)])
    before = out.read_bytes()
    capsys.readouterr()
    assert main(["add-source", str(out), str(tass), str(tmp_path / "gone.pdf")]) == 2
    assert one_error_line(capsys.readouterr().err, tmp_path / "gone.pdf").endswith("no such file")
    assert out.read_bytes() == before


def test_update_one_source_by_id(tmp_path, capsys):
    paper, tass, _ = _reports(tmp_path)
    out = tmp_path / "x.brief"
    main(["new", str(paper), str(tass), "-o", str(out)])
    brief = Brief.load(out)
    brief.add_item("claim", "Denied", ["s2", "src2:s2"])
    brief.save(out)
    newer = tmp_path / "tass2.txt"
    newer.write_text("Peskov said there was one call only.", encoding="utf-8")
    capsys.readouterr()
    assert main(["update", str(out), str(newer), "--source", "src2", "--force", "--json"]) == 1
    rep = json.loads(capsys.readouterr().out)
    assert [(c["source"], c["status"]) for c in rep["citations"]] == [("src2", "orphaned")]
    assert main(["update", str(out), str(newer), "--source", "src7", "--force"]) == 2
    assert "has no source 'src7'" in capsys.readouterr().err
