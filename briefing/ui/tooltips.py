"""Tooltips that show user text literally, whatever it contains."""
from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """User text as a tooltip that shows it literally. Qt renders a tooltip as rich text
    when its first line looks like a tag, and rich text loads <img src> and @import names
    from local files (or a UNC share); escaped inside <qt> it is always inert text."""
    if not text:
        return ""
    return "<qt>" + escape(text, quote=False).replace("\n", "<br>") + "</qt>"
