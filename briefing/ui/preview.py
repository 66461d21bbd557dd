"""Preview of the Markdown export, rendered in the app, that can never reach the network.

The export escapes user text, so the rendered HTML holds no images or links of the user's
making; the browser is the second wall: it loads no resource but inline `data:` ones, opens
no link, and follows only the in-page footnote anchors the export itself writes.
"""
from __future__ import annotations

import markdown
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from briefing.core.brief import BriefModel
from briefing.io.markdown_export import to_markdown

STYLE = """
body { font-family: sans-serif; font-size: 10.5pt; }
h1 { color: #1F3864; font-size: 20pt; }
h2 { color: #1F3864; font-size: 14pt; margin-top: 14px; }
table { border-collapse: collapse; margin: 6px 0; }
th { background-color: #1F3864; color: white; text-align: left; }
th, td { border: 1px solid #A6A6A6; padding: 3px 6px; vertical-align: top; }
.footnote { font-size: 9pt; color: #404040; }
"""


def render_html(brief: BriefModel) -> str:
    """The brief's Markdown export as HTML, as python-markdown renders it, with a
    superscript comma between adjacent note marks so that notes 1 and 2 never read as 12."""
    html = markdown.markdown(to_markdown(brief), extensions=["footnotes", "tables"],
                             output_format="html")
    return html.replace('</sup><sup id="fnref', '</sup><sup>,</sup><sup id="fnref')


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
        self.browser.setHtml(render_html(brief))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
