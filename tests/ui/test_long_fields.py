"""Single-line fields hold any length: Qt's QLineEdit cuts at 32,767 characters by default,
and an edit would then have saved the cut value."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from briefing import Brief
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow

LONG = "word " * 8_000   # 40,000 characters


def test_an_edit_to_a_40k_single_line_field_keeps_every_character(qtbot, tmp_path):
    b = Brief.from_text("Officials met on Monday. The ministry denied it.", title="T")
    claim = b.add_item("claim", "c", ["s1"])
    b.set_field(claim.id, "source", LONG)
    b.set_meta("analyst", LONG)
    path = tmp_path / "long.brief"
    b.save(path)
    w = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(w)
    w.show()
    assert w.open(str(path))
    w.select_item(claim.id)
    source = w.findChild(QLineEdit, "claim_source")
    assert source is not None and len(source.text()) == len(LONG)
    source.setFocus()
    source.end(False)
    qtbot.keyClicks(source, "X")
    qtbot.keyClick(source, Qt.Key_Tab)
    assert w.brief.item(claim.id).source == LONG + "X"
    assert w.brief.analyst == LONG   # shown, never cut
