"""Issue 5 item 6: no content of a brief or article can make the app run code or reach
the network, whether it is loaded, shown, previewed or exported.

One hostile brief carries every trick we know of (HTML, Markdown images and links, GFM
bare autolinks, Word fields, spreadsheet formulas, template and JNDI strings, Python,
pickle-looking bytes, bidi overrides, control characters, very long strings) in the
article text, every metadata field, every item field and every note. A local HTTP server
records any request; the brief goes through load, the main window (every item selected,
tooltips shown), the preview and both exports, and the exported Markdown is rendered by
python-markdown and markdown-it-py. Nothing may call the server or create a file.

"Nothing called" is checked behind positive barriers, never by waiting a while: the test
makes its own request to the server and waits for its answer (every connection made before
it was accepted, and recorded, before it), and the preview is checked only once an allowed
data: image placed after everything else has been requested (support/barriers.py).
"""
from __future__ import annotations

import html
import http.client
import http.server
import os
import re
import threading
import zipfile
from pathlib import Path

import markdown
import pytest
from markdown_it import MarkdownIt
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage, Qt  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from briefing import Brief
from briefing.core.items import FIELDS, NOTE_FIELD
from briefing.io.export import export_file
from briefing.io.markdown_export import escape, to_markdown
from briefing.ui.article_header import ArticleHeader
from briefing.ui.dialogs import ScriptedDialogs
from briefing.ui.main_window import MainWindow
from briefing.ui.preview import PreviewDialog, SafeTextBrowser, render_html
from support import barriers

KINDS = tuple(FIELDS)


# ---- the server that must never hear from us ------------------------------------------
class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def _answer(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        body = b"PWNED"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_HEAD = _answer  # noqa: N815 (http.server's names)

    def log_message(self, *args) -> None:
        pass


class _RecordingServer(http.server.ThreadingHTTPServer):
    """Records every connection in the order it is accepted (one thread accepts them all,
    first come first served), before any request on it is read."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.accepted: list[tuple[str, int]] = []

    def process_request(self, request, client_address) -> None:
        self.accepted.append(client_address)
        super().process_request(request, client_address)


@pytest.fixture
def server():
    """A local HTTP server on a free port; `.seen` lists every request it got and
    `.accepted` every connection, in order."""
    handler = type("Recorder", (_Recorder,), {"seen": []})
    httpd = _RecordingServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.seen = handler.seen
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def barrier(server) -> tuple[str, int]:
    """Our own request to the server, answered: any connection made before this one was
    accepted (and recorded) before it. Returns the barrier's own client address."""
    conn = http.client.HTTPConnection(*server.server_address, timeout=30)
    try:
        conn.request("GET", "/barrier")
        mine = conn.sock.getsockname()
        assert conn.getresponse().read() == b"PWNED"
    finally:
        conn.close()
    return mine


# ---- the hostile brief ----------------------------------------------------------------
def payloads(port: int, tmp: Path) -> list[str]:
    base = f"http://127.0.0.1:{port}"
    probe = tmp / "probe.png"
    return [
        f'<img src="{base}/img"> <img src="file://{probe}"> <img src="{probe}">',
        f"<link rel=stylesheet href={base}/css><link rel=stylesheet href={tmp}/probe.css>",
        f"<style>@import url({base}/imp); @import url({tmp}/probe.css);</style>",
        f"<script>fetch('{base}/script')</script><script src={base}/js></script>",
        f'<iframe src="{base}/iframe"></iframe><object data="{base}/obj"></object>',
        f'<svg onload="fetch(\'{base}/svg\')"><a xlink:href="{base}/x">s</a></svg>',
        f"![x]({base}/md) ![y][ref] [ref]: {base}/refimg",
        f"\n[ref]: {base}/refdef\n![z][ref]\n",
        "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)",
        f"<{base}/auto> <mailto:someone@example.com> {base}/bare",
        "www.example.com (www.example.org) *www.example.net* WWW.EXAMPLE.COM",
        "someone@example.com, first.last+tag@mail.example.co.uk",
        "file:///etc/passwd \\\\127.0.0.1\\share\\x.png",
        f'{{ INCLUDEPICTURE "{base}/f" \\d }} {{ HYPERLINK "{base}/h" }} {{DDEAUTO c:\\\\x "y"}}',
        "=cmd|' /C calc'!A0 +SUM(1,2) -2+3 @SUM(A1)",
        "{{7*7}} ${7*7} <%= 7*7 %> #{7*7} {% raw %}",
        f"${{jndi:ldap://127.0.0.1:{port}/x}}",
        "__import__('os').system('touch PWNED') `touch PWNED` $(touch PWNED); touch PWNED",
        "\x80\x04\x95cos\nsystem\n(S'touch PWNED'\ntR. \x80\x03c__builtin__\neval\n",
        "&lt;img src=x&gt; &#60;script&#62; &amp;lt; &nbsp; &#x3C;iframe&#x3E;",
        "\u202eevil\u202c \u2066isolate\u2069 \u200f\u200e \ufeff zero\u200bwidth",
        "ctl\x01\x02\x07\x08\x0b\x0c\x1b[31mred\x1b[0m\x7f end",
        "| a | b |\n|---|---|\n| <img src=" + base + "/cell> | x |",
        "[^1]: fake note " + base + "/fn",
        "<!-- comment --> <![CDATA[x]]> <?php system('touch PWNED'); ?>",
        "long " + "A" * 20_000 + " " + base + "/" + "p" * 5_000,
    ]


def hostile_brief(port: int, tmp: Path) -> Brief:
    bad = payloads(port, tmp)
    article = "\n\n".join(f"Sentence {n} says {p}." for n, p in enumerate(bad))
    brief = Brief.from_text(article, title=bad[0], outlet=bad[1], author=bad[3],
                            published=bad[13], url=f"<img src=\"http://127.0.0.1:{port}/u\">")
    brief.set_meta("analyst", bad[2])
    brief.set_meta("summary", "\n\n".join(bad))
    sids = [s.id for s in brief.sentences]
    n = 0
    for kind in KINDS:
        for p in bad:
            item = brief.add_item(kind, p, sids[n % len(sids):n % len(sids) + 2])
            for spec in (*FIELDS[kind][1:], NOTE_FIELD):
                if not spec.choices:
                    brief.set_field(item.id, spec.name, bad[(n + 1) % len(bad)])
            n += 1
    return brief


@pytest.fixture
def hostile(server, tmp_path, monkeypatch):
    """The hostile brief saved and loaded back from disk, run with tmp_path as cwd, and
    probe files beside it that a rich-text engine could read if it followed a path."""
    monkeypatch.chdir(tmp_path)
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(tmp_path / "probe.png"))
    (tmp_path / "probe.css").write_text("p, td, li, body { font-size: 90pt; }")
    path = tmp_path / "hostile.brief"
    hostile_brief(server.server_address[1], tmp_path).save(path)
    return Brief.load(path)


