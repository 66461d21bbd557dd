"""The one error type every file problem becomes: a single line naming file and fault."""
from __future__ import annotations


class BriefingFileError(Exception):
    """`FILE: what is wrong (at field path)` — printed as `error: ...`, never a traceback."""

    def __init__(self, path: object, problem: str, at: str = "") -> None:
        self.path, self.problem, self.at = str(path), problem, at
        where = f" (at {at})" if at else ""
        super().__init__(f"{self.path}: {problem}{where}".replace("\n", " "))

    @classmethod
    def from_os_error(cls, exc: OSError, path: object = None, doing: str = "") -> "BriefingFileError":
        """An OSError as one line naming its file: 'cannot save: File name too long'."""
        what = exc.strerror or type(exc).__name__
        name = path if path is not None else (exc.filename or "?")
        kind = ReadOnlyError if isinstance(exc, PermissionError) and "read-only" in what else cls
        return kind(name, f"{doing}: {what}" if doing else what)


class ReadOnlyError(BriefingFileError):
    """The target file is read-only: the app asks before replacing it, the CLI refuses."""
