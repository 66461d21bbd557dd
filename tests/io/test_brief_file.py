"""The .brief format: deterministic UTF-8 JSON that round-trips byte for byte, and every
kind of bad file gives one line `error: FILE: what is wrong (at path)`, exit 2, untouched."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import Brief
from briefing.cli import main
from briefing.core.items import FIELDS, MARKINGS
from briefing.core.sections import KINDS
from briefing.io import brief_file
from briefing.io.errors import BriefingFileError
from briefing.io.schema import FORMAT_NAME, FORMAT_VERSION

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ("Officials in Kyiv said on Tuesday that talks had stalled. The minister, who "
           "declined to be named, called the offer “a non-starter”. Prices rose 3.5% in "
           "Zürich. Nobody knows what happens next.\n\nA second paragraph follows here. "
           "It ends the article.")


def fixed_clock() -> str:
    return "2024-10-25T12:00:00Z"


def sample_brief() -> Brief:
    b = Brief.from_text(ARTICLE, title="Talks stall", outlet="Wire", author="A. Writer",
                        published="2024-10-25", url="https://example.org/a")
    b.clock = fixed_clock
    c = b.add_item("claim", "Talks stalled", ["s1", "s2"])
    b.set_field(c.id, "source", "Officials in Kyiv")
    b.set_field(c.id, "status", "disputed")
    a = b.add_item("actor", "The minister", ["s2"])
    b.set_field(a.id, "actor_type", "state")
    b.set_field(a.id, "note", "unnamed — “quoted”\nsecond line")
    b.add_item("risk", "Prices keep rising", ["s3"])
    q = b.add_item("question", "What happens next?", ["s4"])
    b.set_field(q.id, "priority", "high")
    b.set_meta("marking", "TLP:AMBER")
    b.set_meta("analyst", "Zoë")
    b.set_meta("summary", "Talks are stuck; prices up.")
    return b


def good_doc() -> dict:
    return json.loads(brief_file.dumps(sample_brief()))


# ---- round trips -----------------------------------------------------------------------
def test_save_load_save_is_byte_identical(tmp_path):
    first, second = tmp_path / "a.brief", tmp_path / "b.brief"
    sample_brief().save(first)
    Brief.load(first).save(second)
    assert first.read_bytes() == second.read_bytes()
    again = Brief.load(second)
    sample = sample_brief()
    assert [(i.id, i.kind, i.text, again.sentence_ids_of(i)) for i in again.items] == \
        [(i.id, i.kind, i.text, sample.sentence_ids_of(i)) for i in sample.items]


def test_file_is_utf8_json_with_format_name_and_version(tmp_path):
    path = tmp_path / "a.brief"
    sample_brief().save(path)
    raw = path.read_bytes()
    doc = json.loads(raw.decode("utf-8"))
    assert doc["format"] == FORMAT_NAME == "briefing"
    assert doc["version"] == FORMAT_VERSION == 4
    assert list(doc) == ["format", "version", "segmenter", "brief", "sources", "sections"]
    assert list(doc["sections"]) == ["claims", "actors", "risks", "questions"]
    assert "Zürich".encode("utf-8") in raw          # stored as UTF-8, not \u escapes
    assert raw.endswith(b"}\n") and not raw.startswith(b"\xef\xbb\xbf")
    assert doc["sources"][0]["text"] == ARTICLE


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_sentence = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@st.composite
def random_briefs(draw):
    sentences = draw(st.lists(_sentence, min_size=1, max_size=8))
    seps = draw(st.lists(st.sampled_from([". ", "! ", "? ", ".\n\n", "\r\n", " "]),
                         min_size=len(sentences), max_size=len(sentences)))
    text = "".join(s + sep for s, sep in zip(sentences, seps))
    meta = {k: draw(_text) for k in ("outlet", "author", "published", "url")}
    b = Brief.from_text(text, title=draw(_text), **meta)
    b.clock = fixed_clock
    for name in ("title", "analyst", "summary"):
        b.set_meta(name, draw(_text))
    b.set_meta("marking", draw(st.sampled_from(MARKINGS)))
    ids = [s.id for s in b.sentences]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(KINDS))
        cited = draw(st.lists(st.sampled_from(ids), max_size=3)) if ids else []
        item = b.add_item(kind, draw(_text), cited)
        for spec in FIELDS[kind][1:]:
            value = draw(st.sampled_from(spec.choices)) if spec.choices else draw(_text)
            b.set_field(item.id, spec.name, value)
        b.set_field(item.id, "note", draw(_text))
    return b


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_briefs())
def test_any_brief_round_trips_byte_identically(brief):
    data = brief_file.dumps(brief)
    loaded = brief_file.parse(data, "x.brief", Brief)
    assert brief_file.dumps(loaded) == data
    assert [(i.id, i.kind, i.fields, i.note, i.citations) for i in loaded.items] == \
        [(i.id, i.kind, i.fields, i.note, i.citations) for i in brief.items]
    assert loaded.article == brief.article


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(random_briefs())
def test_any_brief_round_trips_through_real_files(tmp_path, brief):
    a, b = tmp_path / "a.brief", tmp_path / "b.brief"
    brief.save(a)
    Brief.load(a).save(b)
    assert a.read_bytes() == b.read_bytes() == brief_file.dumps(brief)


# ---- bad files -------------------------------------------------------------------------
def _edit(fn):
    doc = good_doc()
    fn(doc)
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _dup_id(doc):
    doc["sections"]["actors"][0]["id"] = doc["sections"]["claims"][0]["id"]


GOOD = brief_file.dumps(sample_brief())
BAD_FILES = {
    # name: (bytes, words the message must contain, field path; "" = the file as a whole)
    "truncated": (GOOD[: len(GOOD) // 2], "truncated", ""),
    "truncated-in-string": (GOOD[:GOOD.index(b"Kyiv")], "truncated", ""),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not UTF-8", ""),
    "empty": (b"", "empty", ""),
    "non-json": (b"Officials said talks stalled.\n", "not valid JSON", ""),
    "json-but-list": (b"[1, 2, 3]\n", "not a Briefing file", ""),
    "wrong-format": (_edit(lambda d: d.update(format="notes")), "not a Briefing file", ""),
    "newer-version": (_edit(lambda d: d.update(version=FORMAT_VERSION + 1)), "newer Briefing", "version"),
    "wrong-type": (_edit(lambda d: d["brief"].update(title=42)), "not of type 'string'", "brief.title"),
    "wrong-type-offset": (_edit(lambda d: d["sections"]["claims"][0]["citations"][0]["position"]
                                .update(start="12")), "not of type 'integer'",
                          "sections.claims[0].citations[0].position.start"),
    "bad-enum": (_edit(lambda d: d["sections"]["claims"][0].update(status="rumoured")),
                 "'rumoured' is not one of", "sections.claims[0].status"),
    "bad-marking": (_edit(lambda d: d["brief"].update(marking="SECRET")), "is not one of", "brief.marking"),
    "missing-field": (_edit(lambda d: d["brief"].pop("analyst")), "'analyst' is a required property", "brief"),
    "missing-section": (_edit(lambda d: d["sections"].pop("risks")), "'risks' is a required property", "sections"),
    "extra-field": (_edit(lambda d: d["sections"]["claims"][0].update(colour="red")),
                    "unexpected property 'colour'", "sections.claims[0]"),
    "duplicate-id": (_edit(_dup_id), "duplicate item id 'item-1'", "sections.actors[0].id"),
    "citation-backwards": (_edit(lambda d: d["sections"]["claims"][0]["citations"][0]["position"]
                                 .update(start=50, end=10)), "ends before it starts",
                           "sections.claims[0].citations[0].position"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_gives_one_line_error_exit_2_and_is_left_untouched(name, tmp_path, capsys):
    data, words, at = BAD_FILES[name]
    path = tmp_path / f"{name}.brief"
    path.write_bytes(data)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = path.stat()

    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    line = err.rstrip("\n")
    assert line.startswith(f"error: {path}: "), line
    assert words in line, line
    if at:
        assert line.endswith(f" (at {at})"), line
    else:
        assert "(at " not in line, line
    assert "Traceback" not in err

    assert path.read_bytes() == data
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temp files either


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_raises_briefing_file_error_from_the_api(name, tmp_path):
    data, words, at = BAD_FILES[name]
    path = tmp_path / "bad.brief"
    path.write_bytes(data)
    with pytest.raises(BriefingFileError) as info:
        Brief.load(path)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)
    assert words in info.value.problem
    assert info.value.at == at


def test_bad_file_via_real_process_prints_no_traceback(tmp_path):
    path = tmp_path / "bad.brief"
    path.write_bytes(BAD_FILES["bad-enum"][0])
    result = subprocess.run([sys.executable, "-m", "briefing", "check", str(path)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"error: {path}: 'rumoured' is not one of ['reported', 'confirmed', "
                             "'denied', 'disputed'] (at sections.claims[0].status)\n")


def test_the_good_file_passes_check_and_is_left_untouched(tmp_path, capsys):
    path = tmp_path / "good.brief"
    path.write_bytes(GOOD)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert main(["check", str(path)]) == 0
    assert path.read_bytes() == GOOD
    assert path.stat().st_mtime_ns == 1_600_000_000_000_000_000
    assert "ok" in capsys.readouterr().out


def test_lone_surrogate_is_refused_on_load_so_the_brief_can_always_be_saved_again():
    data = GOOD.replace(b'"title": "Talks stall"', b'"title": "bad \\udc80 text"', 1)
    with pytest.raises(BriefingFileError, match=r"surrogate.*\(at sources\[0\]\.title\)"):
        brief_file.parse(data, "x.brief")
    # a proper surrogate pair is just an astral character and is fine
    pair = GOOD.replace(b'"title": "Talks stall"', b'"title": "ok \\ud83d\\ude00"', 1)
    assert brief_file.parse(pair, "x.brief").article.title == "ok \U0001F600"


def test_save_error_is_one_line(tmp_path):
    with pytest.raises(BriefingFileError, match="cannot save"):
        brief_file.save(sample_brief(), tmp_path / "no-such-folder" / "a.brief")


# ---- older versions ----------------------------------------------------------------------
V1_SAMPLE = Path(__file__).parent / "data" / "musk-putin-contacts.v1.brief"


V2_SAMPLE = Path(__file__).parent / "data" / "musk-putin-contacts.v2.brief"
V3_SAMPLE = Path(__file__).parent / "data" / "musk-putin-contacts.v3.brief"


@pytest.mark.parametrize("older, version, items", [(V1_SAMPLE, 1, 16), (V2_SAMPLE, 2, 16),
                                                   (V3_SAMPLE, 3, 16)])
def test_an_older_brief_loads_migrated_and_saves_as_version_4(tmp_path, older, version, items):
    raw = older.read_bytes()
    old = json.loads(raw)
    assert old["version"] == version
    brief = Brief.load(older)
    assert [s.id for s in brief.sources] == ["src1"] and brief.article is brief.sources[0]
    text = old["sources"][0]["text"] if version >= 3 else old["article"]["text"]
    assert brief.article.text == text
    # never graded before version 4: "cannot be judged"
    assert brief.article.reliability == "F"
    assert {i.fields["credibility"] for i in brief.items if i.kind == "claim"} == {"6"}
    assert len(brief.items) == items and brief.needing_review() == []
    assert all(c.source == "src1" for item in brief.items for c in item.citations)
    # The only findings are rules added since: a high-confidence claim on one ungraded report.
    assert {f["rule"] for f in brief.check()["findings"]} <= {"single-source", "grade-confidence"}
    out = tmp_path / "v4.brief"
    brief.save(out)
    doc = json.loads(out.read_bytes())
    assert doc["version"] == 4 and "article" not in doc
    assert doc["sources"][0]["reliability"] == "F"
    assert doc["sources"][0]["id"] == "src1"
    assert all(c["source"] == "src1" for items in doc["sections"].values()
               for item in items for c in item["citations"])
    assert older.read_bytes() == raw          # the old file is never touched by loading
    again = tmp_path / "again.brief"
    Brief.load(out).save(again)
    assert again.read_bytes() == out.read_bytes()


def test_a_review_status_outside_the_vocabulary_is_refused(tmp_path):
    doc = json.loads(V1_SAMPLE.read_bytes())
    doc["version"] = 2
    doc["sections"]["claims"][0]["citations"][0]["review"] = "fine"
    path = tmp_path / "bad.brief"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(BriefingFileError) as info:
        Brief.load(path)
    assert "'fine' is not one of" in str(info.value)
    assert info.value.at == "sections.claims[0].citations[0].review"