def assert_nothing_happened(server, tmp_path: Path) -> None:
    QApplication.processEvents()    # anything the app queued runs before the barrier
    mine = barrier(server)
    assert server.accepted == [mine], "something else connected to the server"
    assert server.seen == ["GET /barrier"]
    assert not list(tmp_path.rglob("PWNED*"))
    assert not Path(os.getcwd(), "PWNED").exists()


# ---- rich text in Qt ------------------------------------------------------------------
OUR_TAGS = re.compile(r"</?(qt|p|br|b|i|nobr)\b[^<>]*>", re.I)


def assert_inert_for_qt(text: str) -> None:
    """Text Qt shows as plain (QToolTip/QLabel auto-detect rich text), or rich text whose
    only tags are ours, so no <img>/<link>/@import of the user's can be loaded."""
    if Qt.mightBeRichText(text):
        leftover = OUR_TAGS.sub("", text)
        assert "<" not in leftover, f"user markup in rich text: {leftover[:200]!r}"


def shown_tooltip() -> str:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QLabel) and widget.objectName() == "qtooltip_label" \
                and widget.isVisible():
            return widget.text()
    return ""


def tooltip_via_event(widget, pos: QPoint) -> str:
    """Send the ToolTip event a hover would, and return the tooltip text Qt shows."""
    QToolTip.hideText()
    QApplication.processEvents()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()
    return shown_tooltip()


def test_the_hostile_brief_round_trips_through_a_file(hostile, server, tmp_path):
    assert len(hostile.items) == len(KINDS) * len(payloads(1, tmp_path))
    assert "<script>" in hostile.article.text and "touch PWNED" in hostile.summary
    assert_nothing_happened(server, tmp_path)


