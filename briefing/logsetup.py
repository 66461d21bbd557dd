"""Error logging to a rotating file, without the brief's contents.

Log lines carry what is needed to diagnose (exception type, traceback frames, file paths,
field paths) but quoted values are redacted, since error messages can echo what the user
typed or what an article says. Qt-free: the app passes the per-user data folder.
"""
from __future__ import annotations

import logging
import re
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Callable

LOG_NAME = "briefing.log"
_QUOTED = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|“[^”]*”""")


def redact(message: str) -> str:
    """Quoted text replaced by '…': messages keep their shape but not their content."""
    return _QUOTED.sub("'…'", message)


class RedactingFormatter(logging.Formatter):
    """Redacts the message and the exception's text; traceback frames (our source
    files, line numbers, code) are kept whole, since they carry no user content."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.msg, record.args = redact(record.getMessage()), None
        record.exc_text = None  # another handler may have cached an unredacted traceback
        return super().format(record)

    def formatException(self, ei) -> str:  # type: ignore[override]
        exc_type, exc, tb = ei
        frames = "".join(traceback.format_tb(tb))
        return f"Traceback (most recent call last):\n{frames}{exc_type.__name__}: {redact(str(exc))}"


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Attach a rotating log (1 MB x 3) in folder to the root logger; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(RedactingFormatter(
        "%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def install_excepthook(tell_user: Callable[[str], None]) -> None:
    """Uncaught errors are logged and reported in one line instead of killing the app."""
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("briefing").error("uncaught %s", exc_type.__name__,
                                            exc_info=(exc_type, exc, tb))
        tell_user(f"Something went wrong ({exc_type.__name__}). Your work is kept; "
                  "details are in the log file.")
    sys.excepthook = hook
