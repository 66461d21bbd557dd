"""Older .brief files brought to the current format's shape, in memory, before validation.

Each step takes one version to the next, so a file of any older version walks the chain.
The file on disk is never touched: it is written in the new version only when the analyst
saves. tests/io/data/ keeps a brief of every older version.
"""
from __future__ import annotations

from briefing.core.anchor import FIRST_SOURCE


def _v1_to_v2(doc: dict) -> None:
    """Version 2 only added the optional citation "review" status: nothing to rewrite."""


def _v2_to_v3(doc: dict) -> None:
    """Version 3 holds several sources: the one article becomes source src1, and every
    citation names it."""
    article = doc.pop("article", None)
    if isinstance(article, dict):
        doc["sources"] = [{"id": FIRST_SOURCE, **article}]
    sections = doc.get("sections")
    for items in sections.values() if isinstance(sections, dict) else ():
        for item in items if isinstance(items, list) else ():
            for c in item.get("citations", ()) if isinstance(item, dict) else ():
                if isinstance(c, dict):
                    c["source"] = FIRST_SOURCE


def _v3_to_v4(doc: dict) -> None:
    """Version 4 grades sources (reliability A-F) and claims (credibility 1-6): an older
    file's sources and claims were never graded, so they get "cannot be judged"."""
    for source in doc.get("sources", ()) if isinstance(doc.get("sources"), list) else ():
        if isinstance(source, dict):
            source.setdefault("reliability", "F")
    sections = doc.get("sections")
    claims = sections.get("claims") if isinstance(sections, dict) else None
    for claim in claims if isinstance(claims, list) else ():
        if isinstance(claim, dict):
            claim.setdefault("credibility", "6")


STEPS = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(doc: dict) -> dict:
    """doc upgraded step by step to the current version (unknown ones are left for the schema)."""
    version = doc.get("version")
    while isinstance(version, int) and not isinstance(version, bool) and version in STEPS:
        STEPS[version](doc)
        version = doc["version"] = version + 1
    return doc
