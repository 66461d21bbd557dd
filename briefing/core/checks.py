"""`brief.check()`: every citation's status and the findings an analyst must act on.

One plain dict (the same object `briefing check --json` and `briefing update --json`
print), so scripts, the CLI and the window read one thing. Rules: `uncited` (an item
resting on no sentence), `citation-review` (a citation that no longer matches), and the
analytic rules of briefing.core.rules: `unattributed`, `hedged-confirmed`, `single-source`,
`estimative-mismatch`, `grade-confidence`, `empty-bottom-line`. Every finding has a rule id,
a severity, the item (None for the brief), a one-line message and the words that fired it.
"""
from __future__ import annotations

from typing import Iterable

from briefing.core.anchor import Citation
from briefing.core.brief import BriefModel
from briefing.core.items import Item
from briefing.core.resolve import STATUSES, Resolution
from briefing.core.rules import empty_bottom_line, finding, item_findings

_CACHE_ATTR = "_rule_findings"   # per brief: item id -> (what they depend on, findings)
from briefing.core.sections import section_for
from briefing.core.source import sentence_number

SEVERITY = {"fuzzy": "warning", "ambiguous": "warning", "orphaned": "error"}
WHY = {
    "fuzzy": "the quoted sentence was edited; the closest sentence is suggested",
    "ambiguous": "the quote is found only in another context or in several places",
    "orphaned": "the quote is no longer in the article",
}


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def citation_entry(item: Item, index: int, c: Citation, r: Resolution) -> dict:
    s = r.sentence
    return {"item": item.id, "kind": item.kind, "index": index, "source": c.source,
            "status": r.status,
            "sentence": s.id if s else None, "quote": c.exact, "text": s.text if s else None,
            "similarity": r.similarity}


def review_message(index: int, c: Citation, r: Resolution) -> str:
    """One line naming the source, its status and why, for the CLI and the Checks pane."""
    extra = f", {round(r.similarity * 100)}% similar to sentence {sentence_number(r.sentence.id)}" \
        if r.sentence is not None and r.status == "fuzzy" else ""
    return f"source {index + 1} needs review ({r.status}{extra}): {WHY[r.status]}: \"{_clip(c.exact)}\""


RULES = ("uncited", "citation-review", "unattributed", "hedged-confirmed", "single-source",
         "estimative-mismatch", "grade-confidence", "empty-bottom-line")


def review_finding(item: Item, n: int, c: Citation, r: Resolution) -> dict:
    return finding("citation-review", item, review_message(n, c, r), [c.exact], SEVERITY[r.status])


def findings_of_item(brief: BriefModel, item: Item, review: list[dict] | None = None,
                     grades: tuple | None = None) -> list[dict]:
    """One item's findings in the order `check` lists them: uncited, citations to review
    (`review`, else from the brief's own resolutions), then the analytic rules. The
    Checks pane asks this item by item; `findings` for the whole brief."""
    out = []
    if not item.citations:
        what = section_for(item.kind).singular
        out.append(finding("uncited", item, f"this {what} cites no sentence of any source"))
    if review is None:
        review = [review_finding(item, n, c, r) for n, c in enumerate(item.citations)
                  if (r := brief.resolution(c)).needs_review] if brief.review_count(item) else []
    out += review
    # The analytic rules read the item's fields, its citations and the sources' grades:
    # unchanged, their findings are the ones found last time (a refresh after one edit of
    # a 5,000-item brief re-runs them for that item only).
    if grades is None:
        grades = tuple(s.reliability for s in brief.sources)
    cache: dict = brief.__dict__.setdefault(_CACHE_ATTR, {})
    key = (item, tuple(item.fields.values()), brief.citation_state(item), grades)
    known = cache.get(item.id)
    if known is None or known[0][0] is not item or known[0][1:] != key[1:] or \
            known[0][2] is not key[2]:
        known = cache[item.id] = (key, item_findings(brief, item))
    return out + [dict(f) for f in known[1]]


def findings(brief: BriefModel, rows: Iterable[tuple[Item, int, Citation, Resolution]]) -> list[dict]:
    """Every finding, item by item in brief order, then the brief's own. `rows` give the
    citations' statuses (an update reports those it found)."""
    review: dict[str, list[dict]] = {}
    for item, n, c, r in rows:
        if r.needs_review:
            review.setdefault(item.id, []).append(review_finding(item, n, c, r))
    grades = tuple(s.reliability for s in brief.sources)
    out = []
    for item in brief.items:
        out += findings_of_item(brief, item, review.get(item.id, []), grades)
    return out + empty_bottom_line(brief)


def report(brief: BriefModel, file: str | None = None,
           rows: list[tuple[Item, int, Citation, Resolution]] | None = None) -> dict:
    """The check object. `rows` overrides the brief's own resolutions (an update reports
    the statuses it found, before fresh anchors made them exact)."""
    if rows is None:
        rows = [(item, n, c, brief.resolution(c))
                for item in brief.items for n, c in enumerate(item.citations)]
    found = findings(brief, rows)
    statuses = {status: 0 for status in STATUSES}
    for *_, r in rows:
        statuses[r.status] += 1
    counts = {"items": len(brief.items), **brief.counts(), "citations": len(rows),
              **statuses, "need_review": sum(r.needs_review for *_, r in rows),
              "uncited": sum(1 for f in found if f["rule"] == "uncited"),
              "findings": {rule: sum(f["rule"] == rule for f in found) for rule in RULES}}
    return {"file": file, "ok": not found, "counts": counts,
            "citations": [citation_entry(*row) for row in rows], "findings": found}
