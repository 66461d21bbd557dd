"""Valid briefs that froze the window (issue 10, "Freezes"), built through the public API.

Shared by tests/ui/test_freezes.py and benchmarks/bench_freezes.py. Each builder takes a
`scale` (1.0 = the issue's size) so a test can run a smaller, still-failing-before copy.
Every builder returns (brief, item id to select or None).
"""
from __future__ import annotations

from typing import Callable

from briefing import Brief

ARTICLE = ("Officials met in Vienna on Monday. The talks lasted six hours, a spokesman said.\n\n"
           "Negotiators agreed on a ceasefire text. Observers doubt it will hold.\n")


def _brief(text: str = ARTICLE) -> Brief:
    brief = Brief.from_text(text, title="Hostile brief")
    brief.clock = lambda: "2026-01-01T00:00:00Z"
    return brief


def long_note(scale: float = 1.0) -> tuple[Brief, str]:
    """A 1 MB note with no spaces (hung selecting its item)."""
    brief = _brief()
    item = brief.add_item("claim", "Talks lasted six hours.", [brief.sentences[1].id])
    brief.set_field(item.id, "note", "x" * int(1_000_000 * scale))
    return brief, item.id


def long_url(scale: float = 1.0) -> tuple[Brief, None]:
    """A 1 MB article URL (hung the Preview)."""
    brief = _brief()
    brief.set_meta("article.url", "https://example.org/" + "a" * int(1_000_000 * scale))
    brief.add_item("claim", "Talks lasted six hours.", [brief.sentences[1].id])
    return brief, None


def unbroken_article(scale: float = 1.0) -> tuple[Brief, str]:
    """An article of 400k characters with no spaces (hung opening it)."""
    brief = _brief("Intro sentence here. " + "y" * int(400_000 * scale) + ". Last one.\n")
    item = brief.add_item("claim", "The long one.", [brief.sentences[1].id])
    return brief, item.id


def emphasis_markers(scale: float = 1.0) -> tuple[Brief, str]:
    """`*_` x 50,000 in a field (hung the Preview)."""
    brief = _brief()
    item = brief.add_item("claim", "*_" * int(50_000 * scale), [brief.sentences[0].id])
    return brief, item.id


def table_pipes(scale: float = 1.0) -> tuple[Brief, str]:
    """3 MB of table pipes in a field (hung the Preview)."""
    brief = _brief()
    item = brief.add_item("claim", "Pipes.", [brief.sentences[0].id])
    brief.set_field(item.id, "note", "|" * int(3_000_000 * scale))
    return brief, item.id


def nested_divs(scale: float = 1.0) -> tuple[Brief, str]:
    """20k nested <div> in a field (hung the Preview)."""
    brief = _brief()
    n = int(20_000 * scale)
    item = brief.add_item("claim", "<div>" * n + "deep" + "</div>" * n, [brief.sentences[0].id])
    return brief, item.id


def many_citations(scale: float = 1.0) -> tuple[Brief, str]:
    """One claim citing 50,000 sentences (hung selecting it), in paragraphs of ten."""
    n = int(50_000 * scale)
    brief = _brief("".join(f"Sentence number {i} is here." + ("\n\n" if i % 10 == 9 else " ")
                           for i in range(n)))
    item = brief.add_item("claim", "Cites everything.", [s.id for s in brief.sentences])
    return brief, item.id


def many_claims(scale: float = 1.0) -> tuple[Brief, str]:
    """40,000 claims (hung the Preview)."""
    brief = _brief()
    sid = brief.sentences[0].id
    ids = [brief.add_item("claim", f"Claim {i}.", [sid]).id for i in range(int(40_000 * scale))]
    return brief, ids[len(ids) // 2]


HOSTILE: dict[str, Callable[[float], tuple[Brief, str | None]]] = {
    "1 MB note, no spaces": long_note,
    "1 MB article URL": long_url,
    "400k-char article, no spaces": unbroken_article,
    "'*_' x 50,000 in a field": emphasis_markers,
    "3 MB of table pipes": table_pipes,
    "20k nested <div>": nested_divs,
    "claim citing 50,000 sentences": many_citations,
    "40,000 claims": many_claims,
}
