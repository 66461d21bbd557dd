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

    # preferences
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
