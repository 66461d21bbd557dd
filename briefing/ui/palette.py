"""Section colours for the current palette: one faint tint, one strong highlight, one line.

SECTIONS holds a single hex colour per section. Painting that colour at full strength
behind text would be unreadable in a dark theme and garish in a light one, so both
backgrounds are the section colour blended into the palette's base colour; text keeps the
palette's own text colour. Everything that paints a section colour reads it from here.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from briefing.core.sections import BY_KIND

# How much of the section colour goes into the blend: (light palette, dark palette).
_TINT = (0.14, 0.22)
_STRONG = (0.42, 0.50)


@dataclass(frozen=True)
class SectionColours:
    tint: QColor     # background of every cited sentence
    strong: QColor   # background of the selected item's sentences
    line: QColor     # underline / margin mark: a cue that does not rely on a fill


def is_dark(palette: QPalette) -> bool:
    """Dark theme if the text background is darker than mid grey."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def blend(base: QColor, colour: QColor, amount: float) -> QColor:
    """``amount`` of ``colour`` over ``base`` as an opaque colour (alpha would stack)."""
    mix = [round(b + (c - b) * amount) for b, c in
           zip(base.getRgb()[:3], colour.getRgb()[:3])]
    return QColor(*mix)


def section_colours(kind: str, palette: QPalette) -> SectionColours:
    """Tint, strong and line colours of a section, readable on this palette."""
    dark = is_dark(palette)
    base = palette.color(QPalette.ColorRole.Base)
    colour = QColor(BY_KIND[kind].colour)
    line = colour.lighter(135) if dark else colour.darker(115)
    return SectionColours(tint=blend(base, colour, _TINT[dark]),
                          strong=blend(base, colour, _STRONG[dark]), line=line)
