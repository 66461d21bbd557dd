"""A small valid brief and the paths into its JSON: what the loader's fuzzers mutate.

Shared by tests/io/test_hostile_files.py (hypothesis) and tests/fuzz/fuzz_loader.py (atheris).
"""
from __future__ import annotations

import json

from briefing import Brief
from briefing.io import brief_file


def valid_brief_bytes() -> bytes:
    b = Brief.from_text("Officials said talks stalled. The minister called it “a non-starter”. "
                        "Prices rose 3.5%. Nobody knows what happens next.", title="Talks")
    b.clock = lambda: "2024-10-25T12:00:00Z"
    for kind, text, cited in (("claim", "Talks stalled", ["s1", "s2"]), ("actor", "Minister", ["s2"]),
                              ("risk", "Prices", ["s3"]), ("question", "Next?", ["s4"])):
        b.add_item(kind, text, cited)
    b.set_meta("summary", "Stuck.")
    return brief_file.dumps(b)


def json_paths(value, at=()):
    """Every path (tuple of keys and indexes) into a JSON value, the root included."""
    yield at
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_paths(v, (*at, k))
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from json_paths(v, (*at, n))


VALID = valid_brief_bytes()
PATHS = list(json_paths(json.loads(VALID)))