def test_main_window_selects_every_item_and_shows_every_tooltip(qtbot, hostile, server,
                                                               tmp_path):
    window = MainWindow(dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open(str(tmp_path / "hostile.brief"))
    brief, view = window.brief, window.article_view
    for item in brief.items:
        window.select_item(item.id)
        QApplication.processEvents()
        sid = brief.sentence_ids_of(item)[0]
        view.scroll_to_sentence(sid)
        QApplication.processEvents()
        sentence = brief.sentence(sid)
        rect = view.cursorRect(view._cursor_at(view._offsets.to_qt(sentence.start)))
        point = rect.center() + QPoint(2, 0)
        text = view.tooltip_at(point)
        assert text.startswith("Cited by")
        assert_inert_for_qt(text)
        assert_inert_for_qt(tooltip_via_event(view.viewport(), point))
    # the rows of every section: the delegate shows the model's tooltip
    for pane in window.form.panes.values():
        pane_view = pane.view
        model = pane_view.model()
        for row in range(min(model.rowCount(), 6)):
            index = model.index(row, 0)
            pane_view.scrollTo(index)
            QApplication.processEvents()
            pos = pane_view.visualRect(index).center()
            shown = tooltip_via_event(pane_view.viewport(), pos)
            assert shown, "no tooltip shown for a section row"
            assert_inert_for_qt(shown)
    # the article header: title and byline escaped inside its rich text, URL tooltip inert
    header = window.findChild(ArticleHeader)
    assert header is not None
    assert header.textFormat() == Qt.TextFormat.PlainText or "&lt;img" in header.text()
    assert_inert_for_qt(OUR_TAGS.sub("", re.sub(r"<div[^>]*>|</div>", "", header.text())))
    assert "&lt;img" in header.toolTip() or not Qt.mightBeRichText(header.toolTip())
    assert_inert_for_qt(header.toolTip())
    # every label in the window: plain text, or rich text with the user's markup escaped
    for label in window.findChildren(QLabel):
        if label.textFormat() != Qt.TextFormat.PlainText and Qt.mightBeRichText(label.text()):
            for tag in ("<img", "<link", "<style", "<script", "<iframe"):
                assert tag not in label.text().lower(), label.objectName()
        assert_inert_for_qt(label.toolTip())
    # the item editor's sources list shows cited sentences as plain item text
    editor = window.form.editor
    for row in range(editor.sources.count()):
        entry = editor.sources.item(row)
        assert_inert_for_qt(entry.toolTip())
    assert_nothing_happened(server, tmp_path)


@pytest.fixture
def loads(monkeypatch):
    """Every resource the preview browser is asked for, with what it answered."""
    seen: list[tuple[str, object]] = []
    original = SafeTextBrowser.loadResource

    def recording(self, type_, name):
        answer = original(self, type_, name)
        seen.append((name.toString(), answer))
        return answer

    monkeypatch.setattr(SafeTextBrowser, "loadResource", recording)
    return seen


def test_preview_renders_without_loading_anything(qtbot, hostile, server, tmp_path, loads):
    dialog = PreviewDialog(hostile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.is_rendered, timeout=30_000)   # a long export renders on a worker
    text = dialog.browser.toPlainText()
    assert "<img src=" in text and "touch PWNED" in text  # shown, as text
    images = [f for f in dialog.browser.document().allFormats() if f.isImageFormat()]
    assert images == [], "user markup rendered as an image in the preview"
    barriers.append_sentinel(dialog.browser)
    before = barriers.wait_for_sentinel(qtbot, lambda: [url for url, _ in loads])
    assert before == [], "the preview asked for a resource"
    for url, answer in loads:
        assert url.startswith("data:") or not answer, url
    assert_nothing_happened(server, tmp_path)


@pytest.mark.parametrize("html_text", [
    '<p>x</p><img src="file://{tmp}/probe.png">',
    '<p>x</p><img src="{tmp}/probe.png">',
    '<p>x</p><img src="probe.png">',
    "<html><head><style>@import url({tmp}/probe.css);</style></head><body><p>x</p></body></html>",
    '<html><head><link rel="stylesheet" href="{tmp}/probe.css"></head><body><p>x</p></body></html>',
])
def test_preview_browser_refuses_local_files_too(qtbot, tmp_path, monkeypatch, loads,
                                                html_text):
    """The second wall: even if HTML with a resource reached the browser, it loads no
    file (a 300x200 probe image or a 90pt stylesheet would make the page tall). Checked
    once an allowed image after the content has been asked for."""
    monkeypatch.chdir(tmp_path)
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(tmp_path / "probe.png"))
    (tmp_path / "probe.css").write_text("p, body { font-size: 90pt; }")
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(800, 600)
    browser.show()
    browser.setHtml(html_text.format(tmp=tmp_path))
    barriers.append_sentinel(browser)
    barriers.wait_for_sentinel(qtbot, lambda: [url for url, _ in loads])
    assert all(answer is None for url, answer in loads if not url.startswith("data:"))
    assert browser.document().size().height() < 100


