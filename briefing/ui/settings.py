"""Settings in one typed place: keys, types and defaults, over QSettings.

Window state (geometry, splitter) is kept apart from preferences. Tests point QSettings
at a temporary folder (see tests/ui/conftest.py) so they never touch the user's settings.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


class Settings:
    def __init__(self) -> None:
        self._s = QSettings()

    # window state
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_window(self, geometry: QByteArray, splitter: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/splitter", splitter)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def article_splitter(self) -> QByteArray | None:
        return self._bytes("window/article_splitter")

    def save_article_splitter(self, state: QByteArray) -> None:
        self._s.setValue("window/article_splitter", state)

    def analysis_pane(self) -> str:
        """Which pane shows under the article: "checks", "suggestions" or "" (none)."""
        value = str(self._s.value("view/analysis_pane", "checks") or "")
        return value if value in ("checks", "suggestions") else ""

    def set_analysis_pane(self, pane: str) -> None:
        self._s.setValue("view/analysis_pane", pane)

    # preferences
    def hedge_marks(self) -> bool:
        return str(self._s.value("view/hedge_marks", "false")).lower() in ("true", "1")

    def set_hedge_marks(self, on: bool) -> None:
        self._s.setValue("view/hedge_marks", "true" if on else "false")

    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self._s.setValue("files/recent", recent[:MAX_RECENT])
        return recent[:MAX_RECENT]

    def last_folder(self) -> str:
        return str(self._s.value("files/last_folder", "") or "")

    def set_last_folder(self, folder: str) -> None:
        self._s.setValue("files/last_folder", folder)
