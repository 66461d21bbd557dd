"""CI runs hypothesis reproducibly: tests/conftest.py registers a "ci" profile and loads it
when CI is set, so a failure seen in CI replays the same way anywhere."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

CONFTEST = Path(__file__).resolve().parent / "conftest.py"
PROBE = f"""
import importlib.util
spec = importlib.util.spec_from_file_location("conftest_probe", {str(CONFTEST)!r})
spec.loader.exec_module(importlib.util.module_from_spec(spec))
from hypothesis import settings
d = settings.default
print(d.derandomize, d.max_examples, d.deadline, d.print_blob)
"""


def probe(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    result = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_ci_profile_is_derandomized_with_fixed_examples_and_prints_the_blob():
    ci = settings.get_profile("ci")
    assert (ci.derandomize, ci.max_examples, ci.deadline, ci.print_blob) == (True, 100, None, True)


def test_ci_set_loads_the_ci_profile_and_without_it_the_default_stays():
    assert probe(CI="true") == "True 100 None True"
    assert probe().startswith("False") and probe().endswith("False")   # derandomize, print_blob