# ---- exports --------------------------------------------------------------------------
TAG = re.compile(r"<[A-Za-z][^<>]*>")
HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']?([^"'\s>]*)""", re.I)


def assert_inert_html(rendered: str) -> None:
    low = rendered.lower()
    for tag in ("<img", "<script", "<iframe", "<link", "<style", "<object", "<embed",
                "<svg", "<form", "<input", "<meta", "<base", 'href="javascript:'):
        assert tag not in low, f"{tag} in rendered Markdown"
    for target in HREF.findall(" ".join(TAG.findall(rendered))):
        assert target.startswith("#fn"), f"link to {target!r} in rendered Markdown"


# GitHub's extended autolinks (cmark-gfm, pandoc's gfm): "www." after a line start,
# whitespace or one of *_~( ; "scheme://" and email addresses anywhere in a word.
GFM_AUTOLINK = re.compile(
    r"(?:^|[\s*_~(])www\.[^\s<]"
    r"|\b(?:https?|ftp)://"
    r"|[A-Za-z0-9.+_-]@[A-Za-z0-9_-]+\.[A-Za-z0-9_-]"
    r"|\b(?:mailto|xmpp):[A-Za-z0-9.+_-]+@", re.I | re.M)


def outside_code(md: str) -> str:
    """The Markdown less its code spans, where no GFM reader autolinks (the export writes
    addresses as code; tests/io/test_markdown_readers.py renders them with cmark-gfm and
    pandoc's gfm). Backslash escapes are read first, so an escaped backtick opens none."""
    return re.sub(r"\\.|`[^`]*`", lambda m: m.group() if m.group()[0] == "\\" else "", md)


def test_exports_are_inert(hostile, server, tmp_path):
    md_path, docx_path = tmp_path / "out.md", tmp_path / "out.docx"
    export_file(hostile, "md", md_path)
    export_file(hostile, "docx", docx_path)
    text = md_path.read_text(encoding="utf-8")

    assert_inert_html(markdown.markdown(text, extensions=["footnotes", "tables"]))
    assert_inert_html(render_html(hostile))
    md_it = MarkdownIt("commonmark").enable("table")
    assert_inert_html(md_it.render(text))
    try:
        linked = MarkdownIt("gfm-like").render(text)  # needs linkify-it-py
    except (ImportError, ModuleNotFoundError):
        linked = None
    if linked is not None:
        assert_inert_html(linked)
    found = GFM_AUTOLINK.search(outside_code(text))
    assert found is None, f"GFM would autolink: {text[max(0, found.start() - 40):found.end() + 40]!r}"

    with zipfile.ZipFile(docx_path) as docx:
        for name in docx.namelist():
            data = docx.read(name).decode("utf-8", "replace")
            if name.endswith(".rels"):
                assert 'TargetMode="External"' not in data, name
            assert "<w:fldSimple" not in data, name
            for instruction in re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", data):
                assert instruction.strip() in ("PAGE", "NUMPAGES"), (name, instruction)
            for tag in ("<w:hyperlink", "<w:object", "<w:altChunk", "<w:ddeLink",
                        "<v:imagedata", "<w:pict", "<w:drawing"):
                assert tag not in data, (name, tag)
            assert not name.startswith(("word/media/", "word/embeddings/", "word/activeX"))
    assert_nothing_happened(server, tmp_path)


@pytest.mark.parametrize("text", [
    "www.example.com", "see www.example.com", "(www.example.com)", "*www.example.com",
    "WWW.Example.com", "someone@example.com", "a.b+c@d-e.example.org",
    "http://x.example", "ftp://x", "mailto:a@b.example", "xmpp:a@b.example",
])
def test_escape_leaves_no_gfm_autolink(text):
    escaped = escape(text)
    assert GFM_AUTOLINK.search(outside_code(escaped)) is None, escaped
    shown = html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(escaped)))
    assert shown.find(text) >= 0  # still reads the same
    assert "<a" not in MarkdownIt("commonmark").render(escaped)


def test_markdown_export_quotes_every_payload(hostile, tmp_path):
    """The payloads are still all there, as text: escaping hid nothing from the reader."""
    rendered = html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(
        to_markdown(hostile, annex=True), extensions=["footnotes", "tables"])))
    flat = " ".join(rendered.split())
    for needle in ("<script>fetch(", "javascript:alert(1)", "INCLUDEPICTURE", "=cmd|",
                   "{{7*7}}", "${jndi:ldap://", "__import__('os')", "www.example.com",
                   "someone@example.com"):
        assert needle in flat, needle
