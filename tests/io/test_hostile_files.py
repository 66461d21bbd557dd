"""Hostile .brief files: whatever the bytes, parse returns a brief or raises
BriefingFileError with one line starting with the path; never any other exception."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.core.brief import BriefModel
from briefing.core.checks import report
from briefing.io import brief_file
from briefing.io.errors import BriefingFileError
from support.mutations import PATHS, VALID

ROOT = Path(__file__).resolve().parents[2]
PATH = "hostile/file.brief"
MB = 1024 * 1024


HOSTILE_HEALTH = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                            HealthCheck.data_too_large])


def assert_handled(data: bytes, path: str = PATH) -> BriefModel | None:
    """The contract: a brief, or one BriefingFileError line starting with the path."""
    try:
        brief = brief_file.parse(data, path)
    except BriefingFileError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: "), message
        assert len(message.splitlines()) == 1 and "\n" not in message, message
        assert len(message) < 400, message
        return None
    # Whatever loads must be usable and savable again (nothing is lost on the next save).
    assert isinstance(brief, BriefModel)
    again = brief_file.dumps(brief)
    assert brief_file.dumps(brief_file.parse(again, path)) == again
    report(brief)  # every citation resolves (or is flagged) without an error
    return brief


def test_the_unmutated_file_loads():
    brief = assert_handled(VALID)
    assert brief is not None and brief_file.dumps(brief) == VALID


# ---- byte-level mutations ----------------------------------------------------------------
@settings(max_examples=300, **HOSTILE_HEALTH)
@given(st.integers(0, len(VALID)))
def test_truncated_anywhere(cut):
    brief = assert_handled(VALID[:cut])
    if cut < len(VALID.rstrip()):
        assert brief is None


@settings(max_examples=300, **HOSTILE_HEALTH)
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(1, 255)), min_size=1, max_size=8))
def test_random_bytes_flipped(flips):
    data = bytearray(VALID)
    for at, mask in flips:
        data[at] ^= mask
    assert_handled(bytes(data))


@settings(max_examples=300, **HOSTILE_HEALTH)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, len(VALID)), st.binary(min_size=1, max_size=12)),
                min_size=1, max_size=6))
def test_random_bytes_inserted_or_deleted(edits):
    data = bytearray(VALID)
    for insert, at, blob in edits:
        at = min(at, len(data))
        if insert:
            data[at:at] = blob
        else:
            del data[at:at + len(blob)]
    assert_handled(bytes(data))


# ---- JSON-level mutations ----------------------------------------------------------------
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(),
                     st.text(max_size=20), st.just(""), st.just("s0"), st.just(-1),
                     st.just(10**9), st.just("item-1"), st.just("TLP:RED"))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=10)


def _set(doc, at, value):
    if not at:
        return value
    target = doc
    for part in at[:-1]:
        target = target[part]
    target[at[-1]] = value
    return doc


@settings(max_examples=400, **HOSTILE_HEALTH)
@given(st.lists(st.tuples(st.sampled_from(PATHS), _values), min_size=1, max_size=4), st.booleans())
def test_values_replaced_with_wrong_types(replacements, pretty):
    doc = json.loads(VALID)
    for at, value in replacements:
        try:
            doc = _set(doc, at, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this path
    data = json.dumps(doc, ensure_ascii=not pretty, indent=2 if pretty else None).encode()
    assert_handled(data)


@settings(max_examples=200, **HOSTILE_HEALTH)
@given(st.sampled_from(PATHS), st.sampled_from(["delete", "duplicate-key"]))
def test_fields_deleted_or_given_twice(at, how):
    doc = json.loads(VALID)
    if not at:
        return
    parent = doc
    for part in at[:-1]:
        parent = parent[part]
    if how == "delete":
        del parent[at[-1]]
        data = json.dumps(doc).encode()
    else:
        data = json.dumps(doc).encode()
        data = data.replace(b'"format": "briefing"', b'"format": "briefing", "format": "x"', 1)
    assert_handled(data)


# ---- deep and huge ----------------------------------------------------------------------
@pytest.mark.parametrize("depth", [10, 900, 985, 990, 995, 1000, 5000, 100_000])
@pytest.mark.parametrize("where", ["top", "title", "note", "exact", "sections"])
def test_deeply_nested_arrays(depth, where):
    nested = b"[" * depth + b"]" * depth
    if where == "top":
        data = nested
    else:
        key = {"title": b'"title": "Talks"', "note": b'"note": ""',
               "exact": b'"exact": "Officials said talks stalled."', "sections": b'"claims": ['}[where]
        replacement = key.split(b":")[0] + b": " + nested + (b", [" if where == "sections" else b"")
        data = VALID.replace(key, replacement, 1)
    assert assert_handled(data) is None


def test_nesting_just_under_the_recursion_limit_at_a_shallow_stack():
    # At the top of a fresh interpreter json.loads just succeeds at these depths, and the
    # schema error's repr of the instance used to raise RecursionError.
    code = textwrap.dedent(f"""
        import re
        from briefing.io import brief_file
        from briefing.io.errors import BriefingFileError
        seed = open({str(ROOT / 'seeds' / 'musk-putin-contacts.brief')!r}, 'rb').read()
        for field in (b'title', b'exact', b'note', b'text'):
            for depth in range(950, 1000, 3):
                nested = b'[' * depth + b']' * depth
                data = re.sub(b'"' + field + b'": "[^"]*"', b'"' + field + b'": ' + nested, seed)
                try:
                    brief_file.parse(data, "f.brief")
                    print("loaded", field, depth)
                except BriefingFileError as exc:
                    assert str(exc).startswith("f.brief: ")
                except BaseException as exc:
                    print("CRASH", field, depth, type(exc).__name__)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("where", [b'"title": "Talks"', b'"note": ""', b'"marking": "TLP:CLEAR"',
                                   b'"sentence": "s1"', b'"format": "briefing"'])
