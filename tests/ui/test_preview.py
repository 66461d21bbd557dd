"""The export preview renders the brief and never loads anything remote.

"Nothing was requested" is checked behind a positive barrier (support/barriers.py): an
allowed data: image placed after everything else is waited for, so the browser has laid
out, and asked for, everything before it.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from briefing.ui.preview import PreviewDialog, SafeTextBrowser
from support import barriers
from support import briefs as BRIEFS


@pytest.fixture
def requests(monkeypatch):
    """Every URL the browser is asked to load, recorded before the guard answers."""
    seen: list[str] = []
    original = SafeTextBrowser.loadResource

    def recording(self, type_, name):
        seen.append(name.toString())
        return original(self, type_, name)

    monkeypatch.setattr(SafeTextBrowser, "loadResource", recording)
    return seen


def test_preview_shows_sections_tables_and_footnotes(qtbot):
    dialog = PreviewDialog(BRIEFS.build())
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.browser.toPlainText()
    for heading in ("Vienna talks: where they stand", "Bottom line", "Key claims", "Actors",
                    "Risks", "Open questions", "Sentence 4:"):
        assert heading in text
    assert "Mediator; quoted on progress." in text
    assert "Negotiators agreed on a ceasefire text.1,2" in text  # marks 1 and 2, not 12
    assert dialog.windowTitle() == "Preview — Vienna talks: where they stand"
    assert not dialog.browser.openLinks() and not dialog.browser.openExternalLinks()


def test_hostile_images_never_reach_the_network_and_show_as_text(qtbot, requests):
    brief = BRIEFS.build()
    item = brief.add_item("claim", '<img src="http://evil.example/a.png"> '
                                   "![x](http://evil.example/b.png)", ["s1"])
    brief.set_field(item.id, "note", '<img src="https://evil.example/c.png">')
    dialog = PreviewDialog(brief)
    qtbot.addWidget(dialog)
    dialog.show()
    barriers.append_sentinel(dialog.browser)
    before = barriers.wait_for_sentinel(qtbot, lambda: requests)
    assert before == []                    # the preview asked for nothing at all
    text = dialog.browser.toPlainText()
    assert '<img src="http://evil.example/a.png">' in text
    assert "![x](http://evil.example/b.png)" in text
    assert '<img src="https://evil.example/c.png">' in text


def test_the_guard_refuses_remote_and_local_urls_even_in_raw_html(qtbot, requests):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<p>x<img src="http://evil.example/raw.png"><img src="file:///etc/passwd"></p>'
                    f'<p>y</p><img src="{barriers.SENTINEL}">')
    browser.show()
    before = barriers.wait_for_sentinel(qtbot, lambda: requests)
    assert {"http://evil.example/raw.png", "file:///etc/passwd"} == set(before)  # asked ...
    kind = QTextDocument.ResourceType.ImageResource.value
    assert browser.loadResource(kind, QUrl("http://evil.example/raw.png")) is None  # ... refused
    assert browser.loadResource(kind, QUrl("file:///etc/passwd")) is None


def test_links_are_never_opened(qtbot):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml('<a href="http://evil.example/">out</a><p>x</p><a name="fn:1">note</a>')
    before = browser.source()
    browser.anchorClicked.emit(QUrl("http://evil.example/"))
    browser.anchorClicked.emit(QUrl("#fn:1"))
    assert browser.source() == before
