"""The drag format for article sentences: shared by the article view and the brief form.

The payload is a JSON list of sentence ids (the only thing a drop target needs to link or
create an item); text/plain rides along so dropping into any text field pastes the text.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

MIME_SENTENCES = "application/x-briefing-sentences"
MIME_WORDS = "application/x-briefing-words"   # words selected inside one sentence


def sentences_mime(sentence_ids: list[str], text: str = "", words: str = "") -> QMimeData:
    """Mime data carrying sentence ids (and their text as text/plain); `words`, when the
    selection lay inside one sentence, becomes a dropped item's text."""
    mime = QMimeData()
    mime.setData(MIME_SENTENCES, json.dumps(list(sentence_ids)).encode("utf-8"))
    mime.setText(text)
    if words:
        mime.setData(MIME_WORDS, words.encode("utf-8"))
    return mime


def words_from_mime(mime: QMimeData | None) -> str:
    """The selected words a drag carries, or "" (then the sentences' text is used)."""
    if mime is None or not mime.hasFormat(MIME_WORDS):
        return ""
    return bytes(mime.data(MIME_WORDS)).decode("utf-8", "replace")


def sentence_ids_from_mime(mime: QMimeData | None) -> list[str]:
    """The sentence ids in a drop, or [] if it carries none (or a malformed payload)."""
    if mime is None or not mime.hasFormat(MIME_SENTENCES):
        return []
    try:
        ids = json.loads(bytes(mime.data(MIME_SENTENCES)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list):
        return []
    return [sid for sid in ids if isinstance(sid, str)]
