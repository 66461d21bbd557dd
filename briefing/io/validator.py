"""The compiled .brief schema validator, with its bytecode cached between runs.

fastjsonschema turns the schema into Python source (10 ms); compiling that source is what
costs (~40 ms, a sixth of `briefing check` on a large brief). The compiled code is kept in
the per-user cache folder under a header of Python's bytecode magic number and the hash of
the source it came from, so a new schema, library or Python never uses a stale copy. This
is done here rather than through the import system because that one writes no bytecode when
PYTHONDONTWRITEBYTECODE is set. If the cache cannot be used, the validator is compiled in
memory as before.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import types
from pathlib import Path
from typing import Callable

import fastjsonschema

from briefing.io.atomic import write_atomic
from briefing.io.schema import SCHEMA

Validator = Callable[[object], object]


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing"


def _cached(path: Path, header: bytes):
    """The code object stored at path for this exact source and Python, else None."""
    try:
        blob = path.read_bytes()
        code = marshal.loads(blob[len(header):]) if blob.startswith(header) else None
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def compile_validator(folder: Path | None = None) -> Validator:
    source = fastjsonschema.compile_to_code(SCHEMA)
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    header = importlib.util.MAGIC_NUMBER + digest
    try:
        folder = folder or cache_folder()
        path = folder / f"brief_schema_{digest.hex()[:20]}.bin"
        code = _cached(path, header)
        if code is None:
            code = compile(source, str(path), "exec")
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, header + marshal.dumps(code))
        namespace: dict = {}
        exec(code, namespace)  # our own generated validator, see the module docstring
        return namespace["validate"]
    except (OSError, KeyError):
        return fastjsonschema.compile(SCHEMA)
