"""File and Help menu paths an analyst takes that the other window tests do not: Export
Markdown, Export Word, Preview Export, Quit and About, each triggered from the window's own
menu bar (and a shortcut where it has one). File answers come from ScriptedDialogs; the
modal preview and About box are real and are answered through support.modal.
"""
from __future__ import annotations

import html
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from briefing import Brief, __version__
from briefing.io.export import export_file
from briefing.ui.dialogs import Answer, ScriptedDialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.preview import PreviewDialog
from support.modal import answer_modal, click_button

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"
HEADINGS = ("Key claims", "Actors", "Risks", "Open questions")


@pytest.fixture
def sample(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    path = docs / "sample.brief"
    shutil.copyfile(SAMPLE, path)
    return path


@pytest.fixture
def window(qtbot, sample) -> MainWindow:
    w = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
    assert w.open(str(sample))
    return w


def menu_action(w: MainWindow, menu: str, text: str):
    """The QAction as it sits in the menu bar: menu title and item text with their '&'."""
    titles = {a.text(): a.menu() for a in w.menuBar().actions() if a.menu() is not None}
    entries = {a.text(): a for a in titles[menu].actions() if not a.isSeparator()}
    return entries[text]


def words(text: str) -> str:
    return " ".join(text.split())


def rendered_text(markdown: str) -> str:
    """What a reader of the Markdown sees: rendered, tags dropped, entities decoded."""
    out = MarkdownIt("commonmark").enable("table").render(markdown)
    return words(html.unescape(re.sub(r"<[^>]+>", " ", out)))


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return words(" ".join(parts))


# ---- exports -------------------------------------------------------------------------
def test_file_export_markdown_writes_the_brief(window, tmp_path):
    w = window
    out = tmp_path / "out" / "brief.md"
    out.parent.mkdir()
    w.dialogs.paths = [str(out)]
    menu_action(w, "&File", "Export &Markdown…").trigger()
    assert w.dialogs.asked == ["save"]
    reference = tmp_path / "reference.md"
    export_file(w.brief, "md", reference)
    assert out.read_bytes() == reference.read_bytes()       # what the CLI export writes
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert w.brief.marking in lines[0] and f"# {w.brief.title}" in lines[:4]
    seen = rendered_text(text)
    for heading in HEADINGS:
        assert heading in seen
    for item in w.brief.items:
        assert words(item.text) in seen, item.text
    assert w.statusBar().currentMessage() == f"Exported {out}"
    assert {p.name for p in out.parent.iterdir()} == {"brief.md"}
    assert not w.isWindowModified()                         # exporting is not a change


def test_file_export_word_writes_the_brief_and_adds_the_suffix(window, tmp_path):
    w = window
    typed = tmp_path / "out" / "brief"                      # typed without .docx
    typed.parent.mkdir()
    w.dialogs.paths = [str(typed)]
    menu_action(w, "&File", "Export &Word (.docx)…").trigger()
    out = typed.with_suffix(".docx")
    assert {p.name for p in typed.parent.iterdir()} == {"brief.docx"}
    reference = tmp_path / "reference.docx"
    export_file(w.brief, "docx", reference)
    with zipfile.ZipFile(out) as got, zipfile.ZipFile(reference) as want:
        assert got.namelist() == want.namelist()
        assert got.read("word/document.xml") == want.read("word/document.xml")
    seen = docx_text(out)
    assert words(w.brief.title) in seen
    for heading in HEADINGS:
        assert heading in seen
    for item in w.brief.items:
        assert words(item.text) in seen, item.text
    assert w.statusBar().currentMessage() == f"Exported {out}"


@pytest.mark.parametrize("name, fmt", [("quotes.csv", "csv"), ("quotes.xlsx", "xlsx"),
                                       ("quotes.json", "json"), ("quotes", "csv")])
def test_file_export_quote_list_writes_one_row_per_citation(window, tmp_path, name, fmt):
    import csv
    import io
    import json as jsonlib
    w = window
    w.dialogs.paths = [str(tmp_path / name)]
    menu_action(w, "&File", "Export &Quote List…").trigger()
    out = tmp_path / (name if "." in name else name + ".csv")
    assert out.exists() and not w.dialogs.errors
    citations = sum(max(1, len(i.citations)) for i in w.brief.items)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
        assert len(rows) == 1 + citations
    elif fmt == "json":
        assert len(jsonlib.loads(out.read_text(encoding="utf-8"))["rows"]) == citations
    else:
        import openpyxl
        sheet = openpyxl.load_workbook(out).active
        assert sheet.max_row == 1 + citations
    assert w.statusBar().currentMessage() == f"Exported the quote list to {out}"


def test_export_shortcut_and_a_cancelled_dialog_writes_nothing(qtbot, window, tmp_path):
    w = window
    w.dialogs.paths = [None]                                # the user cancels
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_M,
                   Qt.ControlModifier | Qt.ShiftModifier)
    assert w.dialogs.asked == ["save"]
    assert {p.name for p in tmp_path.iterdir()} == {"docs"}
    assert {p.name for p in (tmp_path / "docs").iterdir()} == {"sample.brief"}


