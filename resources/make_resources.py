"""Draws the application icon at every size and writes the section palette.

Run `python resources/make_resources.py` after changing briefing/core/sections.py: the
palette file mirrors that table (a test checks they agree) for packagers and themers.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath  # noqa: E402

from briefing.core.sections import SECTIONS  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def draw_icon(size: int) -> QImage:
    """A page on a navy tile, with four lines in the section colours: a brief, sourced."""
    img = QImage(size, size, QImage.Format_ARGB32)
    img.fill(Qt.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.Antialiasing)
    s = size / 64.0
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.fillPath(tile, QColor("#1e293b"))
    page = QPainterPath()
    page.addRoundedRect(QRectF(14 * s, 10 * s, 36 * s, 44 * s), 4 * s, 4 * s)
    p.fillPath(page, QColor("#f8fafc"))
    for n, section in enumerate(SECTIONS):
        y = (18 + n * 9) * s
        p.fillRect(QRectF(19 * s, y, 5 * s, 5 * s), QColor(section.colour))
        p.fillRect(QRectF(27 * s, y + 1 * s, (18 - 4 * (n % 2)) * s, 3 * s), QColor("#94a3b8"))
    p.end()
    return img


def palette() -> dict:
    return {s.key: {"title": s.title, "colour": s.colour, "shortcut": s.shortcut} for s in SECTIONS}


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QImage needs it)
    for size in SIZES:
        draw_icon(size).save(str(HERE / "icons" / f"briefing-{size}.png"))
    (HERE / "palette.json").write_text(json.dumps(palette(), indent=2) + "\n", encoding="utf-8")
    print("resources written")


if __name__ == "__main__":
    main()
