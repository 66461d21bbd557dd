"""The schema validator's source is cached by hash; a broken or stale cache never matters."""
import json
import marshal

import fastjsonschema
import pytest

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.io.validator import compile_validator


def _docs():
    brief = Brief.from_text("Alpha is here. Beta follows.")
    brief.add_item("claim", "Alpha", ["s1"])
    good = json.loads(dumps(brief))
    bad = json.loads(dumps(brief))
    bad["sections"]["claims"][0]["status"] = "rumoured"
    return good, bad


def _check(validate):
    good, bad = _docs()
    validate(good)
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        validate(bad)


def test_the_cached_source_is_written_once_and_reused(tmp_path):
    _check(compile_validator(tmp_path))
    [cached] = tmp_path.glob("brief_schema_*.bin")
    stamp = cached.stat().st_mtime_ns
    _check(compile_validator(tmp_path))
    assert cached.stat().st_mtime_ns == stamp


def test_a_stale_or_damaged_cache_file_is_replaced_not_run(tmp_path):
    compile_validator(tmp_path)
    [cached] = tmp_path.glob("brief_schema_*.bin")
    good = cached.read_bytes()
    for junk in (b"", b"garbage", b"\x00" * 40, good[:60], good[:36] + marshal.dumps(42)):
        cached.write_bytes(junk)
        _check(compile_validator(tmp_path))
        assert cached.read_bytes()[:36] == good[:36]     # magic number + source hash
        assert len(cached.read_bytes()) > 1000           # and a whole code object again


def test_an_unwritable_cache_falls_back_to_compiling_in_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    _check(compile_validator(blocker / "briefing"))
