"""Preview of the Markdown export, rendered in the app, that can never reach the network.

The export escapes user text, so the rendered HTML holds no images or links of the user's
making; the browser is the second wall: it loads no resource but inline `data:` ones, opens
no link, and follows only the in-page footnote anchors the export itself writes.

A brief of any size opens its preview at once: the export is taken of the brief trimmed to
the preview's budget, rendered on a worker thread when it is long, and a cut preview says so
on top (briefing/ui/preview_render.py).
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from briefing.core.brief import BriefModel
from briefing.io.markdown_export import to_markdown
from briefing.ui.preview_render import PreviewBrief, render

SYNC_CHARS = 60_000   # Markdown this short renders on the spot (tens of ms at worst)

STYLE = """
body { font-family: sans-serif; font-size: 10.5pt; }
h1 { color: #1F3864; font-size: 20pt; }
h2 { color: #1F3864; font-size: 14pt; margin-top: 14px; }
table { border-collapse: collapse; margin: 6px 0; }
th { background-color: #1F3864; color: white; text-align: left; }
th, td { border: 1px solid #A6A6A6; padding: 3px 6px; vertical-align: top; }
.footnote { font-size: 9pt; color: #404040; }
.truncated { background-color: #FFF4CE; color: #5C4400; padding: 4px; }
"""


def render_html(brief: BriefModel) -> str:
    """The brief's Markdown export as HTML, as python-markdown renders it, within the
    preview's budget (a "Preview truncated" note on top when something was left out)."""
    view = PreviewBrief(brief)
    return render(to_markdown(view), view.cuts)


class _Renderer(QObject):
    """Renders on a worker thread and hands the HTML back to the GUI thread (a queued
    signal). It holds only a string: the brief is never read off the GUI thread."""

    done = Signal(str)

    def start(self, text: str, cuts: list[str]) -> None:
        threading.Thread(target=self._run, args=(text, cuts), name="preview", daemon=True).start()

    def _run(self, text: str, cuts: list[str]) -> None:
        try:
            html = render(text, cuts)
        except Exception as exc:  # noqa: BLE001 (shown to the analyst, never lost)
            html = f"<p>The preview could not be rendered ({type(exc).__name__}).</p>"
        self.done.emit(html)


class _RefusalIsFinal(QTextDocument):
    """The browser's document. When a browser answers nothing for a resource, a plain
    QTextDocument reads the name as a local file itself (an <img src="/path"> is shown,
    an @import of a local stylesheet applied, a UNC path fetched over SMB on Windows);
    this one answers a null image or an empty stylesheet instead."""

    def loadResource(self, type_: int, name: QUrl):  # noqa: N802 (Qt's name)
        if name.scheme() == "data":
            answer = super().loadResource(type_, name)  # asks the browser, decodes data:
        else:
            answer = self.parent().loadResource(type_, name)
        if answer is None:
            return QImage() if type_ == QTextDocument.ResourceType.ImageResource.value else ""
        return answer


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that fetches nothing and opens nothing outside its own page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_RefusalIsFinal(self))
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.anchorClicked.connect(self._follow_internal)

    def loadResource(self, type_: int, name: QUrl):  # noqa: N802 (Qt's name)
        """Only inline data: resources; anything with a scheme, host or path is refused,
        so no image or stylesheet can call home or read a local file."""
        if name.scheme() == "data":
            return super().loadResource(type_, name)
        return None

    def _follow_internal(self, url: QUrl) -> None:
        """Footnote links ('#fn:1', '#fnref:1') scroll within the page; others do nothing."""
        if not url.scheme() and not url.host() and not url.path() and url.hasFragment():
            self.scrollToAnchor(url.fragment())


class PreviewDialog(QDialog):
    """Shows the brief as it will export to Markdown; Close (or Esc) dismisses it."""

    def __init__(self, brief: BriefModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Preview — {brief.title or 'Untitled brief'}")
        self.resize(820, 900)
        self.browser = SafeTextBrowser(self)
        self._renderer: _Renderer | None = None
        view = PreviewBrief(brief)
        text = to_markdown(view)
        if len(text) <= SYNC_CHARS:
            self._show(render(text, view.cuts))
        else:
            self.browser.setPlainText("Rendering the preview…")
            self._renderer = _Renderer()
            self._renderer.done.connect(self._show)
            self._renderer.start(text, view.cuts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def _show(self, html: str) -> None:
        self.browser.setHtml(html)
        self._renderer = None

    def is_rendered(self) -> bool:
        """Whether the preview is on screen (false while the worker renders a long one)."""
        return self._renderer is None
