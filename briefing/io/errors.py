"""The one error type every file problem becomes: a single line naming file and fault."""
from __future__ import annotations


class BriefingFileError(Exception):
    """`FILE: what is wrong (at field path)` — printed as `error: ...`, never a traceback."""

    def __init__(self, path: object, problem: str, at: str = "") -> None:
        self.path, self.problem, self.at = str(path), problem, at
        where = f" (at {at})" if at else ""
        super().__init__(f"{self.path}: {problem}{where}".replace("\n", " "))
