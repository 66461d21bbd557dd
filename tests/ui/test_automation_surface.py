"""The surface other tests and scripts rely on: briefing.ui.MainWindow, object names,
open/select_item, and highlighted_text() read back from the painted document."""
from pathlib import Path

from PySide6.QtWidgets import QWidget

from briefing.ui import MainWindow

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"


def test_open_select_and_read_back_the_highlight(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open(str(SAMPLE))
    assert window.findChild(QWidget, "articleView") is window.article_view
    assert window.findChild(QWidget, "briefForm") is window.form
    taiwan = next(i for i in window.brief.items if i.kind == "claim" and "Taiwan" in i.text)
    window.select_item(taiwan.id)
    qtbot.waitUntil(lambda: window.article_view.highlighted_text() != [])
    assert window.article_view.highlighted_text() == [
        window.brief.sentence(sid).text for sid in taiwan.sentence_ids]
    assert window.windowTitle().startswith("musk-putin-contacts.brief")
    window.undo_stack.setClean()
