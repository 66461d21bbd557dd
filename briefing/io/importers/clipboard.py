"""Pasted articles: HTML (a selection copied from a browser) goes through the web importer,
plain text through the text clean-up (line endings, hard wraps). Qt-free: the UI hands over
the clipboard's strings."""
from __future__ import annotations

from briefing.core.article import normalise_text
from briefing.io.errors import BriefingFileError
from briefing.io.importers.base import Imported
from briefing.io.importers.unwrap import unwrap_if_wrapped

SOURCE = "the clipboard"


def import_clipboard(html: str | None, text: str | None) -> Imported:
    """The article in what was copied; HTML wins when it holds an article, else the text."""
    if html and html.strip():
        from briefing.io.importers.web import html_to_article
        try:
            return html_to_article(html, SOURCE)
        except BriefingFileError:
            if not (text and text.strip()):
                raise
    if not (text and text.strip()):
        raise BriefingFileError(SOURCE, "holds no text to make an article from")
    return Imported(unwrap_if_wrapped(normalise_text(text)).strip("\n"), [], {}, "text")
