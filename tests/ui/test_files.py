"""Files through the window: open, save, save as, new from an article, recent files, the
unsaved-changes prompt, bad files, files changed on disk, and window state in QSettings.

Every dialog answer comes from ScriptedDialogs; keys go to the focused widget as a real
keyboard's would. Each test ends by checking that no file the user did not choose appeared.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QTextDocumentFragment

from briefing import Brief
from briefing.io.brief_file import dumps
from briefing.ui.dialogs import Answer, ScriptedDialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.offsets import OffsetMap

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"
ARTICLE_CP1252 = ("Caf\u00e9 owners \u2013 in Z\u00fcrich \u2013 were \u201cdelighted\u201d.\r\n"
                  "The mayor said \u20ac5m would follow.\r\n\r\nNa\u00efve critics disagreed.\r\n")


# ---- helpers -----------------------------------------------------------------------
@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "sample.brief"
    shutil.copyfile(SAMPLE, path)
    return path


@pytest.fixture
def window(qtbot):
    def make(path: Path | None = None) -> MainWindow:
        w = MainWindow(dialogs=ScriptedDialogs())
        qtbot.addWidget(w)
        with qtbot.waitActive(w):
            w.show()
        if path is not None:
            assert w.open(str(path))
        return w
    return make


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def press(qtbot, w, key, modifiers=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or w, key, modifiers)


def point_in(w, sid: str) -> QPoint:
    view = w.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap(w.brief.article.text).to_qt(w.brief.sentence(sid).start + 3))
    return view.cursorRect(cursor).center() + QPoint(2, 0)


def add_item(qtbot, w, sid: str = "s1", key=Qt.Key_4) -> str:
    """An analyst's change: click a sentence, Ctrl+4 (a new open question)."""
    view = w.article_view
    view.scroll_to_sentence(sid)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=point_in(w, sid))
    press(qtbot, w, key, Qt.ControlModifier)
    assert not w.undo_stack.isClean()
    return w.selected_item_id()


def assert_still_has(w, item_id: str, sid: str = "s1") -> None:
    """The question add_item made from `sid` is in the window's brief, text and source intact."""
    item = w.brief.item(item_id)                     # raises if it is gone
    assert (item.kind, item.text, w.brief.sentence_ids_of(item)) == (
        "question", w.brief.sentence(sid).text, [sid])


def retitle(qtbot, w, text: str) -> None:
    title = w.form.meta.bindings["title"].widget
    qtbot.mouseClick(title, Qt.LeftButton)
    title.selectAll()
    qtbot.keyClicks(title, text)


# ---- save and reopen ---------------------------------------------------------------
def test_save_and_reopen_gives_the_same_brief(qtbot, window, sample, tmp_path):
    w = window(sample)
    add_item(qtbot, w, "s3")
    retitle(qtbot, w, "Retitled")
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    assert w.dialogs.asked == [] and w.undo_stack.isClean() and not w.isWindowModified()
    assert "Saved" in w.statusBar().currentMessage()
    again = window(sample)
    assert dumps(again.brief) == dumps(w.brief)
    assert again.brief.title == "Retitled" and len(again.brief.items) == len(w.brief.items)
    assert files_in(tmp_path) == {"sample.brief"}


def test_save_unchanged_is_byte_identical(qtbot, window, sample, tmp_path):
    before = sample.read_bytes()
    w = window(sample)
    assert w.save()
    assert sample.read_bytes() == before


def test_save_as_writes_the_chosen_file_and_switches_to_it(qtbot, window, sample, tmp_path):
    w = window(sample)
    before = sample.read_bytes()
    add_item(qtbot, w)
    w.dialogs.paths = [str(tmp_path / "copy")]       # the extension is added
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier | Qt.ShiftModifier)
    assert w.dialogs.asked == ["save"]
    copy = tmp_path / "copy.brief"
    assert sample.read_bytes() == before              # the original is untouched
    assert dumps(Brief.load(copy)) == dumps(w.brief)
    assert w.files.path == str(copy) and w.windowTitle().startswith("copy.brief")
    assert not w.isWindowModified()
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier)   # later saves go to the copy, unasked
    assert w.dialogs.asked == ["save"]
    assert files_in(tmp_path) == {"sample.brief", "copy.brief"}


