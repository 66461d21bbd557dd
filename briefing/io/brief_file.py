"""Load and save .brief files: UTF-8 JSON, validated on load, written atomically.

Serialisation is deterministic (fixed key order, two-space indent, trailing newline), so
save -> load -> save is byte-identical and briefs diff cleanly in version control.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import TypeVar

import fastjsonschema

from briefing.core.anchor import Citation
from briefing.core.brief import BriefModel, unique_citations
from briefing.core.items import FIELDS, Item
from briefing.core.segment import SEGMENTER_ID
from briefing.core.sections import SECTIONS
from briefing.core.source import SOURCE_FIELDS, Source
from briefing.io.atomic import write_atomic
from briefing.io.errors import BriefingFileError
from briefing.io.migrate import migrate
from briefing.io.schema import FORMAT_NAME, FORMAT_VERSION
from briefing.io.validator import compile_validator

MAX_FILE_BYTES = 256 * 1024 * 1024  # far above any real brief; refuses before reading
# A parsed JSON value costs 50-100 bytes of memory, so a file of tiny values (`[{},{},...]`)
# grows ~25x when parsed. A real brief is mostly long strings (the article text) and has a
# few dozen values per item; two million is thousands of items, and bounds memory.
MAX_JSON_VALUES = 2_000_000
B = TypeVar("B", bound=BriefModel)
_validator = None


def _validate(doc: object) -> None:
    """Check doc against the schema with fastjsonschema (compiled once, on first use):
    the reference `jsonschema` package took over a second on a 5,000-item brief."""
    global _validator
    if _validator is None:
        _validator = compile_validator()
    _validator(doc)


# ---- brief -> JSON ---------------------------------------------------------------------
def _citation_json(c: Citation) -> dict:
    out = {"source": c.source, "sentence": c.id_hint,
           "quote": {"exact": c.exact, "prefix": c.prefix, "suffix": c.suffix},
           "position": {"start": c.start, "end": c.end}}
    if c.review:
        out["review"] = c.review
    return out


def _item_json(item: Item) -> dict:
    out: dict = {"id": item.id}
    out.update((spec.name, item.fields[spec.name]) for spec in FIELDS[item.kind])
    out["note"] = item.note
    out["citations"] = [_citation_json(c) for c in item.citations]
    return out


def to_json(brief: BriefModel) -> dict:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "segmenter": SEGMENTER_ID,
        "brief": {"title": brief.title, "analyst": brief.analyst, "created": brief.created,
                  "modified": brief.modified, "marking": brief.marking, "summary": brief.summary,
                  "dismissed": list(brief.dismissed)},
        "sources": [{"id": src.id, **src.metadata(), "reliability": src.reliability,
                     "text": src.text} for src in brief.sources],
        "sections": {s.key: [_item_json(i) for i in brief.sections[s.kind]] for s in SECTIONS},
    }


def _line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def dumps(brief: BriefModel) -> bytes:
    """The file's bytes: top-level keys one per line, one source and one item per line.

    Diffs stay readable (an edit changes one line) and the C JSON encoder does all the
    work; `indent=` would switch to the pure-Python encoder, 5x slower on large briefs."""
    doc = to_json(brief)
    lines = ["{"] + [f'  "{key}": {_line(doc[key])},' for key in ("format", "version", "segmenter", "brief")]
    lines.append('  "sources": [')
    lines.extend(f"    {_line(src)}," for src in doc["sources"])
    lines[-1] = lines[-1][:-1]
    lines.append("  ],")
    lines.append('  "sections": {')
    for n, (key, items) in enumerate(doc["sections"].items()):
        comma = "," if n < len(doc["sections"]) - 1 else ""
        if not items:
            lines.append(f'    "{key}": []{comma}')
            continue
        lines.append(f'    "{key}": [')
        lines.extend(f"      {_line(item)}," for item in items[:-1])
        lines.append(f"      {_line(items[-1])}")
        lines.append(f"    ]{comma}")
    lines += ["  }", "}", ""]
    return "\n".join(lines).encode("utf-8")


def save(brief: BriefModel, path: str | os.PathLike, *, replace_read_only: bool = False) -> str:
    """Write the brief atomically; returns the sha256 of what was written. A read-only
    file raises ReadOnlyError unless replace_read_only (the user was asked)."""
    data = dumps(brief)
    try:
        write_atomic(path, data, replace_read_only=replace_read_only)
    except OSError as exc:
        raise BriefingFileError.from_os_error(exc, path, "cannot save") from None
    return hashlib.sha256(data).hexdigest()


# ---- JSON -> brief ---------------------------------------------------------------------
def _path_text(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def parse(data: bytes, path: str | os.PathLike, cls: type[B] = BriefModel) -> B:  # type: ignore[assignment]
    """Bytes of a .brief file -> brief, or BriefingFileError with one line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BriefingFileError(path, f"not UTF-8 text (binary or damaged file; byte {exc.start})") from None
    if not text.strip():
        raise BriefingFileError(path, "the file is empty")
    if _count_values(data) > MAX_JSON_VALUES:
        raise BriefingFileError(path, f"not a brief: more than {MAX_JSON_VALUES:,} JSON values")
    try:
        doc = json.loads(text)
    except RecursionError:
        raise BriefingFileError(path, "not a brief: JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "truncated (the JSON ends early)" if ends_early else f"not valid JSON: {exc.msg}"
        raise BriefingFileError(path, f"{what} at line {exc.lineno} column {exc.colno}") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise BriefingFileError(path, f"not valid JSON: {str(exc).split(':')[0]}") from None
    del text
    try:
        _check_header(doc, path)
        _validate(migrate(doc))
    except RecursionError:  # parsed just under the limit, but too deep to describe
        raise BriefingFileError(path, "not a brief: JSON nested too deeply") from None
    except fastjsonschema.JsonSchemaValueException as error:
        where = [int(p) if p.isdigit() else p for p in error.path[1:]]  # drop the root "data"
        raise BriefingFileError(path, _short(_schema_problem(error)), _path_text(where) or "top level") from None
    if _LONE_SURROGATE_ESCAPE.search(data):
        _check_encodable(doc, path)
    return _build(doc, path, cls)


# Commas, colons and opening brackets outside strings: every JSON value but the first
# follows one of them, so their number bounds the number of values json.loads would make.
_STRUCTURE = b",:[{"
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'",:[{')
_STRING = re.compile(rb'"[^"]*"')


