"""The surface other tests and scripts rely on: briefing.ui.MainWindow, object names,
open/select_item, and highlighted_text() read back from the painted document."""
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

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
        window.brief.sentence(sid).text for sid in window.brief.sentence_ids_of(taiwan)]
    assert window.windowTitle().startswith("musk-putin-contacts.brief")
    window.undo_stack.setClean()


def test_selecting_an_item_brings_its_row_into_view(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open(str(SAMPLE))
    form = window.form

    def row_visible(item_id: str) -> bool:
        kind, row = window.brief.position(item_id)
        view = form.panes[kind].view
        centre = view.visualRect(view.model().index(row, 0)).center()
        return form.sections_scroll.viewport().rect().contains(
            view.viewport().mapTo(form.sections_scroll.viewport(), centre))

    for item in reversed(window.brief.items):        # last question first: furthest down
        window.select_item(item.id)
        QApplication.processEvents()
        assert row_visible(item.id), item.id
    window.undo_stack.setClean()