def test_save_as_cancelled_writes_nothing(qtbot, window, sample, tmp_path):
    w = window(sample)
    add_item(qtbot, w)
    assert not w.save_as()                            # no path queued: the user cancelled
    assert w.isWindowModified() and w.files.path == str(sample)
    assert files_in(tmp_path) == {"sample.brief"}


# ---- new brief from an article -----------------------------------------------------
def test_new_from_a_cp1252_crlf_article_shows_its_sentences(qtbot, window, tmp_path):
    article = tmp_path / "cafe-news.txt"
    article.write_bytes(ARTICLE_CP1252.encode("cp1252"))
    w = window()
    w.dialogs.paths = [str(article)]
    press(qtbot, w, Qt.Key_N, Qt.ControlModifier)
    assert w.dialogs.asked == ["article"] and w.dialogs.errors == []
    shown = w.article_view.toPlainText()
    assert "Caf\u00e9 owners \u2013 in Z\u00fcrich" in shown and "\u20ac5m" in shown
    assert "\r" not in w.brief.article.text
    assert [s.text for s in w.brief.sentences] == [
        "Caf\u00e9 owners \u2013 in Z\u00fcrich \u2013 were \u201cdelighted\u201d.",
        "The mayor said \u20ac5m would follow.", "Na\u00efve critics disagreed."]
    assert w.files.path is None and not w.isWindowModified()
    # a click and Ctrl+1 cite the right sentence despite the decoded characters
    add_item(qtbot, w, "s2", Qt.Key_1)
    assert [i.text for i in w.brief.items] == ["The mayor said \u20ac5m would follow."]
    # saving a never-saved brief asks where; cancelling writes nothing next to the article
    assert not w.save()
    assert w.dialogs.asked == ["article", "save"]
    assert files_in(tmp_path) == {"cafe-news.txt"}


def test_new_from_article_refuses_a_brief_file(qtbot, window, sample, tmp_path):
    w = window(sample)
    before = dumps(w.brief)
    w.dialogs.paths = [str(sample)]
    w.new_from_article()
    assert len(w.dialogs.errors) == 1 and "not an article" in w.dialogs.errors[0]
    assert dumps(w.brief) == before


# ---- recent files ------------------------------------------------------------------
def test_open_recent_lists_and_reopens_the_file(qtbot, window, sample, tmp_path):
    w = window(sample)
    other = tmp_path / "other.brief"
    Brief.from_text("One sentence here. And another.", title="Other").save(other)
    assert w.open(str(other))
    names = [a.text() for a in w.recent_menu.actions()]
    assert names[:2] == ["other.brief", "sample.brief"]
    tip = w.recent_menu.actions()[1].toolTip()   # shown literally, whatever the path holds
    assert QTextDocumentFragment.fromHtml(tip).toPlainText() == str(sample)
    w.recent_menu.actions()[1].trigger()
    assert w.files.path == str(sample) and w.brief.title.startswith("Musk")
    # a new window lists them too (from QSettings)
    fresh = window()
    assert [a.text() for a in fresh.recent_menu.actions()][:2] == ["sample.brief", "other.brief"]
    assert files_in(tmp_path) == {"sample.brief", "other.brief"}


# ---- the unsaved-changes prompt ----------------------------------------------------
def test_close_cancel_keeps_the_window_and_the_changes(qtbot, window, sample):
    w = window(sample)
    item = add_item(qtbot, w)
    w.dialogs.answers = [Answer.CANCEL]
    assert not w.close()
    assert w.isVisible() and w.isWindowModified()
    assert w.dialogs.asked == ["unsaved"]
    assert_still_has(w, item)
    assert Brief.load(sample).counts() != w.brief.counts()


def test_close_discard_drops_the_changes(qtbot, window, sample):
    before = sample.read_bytes()
    w = window(sample)
    add_item(qtbot, w)
    w.dialogs.answers = [Answer.DISCARD]
    assert w.close()
    assert sample.read_bytes() == before


