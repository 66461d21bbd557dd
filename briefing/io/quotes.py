"""The quote list: one row per citation, as CSV, JSON or XLSX, for a spreadsheet or a script.

Each row is an item and one sentence it cites: the item's id, kind, text and the fields its
kind declares (briefing.core.items.FIELDS), a claim's Admiralty grade, the cited source's
reliability and title, the sentence's id and number within its source, the citation's
status and the stored quote. An item citing nothing gets one row with the quote columns
empty. docs/export.md ("Quote list") describes the columns; docs/quote-list.schema.json is
the JSON's schema.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)`
in a quote would become a live link, or worse), so CSV and XLSX cells starting with one of
those (or a tab) get a leading apostrophe, as OWASP advises; JSON keeps the text exactly.
"""
from __future__ import annotations

import csv
import io
from copy import copy
import json
import os
import re
from pathlib import Path

from briefing.core.brief import BriefModel
from briefing.core.items import FIELDS, Item
from briefing.core.source import sentence_number
from briefing.io.atomic import write_atomic
from briefing.io.errors import BriefingFileError
from briefing.io.export import clean

FORMATS = ("csv", "json", "xlsx")
SCHEMA_ID = "briefing-quote-list/1"   # docs/quote-list.schema.json describes this version
# A field's JSON key where its own name would be ambiguous beside the source columns.
_RENAMED = {"source": "attributed_source"}


def _field_columns() -> list[tuple[str, str]]:
    """Every detail field of every kind (all declared fields but the first, which is the
    item's text), in FIELDS order, one column per name: 'status' serves claims and questions."""
    seen: dict[str, str] = {}
    for specs in FIELDS.values():
        for spec in specs[1:]:
            seen.setdefault(_RENAMED.get(spec.name, spec.name), spec.label)
    return list(seen.items())


FIELD_COLUMNS = _field_columns()
# (JSON key, header in CSV and XLSX), in column order.
COLUMNS: list[tuple[str, str]] = [
    ("item_id", "Item"), ("kind", "Kind"), ("item_text", "Item text"),
    *FIELD_COLUMNS, ("note", "Note"), ("grade", "Grade"),
    ("source_reliability", "Source reliability"), ("source_id", "Source"),
    ("source_title", "Source title"), ("sentence_id", "Sentence id"),
    ("sentence_number", "Sentence number"), ("citation_status", "Citation status"),
    ("quote", "Quoted sentence"),
]
KEYS = [key for key, _ in COLUMNS]
QUOTE_KEYS = KEYS[KEYS.index("source_reliability"):]   # empty for an item citing nothing
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")


def _text(value: str) -> str:
    """User text as one cell: every kind of line break a newline, characters no format
    can carry (controls, lone surrogates) dropped."""
    return clean(_LINE_BREAKS.sub("\n", value))


def rows(brief: BriefModel) -> list[dict[str, str | int | None]]:
    """The quote list: a dict per row, keyed as COLUMNS, items in the brief's order."""
    out = []
    for item in brief.items:
        base = _item_columns(brief, item)
        if not item.citations:
            out.append(base | {key: "" for key in QUOTE_KEYS} | {"sentence_number": None})
        for c in item.citations:
            r = brief.resolution(c)
            source = brief.source(c.source) if brief.has_source(c.source) else None
            sentence = r.trusted
            out.append(base | {
                "source_reliability": source.reliability if source else "",
                "source_id": c.source,
                "source_title": _text(source.title) if source else "",
                "sentence_id": sentence.id if sentence else "",
                "sentence_number": sentence_number(sentence.id) if sentence else None,
                "citation_status": r.status,
                "quote": _text(c.exact),
            })
    return out


def _item_columns(brief: BriefModel, item: Item) -> dict[str, str | int | None]:
    own = {_RENAMED.get(spec.name, spec.name) for spec in FIELDS[item.kind][1:]}
    fields = {key: _text(item.fields[_original(key)]) if key in own else ""
              for key, _ in FIELD_COLUMNS}
    return {"item_id": item.id, "kind": item.kind, "item_text": _text(item.text), **fields,
            "note": _text(item.note), "grade": brief.grade(item)}


def _original(key: str) -> str:
    return next((name for name, renamed in _RENAMED.items() if renamed == key), key)


