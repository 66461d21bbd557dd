"""Positive barriers for "nothing was loaded" tests.

Waiting a few milliseconds and finding no forbidden request proves nothing: the request may
simply not have been made yet. Instead the test puts something it IS allowed to load after
the forbidden content and waits until that has been asked for: a text browser lays out its
document in order, so once the sentinel at the end has been requested, every resource before
it has been requested too (or never will be).

`from support import barriers` (pytest puts tests/ on the path). Qt is imported lazily so
non-Qt tests can share this module.
"""
from __future__ import annotations

# A 1x1 PNG as a data: URL: the one kind of resource the preview's browser may load.
SENTINEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"
            "2mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def append_sentinel(browser) -> None:
    """Add the sentinel image after everything else in the browser's document."""
    from PySide6.QtGui import QTextCursor
    cursor = QTextCursor(browser.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertHtml(f'<img src="{SENTINEL}">')


def wait_for_sentinel(qtbot, requested, timeout: int = 5000) -> list[str]:
    """Let the event loop run until the sentinel has been requested (fail after `timeout`
    ms); return the URLs requested before it. `requested()` gives the URLs asked so far."""
    qtbot.waitUntil(lambda: SENTINEL in requested(), timeout=timeout)
    urls = requested()
    return urls[:urls.index(SENTINEL)]