def _count_values(data: bytes) -> int:
    """An upper bound on the number of values in a JSON text, without parsing it."""
    rough = sum(data.count(bytes([c])) for c in _STRUCTURE)
    if rough <= MAX_JSON_VALUES:
        return rough
    # Drop escaped backslashes and quotes (left to right, as JSON reads them), then all but
    # quotes and structure; what lies between quote pairs was inside strings.
    kept = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    if kept.count(b'"') // 2 > MAX_JSON_VALUES:
        return kept.count(b'"') // 2
    outside = _STRING.sub(b"", kept)
    unterminated = outside.find(b'"')
    return len(outside) if unterminated < 0 else unterminated


# JSON may spell a lone UTF-16 surrogate (\ud800), which no UTF-8 file can hold: such a
# brief would load but never save again. Cheap test on the bytes first, full check if hit.
_LONE_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _check_encodable(doc: object, path) -> None:
    stack: list[tuple[object, tuple]] = [(doc, ())]
    while stack:
        value, at = stack.pop()
        if isinstance(value, dict):
            stack.extend((v, (*at, k)) for k, v in value.items())
            keys = list(value)
        elif isinstance(value, list):
            stack.extend((v, (*at, n)) for n, v in enumerate(value))
            keys = []
        else:
            keys = [value]
        for s in keys:
            if isinstance(s, str):
                try:
                    s.encode("utf-8")
                except UnicodeEncodeError:
                    raise BriefingFileError(path, "text holds a lone UTF-16 surrogate escape (\\ud800-\\udfff)",
                                            _path_text(at) or "top level") from None


