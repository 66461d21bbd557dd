"""Atheris harness for brief_file.parse: any bytes -> a brief or BriefingFileError.

Run on demand, not by pytest (needs `pip install atheris`):
    .venv/bin/python tests/fuzz/fuzz_loader.py -max_total_time=120 [CORPUS_DIR]

Two halves, chosen by the first input byte: raw bytes straight into parse (libFuzzer's
mutations; JSON syntax is checked by C code, so raw bytes rarely get past it), and
structured mutations of a valid brief (values at fuzzer-chosen paths replaced by
fuzzer-made JSON values, keys added or dropped, the result cut short) which reach the
schema validation and the brief builder. Anything other than BriefingFileError, or a
message that is not one line starting with the path, is a crash (libFuzzer writes crash-*).
"""
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for support/

with atheris.instrument_imports():
    import json
    from briefing.io import brief_file
    from briefing.io.errors import BriefingFileError
    from support.mutations import PATHS, VALID

PATH = "fuzz.brief"






def _value(fdp, depth=0):
    pick = fdp.ConsumeIntInRange(0, 9 if depth < 3 else 6)
    if pick == 0:
        return None
    if pick == 1:
        return fdp.ConsumeBool()
    if pick == 2:
        return fdp.ConsumeInt(fdp.ConsumeIntInRange(1, 12))
    if pick == 3:
        return fdp.ConsumeRegularFloat() if fdp.ConsumeBool() else fdp.ConsumeFloat()
    if pick in (4, 5):
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 40))
    if pick == 6:
        return fdp.PickValueInList(["s1", "s0", "item-1", "TLP:RED", "", "claim", "likely"])
    if pick == 7:
        return [_value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    if pick == 8:
        return {fdp.ConsumeUnicode(6): _value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))}
    return [[[[]]]] * fdp.ConsumeIntInRange(0, 3)


def _structured(data: bytes) -> bytes:
    fdp = atheris.FuzzedDataProvider(data)
    doc = json.loads(VALID)
    for _ in range(fdp.ConsumeIntInRange(1, 4)):
        at = fdp.PickValueInList(PATHS)
        if not at:
            continue
        parent = doc
        try:
            for part in at[:-1]:
                parent = parent[part]
            how = fdp.ConsumeIntInRange(0, 3)
            if how == 0 and isinstance(parent, dict):
                parent.pop(at[-1], None)
            elif how == 1 and isinstance(parent, dict):
                parent[fdp.ConsumeUnicode(8)] = _value(fdp)
            elif how == 2 and isinstance(parent, list):
                parent.append(parent[at[-1]])  # duplicates an item / citation
            else:
                parent[at[-1]] = _value(fdp)
        except (KeyError, IndexError, TypeError):
            continue
    out = json.dumps(doc, ensure_ascii=fdp.ConsumeBool(), allow_nan=True).encode("utf-8", "surrogatepass")
    cut = fdp.ConsumeIntInRange(0, 20)
    return out[:-cut] if cut > 10 else out


def test_one_input(data: bytes) -> None:
    if data[:1] and data[0] & 1:
        data = _structured(data[1:])
    try:
        brief = brief_file.parse(data, PATH)
    except BriefingFileError as exc:
        message = str(exc)
        if not message.startswith(PATH + ": ") or len(message.splitlines()) != 1:
            raise AssertionError(f"bad error message: {message!r}")
        return
    again = brief_file.dumps(brief)  # whatever loads must save and load again
    brief_file.parse(again, PATH)
    brief.orphaned()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
