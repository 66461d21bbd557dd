"""The JSON Schema of a .brief file, built from the core's field declarations.

Validation is done by the maintained `fastjsonschema` library; this module only states the
shape, so a new field added to core.items appears in the schema without a second list.
"""
from __future__ import annotations

from briefing.core.source import SOURCE_FIELDS
from briefing.core.items import FIELDS, MARKINGS, SOURCE_RELIABILITY
from briefing.core.sections import SECTIONS

FORMAT_NAME = "briefing"
FORMAT_VERSION = 4
# Version history (briefing/io/migrate.py turns older files into the current shape on load):
#   1  first release
#   2  a citation may carry "review": fuzzy / ambiguous / orphaned, recorded by an article
#      update that could not settle it; the "sentence" id is a hint, never believed
#   3  several sources: "article" became "sources", a list of {id, metadata, text}; every
#      citation names its "source"; sentence ids of sources other than src1 are "<id>:s<n>"
#   4  Admiralty grades: a source's "reliability" (A-F), a claim's "credibility" (1-6);
#      older files get F and 6 (cannot be judged), so nothing is graded that was not;
#      brief."dismissed": the keys of suggestions the analyst dismissed
READABLE_VERSIONS = (1, 2, 3, 4)
SOURCE_ID_PATTERN = "^[A-Za-z0-9_.-]{1,64}$"

_STR = {"type": "string"}
_OFFSET = {"type": "integer", "minimum": 0}


def _strict(properties: dict, required: list[str] | None = None) -> dict:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required,
            "additionalProperties": False}


# A citation's "source" is checked against the brief's sources when it is built (a better
# message than a pattern's, and no regular expression per citation: 100,000 of them in a
# large file); "sentence" is only a hint, never believed, so its shape is not policed.
CITATION = _strict({
    "source": {"type": "string", "maxLength": 64},
    "sentence": {"type": "string", "maxLength": 140},
    "quote": _strict({"exact": {"type": "string", "minLength": 1}, "prefix": _STR, "suffix": _STR}),
    "position": _strict({"start": _OFFSET, "end": _OFFSET}),
    "review": {"enum": ["fuzzy", "ambiguous", "orphaned"]},
}, required=["source", "sentence", "quote", "position"])


def _item_schema(kind: str) -> dict:
    props: dict = {"id": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{1,64}$"}}
    for spec in FIELDS[kind]:
        props[spec.name] = {"enum": list(spec.choices)} if spec.choices else _STR
    props["note"] = _STR
    props["citations"] = {"type": "array", "items": CITATION}
    return _strict(props)


SCHEMA: dict = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    **_strict({
        "format": {"const": FORMAT_NAME},
        "version": {"const": FORMAT_VERSION},
        "segmenter": {"type": "string", "maxLength": 100},
        "brief": _strict({
            "title": _STR, "analyst": _STR, "created": _STR, "modified": _STR,
            "marking": {"enum": list(MARKINGS)}, "summary": _STR,
            # keys of the suggestions the analyst dismissed (briefing.core.suggest)
            "dismissed": {"type": "array", "items": {"type": "string", "maxLength": 200}},
        }, required=["title", "analyst", "created", "modified", "marking", "summary"]),
        "sources": {"type": "array", "minItems": 1, "items": _strict(
            {"id": {"type": "string", "pattern": SOURCE_ID_PATTERN},
             **{f: _STR for f in SOURCE_FIELDS},
             SOURCE_RELIABILITY.name: {"enum": list(SOURCE_RELIABILITY.choices)}, "text": _STR})},
        "sections": _strict({s.key: {"type": "array", "items": _item_schema(s.kind)}
                             for s in SECTIONS}),
    }),
}
