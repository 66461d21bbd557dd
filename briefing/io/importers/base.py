"""What every importer returns, and the one way to lay blocks out as article text.

The article model has no structure field yet, so structure lives in the layout: every
block is its own paragraph (a blank line before and after), so the segmenter never joins a
heading to a sentence, and `core.article.is_heading` recognises most headings by shape.
`Imported.headings` keeps the exact spans for the day the file format can store them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

META_FIELDS = ("title", "author", "outlet", "published", "url")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200c\u200d\u2060\ufeff]")


@dataclass
class Imported:
    text: str
    headings: list[tuple[int, int]] = field(default_factory=list)  # code-point spans into text
    metadata: dict[str, str] = field(default_factory=dict)           # META_FIELDS, all optional
    importer: str = ""                                               # the registry entry's name

    def heading_texts(self) -> list[str]:
        return [self.text[start:end] for start, end in self.headings]


def clean_inline(text: str) -> str:
    """One line of running text: soft hyphens and zero-width marks gone, spaces single."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def layout(blocks: list[tuple[str, str]], metadata: dict | None = None,
           importer: str = "") -> Imported:
    """Blocks ("h" heading, "p" paragraph, "pre" block whose line breaks stay) as text.

    Headings and paragraphs become one line each; blocks are separated by a blank line."""
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    offset = 0
    for kind, raw in blocks:
        if kind == "pre":
            text = "\n".join(filter(None, (clean_inline(line) for line in raw.split("\n"))))
        else:
            text = clean_inline(raw.replace("\n", " "))
        if not text:
            continue
        if parts:
            offset += 2
        if kind == "h":
            headings.append((offset, offset + len(text)))
        parts.append(text)
        offset += len(text)
    meta = {key: clean_inline(str(value)) for key, value in (metadata or {}).items()
            if key in META_FIELDS and value}
    return Imported("\n\n".join(parts), headings, meta, importer)
