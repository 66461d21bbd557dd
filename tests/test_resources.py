"""resources/ mirrors the section table and ships the icon sizes the .desktop entry needs."""
import json
from pathlib import Path

from briefing.core.sections import SECTIONS

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def test_palette_file_matches_the_sections_table():
    palette = json.loads((RESOURCES / "palette.json").read_text(encoding="utf-8"))
    assert list(palette) == [s.key for s in SECTIONS]
    assert [p["colour"] for p in palette.values()] == [s.colour for s in SECTIONS]


def test_icon_sizes_and_desktop_entry_exist():
    sizes = sorted(int(p.stem.split("-")[1]) for p in (RESOURCES / "icons").glob("briefing-*.png"))
    assert sizes == [16, 24, 32, 48, 64, 128, 256, 512]
    entry = (RESOURCES / "briefing.desktop").read_text(encoding="utf-8")
    assert "Name=Briefing" in entry and "Exec=briefing-gui" in entry
