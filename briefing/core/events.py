"""A tiny observer so the core can announce changes without knowing who listens.

The Qt item models subscribe and turn these into beginInsertRows/dataChanged; tests and
scripts can subscribe too. Plain Python: the core must never import Qt.
"""
from __future__ import annotations

from typing import Any, Callable


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        for slot in list(self._slots):
            slot(*args)
