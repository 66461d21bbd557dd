"""The importer registry in the window: the open dialog's filters, files dropped on the
window, File › New Brief from Clipboard, and PDFs read off the GUI thread with progress."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.io import article_import
from briefing.io.importers import file_filters
from briefing.ui import article_loader, dialogs
from briefing.ui.actions import MENUS
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.file_actions import ARTICLE_SUFFIXES
from briefing.ui.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "importers" / "fixtures"
SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"


@pytest.fixture
def window(qtbot):
    w = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
    return w


def drop(w, paths: list[Path]) -> tuple[bool, bool]:
    """(accepted on enter, accepted on drop) for a drag of these files onto the window."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(w, enter)
    event = QDropEvent(QPointF(20, 20), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(w, event)
    return enter.isAccepted(), event.isAccepted()


def test_dialog_filters_and_suffixes_come_from_the_registry():
    assert dialogs.ARTICLE_FILTER == file_filters()
    for suffix in (".pdf", ".docx", ".html", ".mhtml", ".odt", ".txt"):
        assert suffix in ARTICLE_SUFFIXES and f"*{suffix}" in dialogs.ARTICLE_FILTER


def test_new_from_article_reads_a_docx_with_its_metadata(window):
    window.dialogs.paths.append(str(FIXTURES / "memo_footnotes.docx"))
    window.new_from_article()
    assert window.brief.article.title == "Fisheries Talks: Where the Parties Stand"
    assert window.brief.article.author == "Dana Whitlock"
    assert "[1] Joint communiqué" in window.brief.article.text
    assert window.files.path is None and not window.dialogs.errors


@pytest.mark.parametrize("fixture,title", [
    ("news.html", "Port strike halts container traffic for a third day"),
    ("report_two_column.pdf", "Grain Corridors Under Pressure"),
])
def test_dropping_a_supported_file_starts_a_brief(window, fixture, title):
    assert drop(window, [FIXTURES / fixture]) == (True, True)
    assert window.brief.article.title == title
    assert not window.showing_start_page()


def test_dropping_a_brief_opens_it(window, tmp_path):
    path = tmp_path / "sample.brief"
    path.write_bytes(SAMPLE.read_bytes())
    assert drop(window, [path]) == (True, True)
    assert window.files.path == str(path)


def test_unsupported_files_or_a_brief_among_reports_are_refused(window, tmp_path):
    before = window.brief
    other = tmp_path / "picture.png"
    other.write_bytes(b"\x89PNG")
    brief = tmp_path / "sample.brief"
    brief.write_bytes(SAMPLE.read_bytes())
    assert drop(window, [other]) == (False, False)
    assert drop(window, [FIXTURES / "news.html", other]) == (False, False)
    assert drop(window, [FIXTURES / "news.html", brief]) == (False, False)
    assert window.brief is before


def test_several_files_dropped_on_an_empty_window_make_one_brief_over_them(window, qtbot):
    assert drop(window, [FIXTURES / "news.html", FIXTURES / "blog.html"]) == (True, True)
    titles = [s.title for s in window.brief.sources]
    assert titles[0] == "Port strike halts container traffic for a third day"
    assert len(titles) == 2
    qtbot.waitUntil(window.source_tabs.isVisible)
    assert window.source_tabs.tab_texts()[0].endswith(" · Port strike halts conta…")


def test_files_dropped_on_an_open_brief_are_added_as_sources_in_one_undo_step(window, tmp_path, qtbot):
    path = tmp_path / "sample.brief"
    path.write_bytes(SAMPLE.read_bytes())
    window.open(str(path))
    before = window.brief
    assert drop(window, [FIXTURES / "news.html", FIXTURES / "report_two_column.pdf"]) == (True, True)
    assert window.brief is before and len(before.sources) == 3
    assert [s.title for s in before.sources[1:]] == [
        "Port strike halts container traffic for a third day", "Grain Corridors Under Pressure"]
    # the first added source is shown, and its tab says how much of it is cited
    assert window.article_view.source_id() == before.sources[1].id
    qtbot.waitUntil(lambda: len(window.source_tabs.tab_texts()) == 3)
    assert window.source_tabs.tab_texts()[1].startswith("0 of %d cited · " % len(before.sources[1].sentences))
    assert window.source_tabs.current_source_id() == before.sources[1].id
    window.undo_stack.undo()
    assert len(before.sources) == 1 and window.article_view.source_id() == "src1"
    qtbot.waitUntil(lambda: not window.source_tabs.isVisible())


def test_bad_dropped_file_is_one_error_and_changes_nothing(window, tmp_path):
    before = window.brief
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    drop(window, [bad])
    assert window.brief is before
    assert len(window.dialogs.errors) == 1 and window.dialogs.errors[0].startswith(str(bad))


def test_clipboard_action_is_in_the_file_menu(window):
    assert "new_clipboard" in MENUS["&File"]
    action = window.actions["new_clipboard"]
    assert action.text().replace("&", "") == "New Brief from Clipboard"


def test_new_from_clipboard_html_goes_through_the_web_importer(window):
    html = (FIXTURES / "news.html").read_text("utf-8")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("plain fallback")
    QGuiApplication.clipboard().setMimeData(mime)
    window.actions["new_clipboard"].trigger()
    article = window.brief.article
    assert article.title == "Port strike halts container traffic for a third day"
    assert article.outlet == "The Harbour Ledger"
    assert "cookie" not in article.text.lower() and article.text.startswith("Container traffic")


def test_new_from_clipboard_plain_text_is_unwrapped(window):
    text = ("The delegation arrived late on Tuesday and met the port authority for two\n"
            "hours before the talks were adjourned. According to people in the room, the\n"
            "chief negotiator told the minister that no agreement was possible before the\n"
            "end of the month, and that the union would strike again if pressed.\n")
    QGuiApplication.clipboard().setText(text)
    window.new_from_clipboard()
    assert window.brief.article.text == text.replace("\n", " ").strip()
    assert window.brief.article.title == "Pasted article"


def test_empty_clipboard_is_one_error(window):
    QGuiApplication.clipboard().setText("   ")
    before = window.brief
    window.new_from_clipboard()
    assert window.brief is before
    assert window.dialogs.errors == ["the clipboard: holds no text to make an article from"]


def test_pdf_import_runs_off_the_gui_thread_with_progress(window, monkeypatch):
    threads, shown = [], []
    real = article_import.read_article

    def spy(path, progress=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(path, progress)

    real_show = article_loader._show

    def show(dialog, done, total):      # what the analyst sees after each page read
        real_show(dialog, done, total)
        shown.append((dialog.objectName(), dialog.isVisible(), dialog.value(), dialog.maximum()))

    monkeypatch.setattr(article_loader, "read_article", spy)
    monkeypatch.setattr(article_loader, "PROGRESS_AFTER_MS", 0)
    monkeypatch.setattr(article_loader, "_show", show)
    assert window.files.new_from_article(str(FIXTURES / "report_long.pdf"))
    assert threads == [False]
    assert shown[-1] == ("importProgress", True, 11, 11)   # visible, counting the 11 pages
    assert [value for *_, value, _ in shown] == sorted(value for *_, value, _ in shown)
    assert window.brief.article.title == "Grain Corridors Under Pressure"


def test_cancelling_a_pdf_import_changes_nothing(window, monkeypatch):
    before = window.brief

    def cancel_soon(job_start=article_loader.ImportJob.start):
        def start(self):
            self.cancel()
            job_start(self)
        return start

    monkeypatch.setattr(article_loader.ImportJob, "start", cancel_soon())
    assert not window.files.new_from_article(str(FIXTURES / "report_long.pdf"))
    assert window.brief is before and not window.dialogs.errors
    assert "cancelled" in window.statusBar().currentMessage()


def test_text_files_are_read_on_the_gui_thread(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Short article. Two sentences.")
    assert not article_loader.needs_worker(str(path))
    assert article_loader.needs_worker(str(FIXTURES / "report_two_column.pdf"))