def test_huge_strings(where):
    key = where.split(b":")[0]
    data = VALID.replace(where, key + b': "' + b"\\u00e9x" * (2 * MB) + b'"', 1)
    assert_handled(data)


def test_huge_integers_and_floats():
    for number in (b"9" * 5000, b"1e999", b"-1e999", b"NaN", b"Infinity", b"1" + b"0" * 400):
        assert assert_handled(VALID.replace(b'"start": 0', b'"start": ' + number, 1)) is None


def test_many_tiny_values_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(brief_file, "MAX_JSON_VALUES", 1000)
    for blob in (b"[" + b"{}," * 2000 + b"{}]", b"[" + b'"ab",' * 2000 + b"1]",
                 b'{"a":' * 1 + b"[" + b"[[]]," * 2000 + b"0]}"):
        with pytest.raises(BriefingFileError, match="more than 1,000 JSON values"):
            brief_file.parse(blob, PATH)
    # ...but commas, colons and brackets inside strings (article text) do not count
    doc = json.loads(VALID)
    doc["sources"][0]["text"] += " [a, b: {c}]" * 3000 + ' \\"x\\" \\\\'
    assert_handled(json.dumps(doc, ensure_ascii=False).encode())
    assert brief_file.parse(json.dumps(doc).encode(), PATH).article.text.endswith('\\\\')


# ---- huge files ----------------------------------------------------------------------------
def test_sparse_huge_file_is_refused_without_being_read(tmp_path, monkeypatch, capsys):
    path = tmp_path / "huge.brief"
    with open(path, "wb") as f:
        f.truncate(brief_file.MAX_FILE_BYTES + 1)  # sparse: no disk used
    def no_read(self):
        raise AssertionError("read the whole file")
    monkeypatch.setattr(Path, "read_bytes", no_read)   # refusing it must not read it
    with pytest.raises(BriefingFileError, match="too large") as info:
        brief_file.read_bytes(path)
    assert str(info.value).startswith(f"{path}: ")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: too large") and err.count("\n") == 1


def test_file_just_over_a_lowered_cap_is_refused(tmp_path):
    path = tmp_path / "a.brief"
    path.write_bytes(VALID)
    assert brief_file.read_bytes(path, limit=len(VALID)) == VALID
    with pytest.raises(BriefingFileError, match="too large"):
        brief_file.read_bytes(path, limit=len(VALID) - 1)


_PEAK = textwrap.dedent("""
    import resource, sys
    from briefing.io import brief_file
    from briefing.io.errors import BriefingFileError
    try:
        brief = brief_file.load(sys.argv[1])[0]
        print("loaded", len(brief.article.text))
    except BriefingFileError as exc:
        print("refused", exc)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
""")


def _write_100mb(path: Path, shape: str) -> None:
    n = 100 * MB
    with open(path, "wb") as f:
        if shape == "tiny-objects":      # 35M dicts: took 2.6 GB to parse before the bound
            f.write(b"[" + b"{}," * (n // 3) + b"{}]")
        elif shape == "short-strings":   # 20M strings: 1.7 GB
            f.write(b"[" + b'"ab",' * (n // 5) + b'"ab"]')
        else:                             # a real brief whose article is 100 MB of prose
            doc = json.loads(VALID)
            doc["sources"][0]["text"] = "Officials said, on Tuesday, that talks [again] stalled. " * (n // 56)
            f.write(json.dumps(doc).encode())


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX-only")
@pytest.mark.parametrize("shape", ["tiny-objects", "short-strings", "brief"])
def test_100mb_file_is_handled_with_bounded_memory(tmp_path, shape):
    path = tmp_path / "big.brief"
    _write_100mb(path, shape)
    assert path.stat().st_size > 100 * MB
    result = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    verdict, peak = result.stdout.splitlines()
    assert verdict.startswith("loaded" if shape == "brief" else "refused"), verdict
    assert int(peak) < 1536 * MB, f"peak {int(peak) // MB} MB"


def test_offsets_written_as_floats_load_as_integers():
    # JSON Schema counts 3.0 as an integer; the loader used to keep the float and crash
    # slicing the article with it (TypeError in re-anchoring). Found by the atheris harness.
    doc = json.loads(VALID)
    pos = doc["sections"]["claims"][0]["citations"][0]["position"]
    pos["start"], pos["end"] = float(pos["start"]), float(pos["end"])
    brief = assert_handled(json.dumps(doc).encode())
    assert brief is not None
    c = brief.items[0].citations[0]
    assert type(c.start) is int and type(c.end) is int
    assert brief_file.dumps(brief) == VALID
