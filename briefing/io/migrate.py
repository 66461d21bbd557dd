"""Older .brief files brought to the current format's shape, in memory, before validation.

Each step takes one version to the next, so a file of any older version walks the chain.
The file on disk is never touched: it is written in the new version only when the analyst
saves. tests/io/data/ keeps a brief of every older version.
"""
from __future__ import annotations


def _v1_to_v2(doc: dict) -> None:
    """Version 2 only added the optional citation "review" status: nothing to rewrite."""


STEPS = {1: _v1_to_v2}


def migrate(doc: dict) -> dict:
    """doc upgraded step by step to the current version (unknown ones are left for the schema)."""
    version = doc.get("version")
    while isinstance(version, int) and not isinstance(version, bool) and version in STEPS:
        STEPS[version](doc)
        version = doc["version"] = version + 1
    return doc