def _schema_problem(error: "fastjsonschema.JsonSchemaValueException") -> str:
    """The validator's finding in plain words, naming the offending value or key."""
    value, rule, definition = error.value, error.rule, error.rule_definition
    names = re.findall(r"'([^']*)'", error.message)
    if rule == "enum":
        return f"{_short(repr(value), 60)} is not one of {definition}"
    if rule == "type":
        return f"{_short(repr(value), 60)} is not of type {definition!r}"
    if rule == "required" and names:
        return f"{names[0]!r} is a required property"
    if rule == "additionalProperties" and names:
        return f"unexpected property {names[0]!r}"
    if rule == "const":
        return f"{_short(repr(value), 60)} should be {definition!r}"
    return error.message.removeprefix(error.name).strip()


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[:limit - 1] + "…"


def _check_header(doc: object, path) -> None:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise BriefingFileError(path, f"not a Briefing file (expected \"format\": \"{FORMAT_NAME}\")")
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise BriefingFileError(
            path, f"made by a newer Briefing (format version {version}; this version reads "
                  f"up to {FORMAT_VERSION})", "version")


def _build(doc: dict, path, cls: type[B]) -> B:
    meta = doc["brief"]
    sources = []
    for n, raw in enumerate(doc["sources"]):
        if any(raw["id"] == s.id for s in sources):
            raise BriefingFileError(path, f"duplicate source id {raw['id']!r}", f"sources[{n}].id")
        sources.append(Source(**{f: raw[f] for f in (*SOURCE_FIELDS, "text", "id", "reliability")}))
    brief = cls(sources=sources, title=meta["title"], analyst=meta["analyst"], marking=meta["marking"],
                summary=meta["summary"], created=meta["created"], modified=meta["modified"])
    brief.dismissed = list(dict.fromkeys(meta.get("dismissed", ())))
    known = {s.id for s in sources}
    seen: set[str] = set()
    for section in SECTIONS:
        for n, raw in enumerate(doc["sections"][section.key]):
            at = f"sections.{section.key}[{n}]"
            if raw["id"] in seen:
                raise BriefingFileError(path, f"duplicate item id {raw['id']!r}", f"{at}.id")
            seen.add(raw["id"])
            fields = {spec.name: raw[spec.name] for spec in FIELDS[section.kind]}
            cites = unique_citations(_citation(c, path, f"{at}.citations[{k}]", known)
                                     for k, c in enumerate(raw["citations"]))
            brief.sections[section.kind].append(Item(raw["id"], section.kind, fields, raw["note"], cites))
    brief.reindex()  # citations resolve from their quotes on first use, not from stored ids
    return brief


def _citation(raw: dict, path, at: str, sources: set[str]) -> Citation:
    # JSON Schema counts 3.0 as an integer; slicing the article text with it would not.
    start, end = int(raw["position"]["start"]), int(raw["position"]["end"])
    if end < start:
        raise BriefingFileError(path, "citation ends before it starts", f"{at}.position")
    if raw["source"] not in sources:
        raise BriefingFileError(path, f"cites source {raw['source']!r}, which the brief does not hold",
                                f"{at}.source")
    quote = raw["quote"]
    return Citation(raw["sentence"], start, end, quote["exact"], quote["prefix"], quote["suffix"],
                    raw.get("review", ""), raw["source"])


def load(path: str | os.PathLike, cls: type[B] = BriefModel) -> tuple[B, str]:  # type: ignore[assignment]
    """Read and validate a .brief file; returns (brief, sha256 of the bytes read)."""
    data = read_bytes(path)
    return parse(data, path, cls), hashlib.sha256(data).hexdigest()


def read_bytes(path: str | os.PathLike, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, or a one-line error for missing, unreadable or absurdly large files."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise BriefingFileError(path, "is a folder, not a file")
        if size > limit:
            raise BriefingFileError(path, f"too large ({size // (1024 * 1024)} MB; the limit is "
                                          f"{limit // (1024 * 1024)} MB)")
        return p.read_bytes()
    except FileNotFoundError:
        raise BriefingFileError(path, "no such file") from None
    except PermissionError:
        raise BriefingFileError(path, "permission denied") from None
    except OSError as exc:
        raise BriefingFileError(path, f"cannot read: {exc.strerror or exc}") from None