def test_an_export_that_cannot_be_written_is_one_error(window, tmp_path):
    w = window
    w.dialogs.paths = [str(tmp_path / "no-such-folder" / "brief.md")]
    menu_action(w, "&File", "Export &Markdown…").trigger()
    assert len(w.dialogs.errors) == 1 and "\n" not in w.dialogs.errors[0]
    assert str(tmp_path / "no-such-folder" / "brief.md") in w.dialogs.errors[0]
    assert not (tmp_path / "no-such-folder").exists()


# ---- preview and about (real modal dialogs) ------------------------------------------
def test_file_preview_export_shows_the_brief_and_closes(window):
    w = window
    seen = {}

    def look_and_close(dialog):
        assert isinstance(dialog, PreviewDialog)
        seen["title"] = dialog.windowTitle()
        seen["text"] = words(dialog.browser.toPlainText())
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()

    answered = answer_modal(look_and_close)
    menu_action(w, "&File", "&Preview Export").trigger()     # returns once it is closed
    answered.check()
    assert seen["title"] == f"Preview — {w.brief.title}"
    for heading in HEADINGS:
        assert heading in seen["text"]
    for item in w.brief.items:
        assert words(item.text) in seen["text"], item.text
    assert QApplication.activeModalWidget() is None


def test_help_about_names_the_version(window):
    seen = {}

    def read_and_ok(box):
        assert isinstance(box, QMessageBox)
        seen["title"], seen["text"] = box.windowTitle(), box.text()
        click_button(box, QMessageBox.StandardButton.Ok)

    answered = answer_modal(read_and_ok)
    menu_action(window, "&Help", "&About Briefing").trigger()
    answered.check()
    assert seen["title"] == "About Briefing"
    assert f"Briefing {__version__}" in seen["text"]


# ---- quit ----------------------------------------------------------------------------
def make_window(qtbot, path: Path | None = None) -> MainWindow:
    w = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    if path is not None:
        assert w.open(str(path))
    return w


def modify(w: MainWindow) -> str:
    item = w.new_item("question", ["s1"])
    assert item and w.isWindowModified()
    return item


def test_quit_with_unsaved_changes_cancelled_keeps_the_window(qtbot, window):
    w = window
    modify(w)
    w.dialogs.answers = [Answer.CANCEL]
    menu_action(w, "&File", "&Quit").trigger()
    assert w.dialogs.asked == ["unsaved"]
    assert w.isVisible() and w.isWindowModified()


def test_quit_closes_every_window_after_asking_about_unsaved_work(qtbot, window, sample):
    a, b = window, make_window(qtbot, sample)
    modify(a)
    a.dialogs.answers = [Answer.DISCARD]
    before = sample.read_bytes()
    # (QKeySequence.Quit is Ctrl+Q on desktop Linux but unbound under the offscreen
    # platform's key scheme, as on Windows; so the menu it is.)
    menu_action(a, "&File", "&Quit").trigger()
    assert a.dialogs.asked == ["unsaved"] and b.dialogs.asked == []
    assert not a.isVisible() and not b.isVisible()
    assert sample.read_bytes() == before                   # discarded, not saved


def test_quit_save_writes_before_closing(qtbot, window, sample):
    w = window
    item = modify(w)
    w.dialogs.answers = [Answer.SAVE]
    menu_action(w, "&File", "&Quit").trigger()
    assert not w.isVisible()
    saved = Brief.load(sample)
    assert saved.sentence_ids_of(saved.item(item)) == ["s1"]