# ---- formula injection -------------------------------------------------------------------
# OWASP's "CSV injection" list (=, +, -, @, tab, carriage return), and the full-width forms
# some spreadsheet locales also read as a formula's start.
FORMULA_STARTS = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def inert(value: str | int | None) -> str | int:
    """A cell a spreadsheet can only show: text starting like a formula gets a leading
    apostrophe; None is an empty cell; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# ---- formats -----------------------------------------------------------------------------
def to_csv(brief: BriefModel) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads it as UTF-8), comma-separated, every
    field quoted where needed by the csv module, CRLF row ends as RFC 4180 says."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([label for _, label in COLUMNS])
    for row in rows(brief):
        writer.writerow([inert(row[key]) for key in KEYS])
    return b"\xef\xbb\xbf" + stream.getvalue().encode("utf-8")


def to_json(brief: BriefModel) -> bytes:
    """{"schema", "title", "columns", "rows"}: the rows as objects keyed as COLUMNS, text
    exactly as in the brief (no apostrophes: JSON is data, never evaluated)."""
    doc = {"schema": SCHEMA_ID, "title": _text(brief.title),
           "columns": [{"key": key, "label": label} for key, label in COLUMNS],
           "rows": rows(brief)}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


WRAPPED = {"item_text", "role", "answer", "note", "source_title", "quote"}
WIDTHS = {"item_text": 50, "quote": 70, "source_title": 30, "role": 30, "answer": 30,
          "note": 30, "item_id": 8, "kind": 9}


def to_xlsx(brief: BriefModel) -> bytes:
    """One sheet "Quotes": a bold header row frozen above the rows, an autofilter, set
    column widths, long text wrapped in rows tall enough for it, every cell aligned to
    the top. Written in openpyxl's streaming (write-only) mode with each column's style
    registered once: 10,000 rows take ~7 s on the benchmark VM, where styling a loaded
    sheet cell by cell took 13 s (CSV ~1 s, JSON ~0.8 s)."""
    from openpyxl import Workbook   # only this format needs it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Quotes")
    for n, key in enumerate(KEYS, 1):
        sheet.column_dimensions[get_column_letter(n)].width = WIDTHS.get(key, 14)
    sheet.freeze_panes = "A2"
    table = rows(brief)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(KEYS))}{len(table) + 1}"
    header = (Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F3864"),
              Alignment(vertical="top", wrap_text=True))

    def cell(value, font=None, fill=None, alignment=None):
        c = WriteOnlyCell(sheet, value=value)
        if font:
            c.font, c.fill = font, fill
        c.alignment = alignment
        if isinstance(value, str):
            c.data_type = "s"   # never a formula, whatever openpyxl guessed
        return c

    sheet.append([cell(label, *header) for _, label in COLUMNS])
    # Each column's style registered once and copied: assigning an Alignment registers
    # (hashes) it again for every cell, the bulk of the time on a large brief.
    top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    styles = [cell("", alignment=wrap if key in WRAPPED else top)._style for key in KEYS]

    def plain(value, style):
        c = WriteOnlyCell(sheet, value=value)
        c._style = copy(style)
        if isinstance(value, str):
            c.data_type = "s"
        return c

    for n, row in enumerate(table, 2):
        sheet.row_dimensions[n].height = _row_height(row)
        sheet.append([plain(inert(row[key]), style) for key, style in zip(KEYS, styles)])
    book.properties.creator = "Briefing"
    book.properties.title = _text(brief.title)[:255]
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


LINE_POINTS = 15     # one line of 11 pt Calibri, the sheet's default font
MAX_POINTS = 409     # the tallest row Excel allows


def _row_height(row: dict) -> float:
    """Points for a row to show its wrapped text whole: LibreOffice does not fit a row
    to wrapped text on opening (its lines overran the next row), so the height is set,
    estimating a line per (column width - 1) characters of each paragraph."""
    lines = 1
    for key in WRAPPED:
        per_line = WIDTHS.get(key, 14) - 1
        text = str(row[key] or "")
        lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in text.split("\n")))
    return min(MAX_POINTS, LINE_POINTS * lines)


RENDER = {"csv": to_csv, "json": to_json, "xlsx": to_xlsx}


def render(brief: BriefModel, fmt: str) -> bytes:
    if fmt not in RENDER:
        raise ValueError(f"unknown quote list format {fmt!r} (expected one of {', '.join(FORMATS)})")
    return RENDER[fmt](brief)


def export_quote_list(brief: BriefModel, path: str | os.PathLike, fmt: str,
                      force: bool = False, replace_read_only: bool = False) -> None:
    """Write the quote list as `fmt` (csv, json or xlsx): rendered in memory, written
    atomically; an existing file is replaced only with `force` (the window passes True
    once its save dialog has asked). File problems raise BriefingFileError."""
    out = Path(path)
    try:
        if out.is_dir():
            raise BriefingFileError(out, "is a folder, not a file")
        if out.exists() and not force:
            raise BriefingFileError(out, "already exists (use --force to overwrite)")
    except OSError as exc:
        raise BriefingFileError.from_os_error(exc, out, "cannot write") from None
    data = render(brief, fmt)
    try:
        write_atomic(out, data, replace_read_only=replace_read_only)
    except OSError as exc:
        raise BriefingFileError.from_os_error(exc, out, "cannot write") from None