def test_close_save_writes_first(qtbot, window, sample):
    w = window(sample)
    add_item(qtbot, w)
    w.dialogs.answers = [Answer.SAVE]
    expected = dumps(w.brief)
    assert w.close()
    assert dumps(Brief.load(sample)) == expected


def test_close_save_of_a_never_saved_brief_asks_where_and_cancel_keeps_it(
        qtbot, window, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("First sentence here. Second one there.", encoding="utf-8")
    w = window(article)
    add_item(qtbot, w)
    w.dialogs.answers = [Answer.SAVE]                 # ... and then no path: cancelled
    assert not w.close()
    assert w.isVisible() and w.dialogs.asked == ["unsaved", "save"]
    assert files_in(tmp_path) == {"a.txt"}


def test_a_clean_brief_closes_without_asking(qtbot, window, sample):
    w = window(sample)
    assert w.close()
    assert w.dialogs.asked == []


@pytest.mark.parametrize("how", ["open", "new"])
def test_open_or_new_cancel_keeps_the_current_brief(qtbot, window, sample, tmp_path, how):
    other = tmp_path / "other.txt"
    other.write_text("Other article. Two sentences.", encoding="utf-8")
    w = window(sample)
    item = add_item(qtbot, w)
    w.dialogs.paths = [str(other)]
    w.dialogs.answers = [Answer.CANCEL]
    press(qtbot, w, Qt.Key_O if how == "open" else Qt.Key_N, Qt.ControlModifier)
    assert w.dialogs.asked == ["unsaved"]             # no file dialog after Cancel
    assert w.files.path == str(sample)
    assert_still_has(w, item)
    assert w.isWindowModified()


@pytest.mark.parametrize("how", ["open", "new"])
def test_open_or_new_discard_drops_the_changes(qtbot, window, sample, tmp_path, how):
    before = sample.read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("Other article. Two sentences.", encoding="utf-8")
    w = window(sample)
    add_item(qtbot, w)
    w.dialogs.paths = [str(other)]
    w.dialogs.answers = [Answer.DISCARD]
    press(qtbot, w, Qt.Key_O if how == "open" else Qt.Key_N, Qt.ControlModifier)
    assert w.dialogs.asked == ["unsaved", "open" if how == "open" else "article"]
    assert [s.text for s in w.brief.sentences] == ["Other article.", "Two sentences."]
    assert not w.isWindowModified() and w.undo_stack.count() == 0
    assert sample.read_bytes() == before
    assert files_in(tmp_path) == {"sample.brief", "other.txt"}


@pytest.mark.parametrize("how", ["open", "new"])
def test_open_or_new_save_writes_then_switches(qtbot, window, sample, tmp_path, how):
    other = tmp_path / "other.txt"
    other.write_text("Other article. Two sentences.", encoding="utf-8")
    w = window(sample)
    add_item(qtbot, w)
    expected = dumps(w.brief)
    w.dialogs.paths = [str(other)]
    w.dialogs.answers = [Answer.SAVE]
    press(qtbot, w, Qt.Key_O if how == "open" else Qt.Key_N, Qt.ControlModifier)
    assert dumps(Brief.load(sample)) == expected
    assert w.brief.article.text.startswith("Other article.")


# ---- bad files ---------------------------------------------------------------------
@pytest.mark.parametrize("content", [b"{not json", b'{"format": "briefing", "version": 99}',
                                     b"\xff\xfe\x00garbage", b""],
                         ids=["syntax", "version", "binary", "empty"])
def test_a_bad_brief_is_one_line_error_and_the_current_brief_stays(
        qtbot, window, sample, tmp_path, content):
    bad = tmp_path / "bad.brief"
    bad.write_bytes(content)
    w = window(sample)
    item = add_item(qtbot, w)
    before, count = dumps(w.brief), w.undo_stack.count()
    w.dialogs.paths = [str(bad)]
    w.dialogs.answers = [Answer.DISCARD]
    press(qtbot, w, Qt.Key_O, Qt.ControlModifier)
    assert len(w.dialogs.errors) == 1
    message = w.dialogs.errors[0]
    assert "\n" not in message and message.startswith(str(bad)) and "Traceback" not in message
    assert dumps(w.brief) == before
    assert_still_has(w, item)
    assert w.files.path == str(sample) and w.undo_stack.count() == count
    assert files_in(tmp_path) == {"sample.brief", "bad.brief"}


def test_a_missing_file_from_the_recent_menu_is_an_error(qtbot, window, tmp_path):
    gone = tmp_path / "gone.brief"
    Brief.from_text("Soon deleted. Really.").save(gone)
    w = window(gone)
    gone.unlink()
    w.recent_menu.actions()[0].trigger()
    assert len(w.dialogs.errors) == 1 and "gone.brief" in w.dialogs.errors[0]
    assert files_in(tmp_path) == set()


# ---- changed on disk ---------------------------------------------------------------
def test_save_over_a_file_changed_on_disk_asks_and_no_leaves_it(qtbot, window, sample, tmp_path):
    w = window(sample)
    add_item(qtbot, w)
    theirs = sample.read_bytes().replace(b'"title": "', b'"title": "Theirs: ', 1)
    sample.write_bytes(theirs)
    w.dialogs.confirms = [False]
    press(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    assert w.dialogs.asked == ["confirm"]
    assert sample.read_bytes() == theirs
    assert w.isWindowModified()
    w.dialogs.confirms = [True]
    assert w.save()
    assert dumps(Brief.load(sample)) == dumps(w.brief)
    assert files_in(tmp_path) == {"sample.brief"}


def test_a_touch_is_not_a_change(qtbot, window, sample):
    w = window(sample)
    add_item(qtbot, w)
    sample.write_bytes(sample.read_bytes())           # new mtime, same content
    assert w.save()
    assert w.dialogs.asked == []


def test_after_our_own_save_the_next_save_does_not_ask(qtbot, window, sample):
    w = window(sample)
    add_item(qtbot, w)
    assert w.save()
    add_item(qtbot, w, "s2")
    assert w.save() and w.dialogs.asked == []
    assert w.files.disk_hash == digest(sample)


# ---- window state ------------------------------------------------------------------
def test_geometry_and_splitter_are_restored_in_a_new_window(qtbot, window):
    w = window()
    w.resize(731, 517)           # inside the offscreen screen (restoreGeometry clamps to it)
    w.splitter.setSizes([250, 481])
    sizes = w.splitter.sizes()
    assert w.close()
    again = window()
    assert (again.width(), again.height()) == (731, 517)
    assert again.splitter.sizes() == sizes


def test_save_as_into_a_missing_folder_is_one_line_error(qtbot, window, sample, tmp_path):
    w = window(sample)
    add_item(qtbot, w)
    w.dialogs.paths = [str(tmp_path / "no-such-folder" / "x.brief")]
    assert not w.save_as()
    assert len(w.dialogs.errors) == 1 and "\n" not in w.dialogs.errors[0]
    assert "no-such-folder" in w.dialogs.errors[0]
    assert w.files.path == str(sample) and w.isWindowModified()
    assert files_in(tmp_path) == {"sample.brief"}


def test_save_as_keeps_an_upper_case_extension(qtbot, window, sample, tmp_path):
    w = window(sample)
    w.dialogs.paths = [str(tmp_path / "COPY.BRIEF")]
    assert w.save_as()
    assert files_in(tmp_path) == {"sample.brief", "COPY.BRIEF"}


def test_save_as_asks_before_replacing_a_file_it_completed_the_name_of(
        qtbot, window, sample, tmp_path):
    other = tmp_path / "other.brief"
    Brief.from_text("Someone else's work. Keep it.").save(other)
    theirs = other.read_bytes()
    w = window(sample)
    w.dialogs.paths = [str(tmp_path / "other")]     # the dialog confirmed "other", not "other.brief"
    w.dialogs.confirms = [False]
    assert not w.save_as()
    assert w.dialogs.asked == ["save", "confirm"] and other.read_bytes() == theirs
    w.dialogs.paths, w.dialogs.confirms = [str(tmp_path / "other")], [True]
    assert w.save_as()
    assert dumps(Brief.load(other)) == dumps(w.brief)
